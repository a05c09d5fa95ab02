"""Background jobs: the moderators' digest of comments waiting for review."""

import datetime as dt

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override
from django_tasks import task

from .models import Comment

DIGEST_SCHEDULED_KEY = "haven:comments:digest-scheduled"


def schedule_moderation_digest() -> None:
    """Queue one digest for the comments now waiting, unless one is already due.

    The first comment of a quiet spell schedules it, a few minutes ahead, so a
    burst of comments makes one e-mail, not one each.
    """
    if not settings.HAVEN_COMMENT_MODERATOR_EMAILS:
        return
    delay = dt.timedelta(minutes=settings.HAVEN_COMMENT_DIGEST_MINUTES)
    # One digest at a time: the marker lasts until the digest runs (which clears it).
    # Should two be queued anyway (one in-process cache per app process), the
    # second finds nothing new and sends nothing.
    if not cache.add(DIGEST_SCHEDULED_KEY, 1, int(delay.total_seconds()) + 60):
        return
    job = send_moderation_digest
    if job.get_backend().supports_defer:
        job = job.using(run_after=timezone.now() + delay)
    job.enqueue()


@task()
def send_moderation_digest() -> int:
    """E-mail moderators how many comments wait. Returns how many were included.

    The e-mail names the pages and says why comments were held, but holds no
    commenter's e-mail address and no link that acts: the one link opens the
    queue, behind the staff sign-in.
    """
    recipients = settings.HAVEN_COMMENT_MODERATOR_EMAILS
    cache.delete(DIGEST_SCHEDULED_KEY)
    with transaction.atomic():
        waiting = list(
            Comment.objects.select_for_update()
            .filter(status=Comment.Status.PENDING, moderators_notified_at__isnull=True)
            .select_related("page")
            .order_by("created_at")
        )
        if not waiting or not recipients:
            return 0
        Comment.objects.filter(pk__in=[comment.pk for comment in waiting]).update(
            moderators_notified_at=timezone.now()
        )
    queue_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailsnippets_comments_comment:list")
    with override(settings.LANGUAGE_CODE):
        subject = ngettext(
            "%(count)d comment is waiting for review",
            "%(count)d comments are waiting for review",
            len(waiting),
        ) % {"count": len(waiting)}
        lines = [subject + ".", ""]
        for comment in waiting:
            lines.append(
                _("On “%(page)s”, from %(name)s:") % {"page": comment.page.title, "name": comment.author_name}
            )
            excerpt = " ".join(comment.text.split())
            lines.append(f"  {excerpt[:200]}{'…' if len(excerpt) > 200 else ''}")
            for label in comment.held_reason_labels():
                lines.append(f"  ({label})")
            lines.append("")
        lines.append(_("Sign in to review them: %(url)s") % {"url": queue_url})
    send_mail(subject, "\n".join(lines), None, recipients)
    return len(waiting)
