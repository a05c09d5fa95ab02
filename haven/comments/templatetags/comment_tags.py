from django import template
from django.core.cache import cache
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from haven.base.fragments import content_version
from haven.comments import protection
from haven.comments.forms import CommentForm
from haven.comments.models import Comment
from haven.comments.views import RECEIVED_MARKER

register = template.Library()

COMMENTS_CACHE_SECONDS = 3600


def approved_comments_html(*, page, request) -> str:
    """The approved comments, rendered once per change of content (approving one is a change)."""
    key = f"haven:comments:{page.pk}:{get_language()}:{content_version(request)}"
    html = None if getattr(request, "is_preview", False) else cache.get(key)
    if html is None:
        comments = (
            Comment.objects.public()
            .filter(page=page, reply_to__isnull=True)
            .prefetch_related(Prefetch("replies", queryset=Comment.objects.public().order_by("created_at")))
            .order_by("created_at")
        )
        html = render_to_string(
            "comments/includes/comment_list.html", {"comments": comments}, request=request
        )
        cache.set(key, html, COMMENTS_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308  (rendered from our template, every value escaped)


def describe_fields(form: CommentForm) -> None:
    """Tie each field to its hint and error, so screen readers read them with it."""
    for name, field in form.fields.items():
        described_by = []
        if field.help_text:
            described_by.append(f"id_{name}_hint")
        if form.is_bound and name in form.errors:
            described_by.append(f"id_{name}_error")
            field.widget.attrs["aria-invalid"] = "true"
        if described_by:
            field.widget.attrs["aria-describedby"] = " ".join(described_by)


@register.simple_tag(takes_context=True)
def page_comments(context):
    """Approved comments and the form to leave one, on pages that allow comments."""
    page, request = context["page"], context["request"]
    if not page.pk or not getattr(page, "allow_comments", False):
        return ""
    form = context.get("comment_form") or CommentForm(initial={"token": protection.current_form_token()})
    describe_fields(form)
    return render_to_string(
        "comments/includes/comments.html",
        {
            "page": page,
            "comments_html": approved_comments_html(page=page, request=request),
            "form": form,
            "received": request.GET.urlencode() == RECEIVED_MARKER and not form.is_bound,
        },
        request=request,
    )
