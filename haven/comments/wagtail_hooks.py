from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet

from . import services
from .admin_views import ApproveBulkAction, CommentViewSet, MarkSpamBulkAction
from .models import Comment

register_snippet(CommentViewSet)


hooks.register("register_bulk_action", ApproveBulkAction)
hooks.register("register_bulk_action", MarkSpamBulkAction)


def _one_item_bulk_url(action: str, comment: Comment, next_url: str | None) -> str:
    query = {"id": comment.pk, **({"next": next_url} if next_url else {})}
    return reverse("wagtail_bulk_action", args=("comments", "comment", action)) + "?" + urlencode(query)


@hooks.register("register_snippet_listing_buttons")
def moderation_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, Comment) or snippet.is_staff_reply:
        return []
    buttons = []
    if snippet.status != Comment.Status.APPROVED:
        buttons.append(
            Button(
                _("Approve"),
                url=_one_item_bulk_url("approve", snippet, next_url),
                icon_name="check",
                priority=1,
            )
        )
    if snippet.status != Comment.Status.SPAM:
        buttons.append(
            Button(
                _("Mark as spam"),
                url=_one_item_bulk_url("spam", snippet, next_url),
                icon_name="warning",
                priority=2,
            )
        )
    buttons.append(
        Button(
            _("Reply as the organisation"),
            url=reverse("wagtailsnippets_comments_comment:reply", args=(snippet.pk,)),
            icon_name="comment",
            priority=3,
        )
    )
    return buttons


@hooks.register("after_edit_snippet")
def comment_edited(request, instance):
    if isinstance(instance, Comment):
        services.edit_comment(comment=instance)


@hooks.register("after_delete_snippet")
def comments_deleted(request, instances):
    if any(isinstance(instance, Comment) for instance in instances):
        services.comments_deleted()


class ModerationPanel(Component):
    name = "comment_moderation"
    order = 50
    template_name = "comments/admin/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        counts = dict.fromkeys(Comment.Status.values, 0)
        from django.db.models import Count

        for row in Comment.objects.filter(is_staff_reply=False).values("status").annotate(n=Count("pk")):
            counts[row["status"]] = row["n"]
        list_url = reverse("wagtailsnippets_comments_comment:list")
        return {
            "rows": [
                {"label": label, "count": counts[status], "url": f"{list_url}?status={status}"}
                for status, label in Comment.Status.choices
            ]
        }


@hooks.register("construct_homepage_panels")
def add_moderation_panel(request, panels):
    panels.append(ModerationPanel())
