"""Visitors' comments on pages, held for a person to approve before anyone sees them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from . import rules


class CommentQuerySet(models.QuerySet):
    def public(self):
        """What any visitor may see: approved comments and the organisation's replies."""
        return self.filter(status=Comment.Status.APPROVED)


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        SPAM = "spam", _("Spam")

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="comments"
    )
    reply_to = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        help_text=_("Set on the organisation's replies: the comment they answer."),
    )
    is_staff_reply = models.BooleanField(_("reply from the organisation"), default=False)
    author_name = models.CharField(_("name"), max_length=rules.NAME_MAX_LENGTH)
    # Never shown to the public; emptied after the retention period.
    author_email = models.EmailField(_("e-mail"), blank=True)
    text = models.TextField(_("comment"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    held_reasons = models.JSONField(_("why it was held"), default=list, blank=True)
    # A keyed hash of the client's address (rate limits, spotting repeat posters); dropped after 30 days.
    client_hash = models.CharField(_("client fingerprint"), max_length=64, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderators_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(_("personal data removed"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    panels = [FieldPanel("author_name"), FieldPanel("text")]

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["page", "status", "created_at"])]

    def __str__(self) -> str:
        excerpt = " ".join(self.text.split())
        return f"{self.author_name}: {excerpt[:60]}{'…' if len(excerpt) > 60 else ''}"

    def held_reason_labels(self) -> list[str]:
        return [rules.describe_reason(reason) for reason in self.held_reasons]

    def held_reasons_summary(self) -> str:
        return "; ".join(self.held_reason_labels())


@register_setting(icon="comment")
class CommentSettings(BaseGenericSetting):
    """Words and limits staff tune without a developer."""

    blocked_words = models.TextField(
        _("blocked words"),
        blank=True,
        help_text=_(
            "One word or phrase per line. A comment containing any of them is marked as spam "
            "(staff can still find and approve it)."
        ),
    )
    moderation_words = models.TextField(
        _("words to flag"),
        blank=True,
        help_text=_(
            "One word or phrase per line. A comment containing any of them is flagged in the queue, "
            "with the word shown, so a moderator reads it carefully."
        ),
    )
    max_links = models.PositiveSmallIntegerField(
        _("links allowed in a comment"),
        default=2,
        help_text=_("A comment with more web addresses than this is flagged as suspected spam."),
    )

    panels = [FieldPanel("blocked_words"), FieldPanel("moderation_words"), FieldPanel("max_links")]

    class Meta:
        verbose_name = _("comment moderation")
