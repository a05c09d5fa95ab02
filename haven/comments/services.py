"""Everything that changes comments: posting, moderating, replying, forgetting."""

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from haven.base.fragments import content_changed

from . import protection, rules
from .models import Comment, CommentSettings

IP_HASH_RETENTION_DAYS = 30


class CommentRefused(Exception):
    """The comment cannot be taken as sent; the message says what the visitor can do."""


class RateLimited(CommentRefused):
    pass


class FormExpired(CommentRefused):
    pass


def comments_open(page: Page) -> bool:
    """Whether visitors may comment on this page: live, public and switched on."""
    specific = page.specific
    return bool(
        page.live
        and getattr(specific, "allow_comments", False)
        and not specific.get_view_restrictions().exists()
    )


@transaction.atomic
def submit_comment(
    *,
    page: Page,
    author_name: str,
    author_email: str,
    text: str,
    form_token: str,
    honeypot: str,
    client_key: str,
    language: str = "",
    now: float | None = None,
) -> Comment:
    """Store a visitor's comment, pending review, or as spam when a rule says so.

    The visitor is told the same thing either way; the reasons are for staff.
    """
    verdict = rules.Verdict()
    age = protection.form_token_age(form_token, now=now)
    if age is None:
        verdict.add(rules.BAD_TOKEN, spam=True)
    elif age > settings.HAVEN_COMMENT_FORM_MAX_AGE_HOURS * 3600:
        raise FormExpired
    elif age < settings.HAVEN_COMMENT_MIN_SECONDS:
        verdict.add(rules.TOO_FAST, str(max(int(age), 0)), spam=True)
    if honeypot:
        verdict.add(rules.HONEYPOT, spam=True)
    if not protection.take_rate_limit_slot(client_key, now=now):
        raise RateLimited
    comment_settings = CommentSettings.load()
    rules.check_content(
        name=author_name,
        text=text,
        blocked_words=rules.word_list(comment_settings.blocked_words),
        moderation_words=rules.word_list(comment_settings.moderation_words),
        max_links=comment_settings.max_links,
        verdict=verdict,
    )
    comment = Comment.objects.create(
        page=page,
        author_name=author_name,
        author_email=author_email,
        text=text,
        status=Comment.Status.SPAM if verdict.is_spam else Comment.Status.PENDING,
        held_reasons=verdict.reasons,
        client_hash=client_key,
        language=language,
    )
    if comment.status == Comment.Status.PENDING:
        transaction.on_commit(_schedule_digest)
    return comment


def _schedule_digest() -> None:
    from .tasks import schedule_moderation_digest

    schedule_moderation_digest()


def _moderate(comments: Iterable[Comment], *, status: str, user) -> int:
    ids = [comment.pk for comment in comments]
    updated = Comment.objects.filter(pk__in=ids, is_staff_reply=False).update(
        status=status, moderated_at=timezone.now(), moderated_by=user
    )
    content_changed()
    return updated


@transaction.atomic
def approve_comments(*, comments: Iterable[Comment], user=None) -> int:
    """Publish the comments on their pages. Returns how many were approved."""
    return _moderate(comments, status=Comment.Status.APPROVED, user=user)


@transaction.atomic
def mark_comments_as_spam(*, comments: Iterable[Comment], user=None) -> int:
    """Hide the comments as spam (they stay in the queue's spam list). Returns how many."""
    return _moderate(comments, status=Comment.Status.SPAM, user=user)


@transaction.atomic
def delete_comments(*, comments: Iterable[Comment]) -> int:
    """Delete the comments, with the organisation's replies to them. Returns how many rows went."""
    deleted, _ = Comment.objects.filter(pk__in=[comment.pk for comment in comments]).delete()
    content_changed()
    return deleted


@transaction.atomic
def reply_as_organisation(*, comment: Comment, text: str, user, organisation_name: str) -> Comment:
    """Publish the organisation's reply under a comment; the comment is approved with it."""
    if comment.is_staff_reply:
        raise CommentRefused
    now = timezone.now()
    if comment.status != Comment.Status.APPROVED:
        Comment.objects.filter(pk=comment.pk).update(
            status=Comment.Status.APPROVED, moderated_at=now, moderated_by=user
        )
    reply = Comment.objects.create(
        page_id=comment.page_id,
        reply_to=comment,
        is_staff_reply=True,
        author_name=organisation_name,
        text=text,
        status=Comment.Status.APPROVED,
        moderated_at=now,
        moderated_by=user,
        language=comment.language,
    )
    content_changed()
    return reply


@transaction.atomic
def edit_comment(*, comment: Comment) -> None:
    """After staff corrected a comment's name or text (for example to remove a phone number)."""
    content_changed()


@transaction.atomic
def comments_deleted() -> None:
    """After staff deleted comments from the admin: pages showing them are rendered again."""
    content_changed()


@transaction.atomic
def purge_personal_data(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Forget commenters once their comments no longer need them.

    - E-mail addresses go a set number of days after moderation (the comment stays, author anonymised).
    - Comments marked as spam are deleted after the same period.
    - Client fingerprints (keyed hashes of addresses) go 30 days after the comment was sent.
    """
    now = now or timezone.now()
    moderated_before = now - dt.timedelta(days=settings.HAVEN_COMMENT_EMAIL_RETENTION_DAYS)
    spam_deleted, _ = Comment.objects.filter(
        # Spam caught by a rule was never moderated by a person: it counts from when it was sent.
        Q(moderated_at__lt=moderated_before) | Q(moderated_at__isnull=True, created_at__lt=moderated_before),
        status=Comment.Status.SPAM,
    ).delete()
    anonymised = (
        Comment.objects.filter(moderated_at__lt=moderated_before)
        .exclude(author_email="")
        .update(author_email="", anonymised_at=now)
    )
    hashes_dropped = (
        Comment.objects.filter(created_at__lt=now - dt.timedelta(days=IP_HASH_RETENTION_DAYS))
        .exclude(client_hash="")
        .update(client_hash="")
    )
    return {
        "spam_deleted": spam_deleted,
        "emails_removed": anonymised,
        "fingerprints_removed": hashes_dropped,
    }
