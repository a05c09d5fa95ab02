"""The moderation queue in the Wagtail admin."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.models import InspectView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import CreateView, IndexView, SnippetViewSet

from haven.base.models import SiteSettings

from . import services
from .forms import ReplyForm
from .models import Comment


class CommentIndexView(IndexView):
    def get_add_url(self):
        return None  # comments come from visitors; staff reply instead

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page")


class NoCreateView(CreateView):
    def dispatch(self, request, *args, **kwargs):
        raise Http404


class CommentInspectView(InspectView):
    def get_held_reasons_display_value(self):
        return "; ".join(self.object.held_reason_labels()) or "—"

    def get_author_email_display_value(self):
        if self.object.is_staff_reply:
            return "—"
        return self.object.author_email or _("removed after the retention period")

    def get_client_hash_display_value(self):
        return self.object.client_hash[:12] or "—"


def reply_view(request, pk):
    comment = get_object_or_404(Comment.objects.select_related("page"), pk=pk, is_staff_reply=False)
    if not ModelPermissionPolicy(Comment).user_has_permission(request.user, "change"):
        raise PermissionDenied
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = SiteSettings.for_request(request).organisation_name
        services.reply_as_organisation(
            comment=comment, text=form.cleaned_data["text"], user=request.user, organisation_name=organisation
        )
        messages.success(request, _("Your reply is published under the comment."))
        return redirect(reverse("wagtailsnippets_comments_comment:list") + "?status=approved")
    return TemplateResponse(
        request,
        "comments/admin/reply.html",
        {"comment": comment, "form": form, "page_title": _("Reply as the organisation")},
    )


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = gettext_lazy("Comments")
    menu_order = 220
    add_to_admin_menu = True
    index_view_class = CommentIndexView
    add_view_class = NoCreateView
    inspect_view_class = CommentInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "page",
        "status",
        "held_reasons",
        "author_name",
        "author_email",
        "text",
        "reply_to",
        "language",
        "created_at",
        "moderated_at",
        "moderated_by",
        "anonymised_at",
        "client_hash",
    ]
    copy_view_enabled = False
    list_display = [
        "__str__",
        Column("page", label=gettext_lazy("Page")),
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
        Column("held_reasons", label=gettext_lazy("Why it was held"), accessor="held_reasons_summary"),
        DateColumn("created_at", label=gettext_lazy("Sent")),
    ]
    list_filter = ["status"]
    search_fields = ["text", "author_name"]
    search_backend_name = None
    ordering = ["-created_at"]

    def get_urlpatterns(self):
        from django.urls import path

        return super().get_urlpatterns() + [path("reply/<int:pk>/", reply_view, name="reply")]


class ModerationBulkAction(SnippetBulkAction):
    models = [Comment]
    template_name = "comments/admin/confirm_bulk_moderation.html"

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", obj)

    def get_all_objects_in_listing_query(self, parent_id):
        # "Select all" in the queue means every comment waiting for review.
        return Comment.objects.filter(status=Comment.Status.PENDING).values_list("pk", flat=True)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action": self}


class ApproveBulkAction(ModerationBulkAction):
    display_name = gettext_lazy("Approve")
    action_type = "approve"
    aria_label = gettext_lazy("Approve the selected comments")
    action_priority = 10
    question = gettext_lazy("Publish these comments on their pages?")
    button_text = gettext_lazy("Yes, approve")

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return services.approve_comments(comments=objects, user=kwargs["self"].request.user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment approved and published.",
            "%(count)d comments approved and published.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class MarkSpamBulkAction(ModerationBulkAction):
    display_name = gettext_lazy("Mark as spam")
    action_type = "spam"
    aria_label = gettext_lazy("Mark the selected comments as spam")
    action_priority = 20
    question = gettext_lazy("Mark these comments as spam? They are hidden from the site.")
    button_text = gettext_lazy("Yes, mark as spam")
    classes = {"serious"}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return services.mark_comments_as_spam(comments=objects, user=kwargs["self"].request.user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment marked as spam.", "%(count)d comments marked as spam.", num_parent_objects
        ) % {"count": num_parent_objects}
