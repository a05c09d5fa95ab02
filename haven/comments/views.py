from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from haven.base.security import same_origin_post

from . import protection, services
from .forms import CommentForm, fields_with_invalid_text

RECEIVED_MARKER = "comment=received"


@csrf_exempt  # visitors get no cookie: same_origin_post checks where the post comes from instead
@require_POST
@same_origin_post
def post_comment(request, page_id: int):
    """A visitor's comment: stored for review, then back to the page with a thank-you."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not services.comments_open(page):
        raise Http404
    form = CommentForm(request.POST, invalid_fields=fields_with_invalid_text(request))
    status = 400
    if form.is_valid():
        try:
            services.submit_comment(
                page=page,
                author_name=form.cleaned_data["name"],
                author_email=form.cleaned_data["email"],
                text=form.cleaned_data["text"],
                form_token=form.cleaned_data["token"],
                honeypot=form.cleaned_data["website"],
                client_key=protection.client_key(request),
                language=get_language() or "",
            )
        except services.RateLimited:
            form.add_error(
                None,
                _(
                    "You have sent several comments in a short time. Please wait a few minutes, "
                    "then send this one again: what you wrote is kept below."
                ),
            )
            status = 429
        except services.FormExpired:
            data = request.POST.copy()
            data["token"] = protection.current_form_token()
            form = CommentForm(data)
            form.is_valid()
            form.add_error(
                None,
                _("This form was open for a long time. Please check your comment and send it again."),
            )
        else:
            response = HttpResponseRedirect(f"{page.get_url(request)}?{RECEIVED_MARKER}#comment-form")
            response.status_code = 303
            return response
    context = page.get_context(request)
    context["comment_form"] = form
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    # The answer repeats what the visitor typed, e-mail included: never kept by a cache.
    response["Cache-Control"] = "private, no-store"
    return response
