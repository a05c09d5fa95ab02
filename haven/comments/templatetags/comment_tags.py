import hashlib

from django import template
from django.core.cache import cache
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
        # One query: comments and replies together, threaded here.
        everything = list(Comment.objects.public().filter(page=page).order_by("created_at", "pk"))
        replies: dict[int, list[Comment]] = {}
        for comment in everything:
            if comment.reply_to_id is not None:
                replies.setdefault(comment.reply_to_id, []).append(comment)
        comments = [comment for comment in everything if comment.reply_to_id is None]
        for comment in comments:
            comment.public_replies = replies.get(comment.pk, [])
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
    bound_form = context.get("comment_form")
    received = request.GET.urlencode() == RECEIVED_MARKER and bound_form is None
    token = protection.current_form_token()
    # What nearly every reader gets (an empty form) changes only with the
    # shared token (every few seconds) or the content: render it once for all.
    key = None
    if bound_form is None and not received and not getattr(request, "is_preview", False):
        token_digest = hashlib.sha256(token.encode()).hexdigest()[:16]
        key = f"haven:comments-block:{page.pk}:{get_language()}:{content_version(request)}:{token_digest}"
        html = cache.get(key)
        if html is not None:
            return mark_safe(html)  # noqa: S308  (rendered below from our template)
    form = bound_form or CommentForm(initial={"token": token})
    describe_fields(form)
    html = render_to_string(
        "comments/includes/comments.html",
        {
            "page": page,
            "comments_html": approved_comments_html(page=page, request=request),
            "form": form,
            "received": received,
        },
        request=request,
    )
    if key is not None:
        cache.set(key, html, protection.TOKEN_SHARED_SECONDS * 12)
    return mark_safe(html)  # noqa: S308  (rendered from our template, every value escaped)
