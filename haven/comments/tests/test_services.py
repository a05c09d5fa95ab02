"""Posting, moderating, replying and forgetting, through the service layer."""

import datetime as dt
import time

import pytest
from django.core import mail
from django.utils import timezone

from haven.base.fragments import content_version
from haven.comments import protection, services
from haven.comments.models import Comment, CommentSettings
from haven.comments.tests.factories import CommentFactory, aged_form_token

pytestmark = pytest.mark.django_db


def submit(page, **overrides):
    values = {
        "page": page,
        "author_name": "Ana",
        "author_email": "ana@example.org",
        "text": "Thank you for this page.",
        "form_token": aged_form_token(),
        "honeypot": "",
        "client_key": "client-a",
        "language": "en",
    }
    values.update(overrides)
    return services.submit_comment(**values)


def test_a_comment_waits_for_review_with_no_reasons(campaign_page):
    comment = submit(campaign_page)
    assert comment.status == Comment.Status.PENDING
    assert comment.held_reasons == []
    assert comment.author_email == "ana@example.org"
    assert comment.client_hash == "client-a"


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        (lambda: {"honeypot": "http://spam.example"}, "honeypot"),
        (lambda: {"form_token": ""}, "bad_token"),
        (lambda: {"form_token": "forged:token"}, "bad_token"),
        (lambda: {"form_token": aged_form_token(1)}, "too_fast"),
    ],
    ids=["honeypot", "no-token", "forged-token", "too-fast"],
)
def test_robots_are_caught_as_spam_and_staff_see_why(campaign_page, overrides, code):
    comment = submit(campaign_page, **overrides())
    assert comment.status == Comment.Status.SPAM
    assert [reason["code"] for reason in comment.held_reasons] == [code]
    assert comment.held_reason_labels()[0].startswith("Spam:")


def test_blocked_words_mark_spam_and_moderation_words_flag_the_comment(campaign_page):
    comment_settings = CommentSettings.load()
    comment_settings.blocked_words = "casino\ncheap pills"
    comment_settings.moderation_words = "address\nmeet"
    comment_settings.save()
    assert submit(campaign_page, text="Best CASINO bonus").status == Comment.Status.SPAM
    assert submit(campaign_page, author_name="Cheap Pills", text="hello").status == Comment.Status.SPAM
    flagged = submit(campaign_page, text="Can we meet after the event?")
    assert flagged.status == Comment.Status.PENDING
    assert flagged.held_reason_labels() == ["Flagged: contains words to read carefully (meet)"]


def test_too_many_links_go_to_the_queue_as_suspected_spam(campaign_page):
    comment = submit(campaign_page, text="a https://a.example b https://b.example c https://c.example")
    assert comment.status == Comment.Status.PENDING
    assert comment.held_reason_labels() == ["Suspected spam: too many links (3/2)"]


def test_an_old_form_is_refused_so_the_visitor_can_send_again(campaign_page, settings):
    token = protection.issue_form_token(
        issued_at=time.time() - (settings.HAVEN_COMMENT_FORM_MAX_AGE_HOURS * 3600 + 5)
    )
    with pytest.raises(services.FormExpired):
        submit(campaign_page, form_token=token)
    assert not Comment.objects.exists()


def test_each_client_may_send_a_few_comments_per_window(campaign_page, settings):
    settings.HAVEN_COMMENT_RATE_LIMIT = 3
    for _ in range(3):
        submit(campaign_page, client_key="busy")
    with pytest.raises(services.RateLimited):
        submit(campaign_page, client_key="busy")
    submit(campaign_page, client_key="someone-else")
    later = time.time() + settings.HAVEN_COMMENT_RATE_WINDOW_MINUTES * 60
    submit(campaign_page, client_key="busy", now=later, form_token=aged_form_token(60))
    assert Comment.objects.count() == 5


def test_approving_publishes_and_refreshes_cached_pages(campaign_page, django_user_model):
    staff = django_user_model.objects.create_superuser("mod", "mod@example.org", "a-long-password")
    comments = [submit(campaign_page), submit(campaign_page)]
    before = content_version()
    assert services.approve_comments(comments=comments, user=staff) == 2
    assert content_version() > before
    assert set(Comment.objects.values_list("status", flat=True)) == {Comment.Status.APPROVED}
    assert Comment.objects.filter(moderated_by=staff, moderated_at__isnull=False).count() == 2


def test_spam_and_delete(campaign_page):
    spam, gone = submit(campaign_page), submit(campaign_page)
    services.mark_comments_as_spam(comments=[spam])
    services.delete_comments(comments=[gone])
    assert list(Comment.objects.values_list("status", flat=True)) == [Comment.Status.SPAM]


def test_the_organisation_replies_under_a_comment_and_approves_it(campaign_page, django_user_model):
    staff = django_user_model.objects.create_superuser("mod", "mod@example.org", "a-long-password")
    comment = submit(campaign_page)
    reply = services.reply_as_organisation(
        comment=comment, text="Thank you, Ana.", user=staff, organisation_name="Placer CSEC"
    )
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    assert reply.reply_to == comment and reply.is_staff_reply
    assert reply.author_name == "Placer CSEC" and reply.author_email == ""
    with pytest.raises(services.CommentRefused):
        services.reply_as_organisation(comment=reply, text="x", user=staff, organisation_name="x")


def test_comments_are_closed_on_pages_that_do_not_allow_them(campaign_page, home_page):
    assert services.comments_open(campaign_page)
    campaign_page.allow_comments = False
    campaign_page.save_revision().publish()
    assert not services.comments_open(campaign_page)
    assert not services.comments_open(home_page)  # only campaigns take comments


def test_personal_data_is_forgotten_on_schedule(campaign_page, settings):
    settings.HAVEN_COMMENT_EMAIL_RETENTION_DAYS = 30
    now = timezone.now()
    long_ago = now - dt.timedelta(days=31)
    recently = now - dt.timedelta(days=5)
    old_approved = CommentFactory(
        page=campaign_page, status="approved", moderated_at=long_ago, client_hash="h1"
    )
    new_approved = CommentFactory(
        page=campaign_page, status="approved", moderated_at=recently, client_hash="h2"
    )
    waiting = CommentFactory(page=campaign_page, client_hash="h3")
    old_spam = CommentFactory(page=campaign_page, status="spam", moderated_at=long_ago)
    old_rule_spam = CommentFactory(page=campaign_page, status="spam")
    new_spam = CommentFactory(page=campaign_page, status="spam", moderated_at=recently)
    Comment.objects.filter(pk__in=[old_approved.pk, waiting.pk, old_rule_spam.pk]).update(created_at=long_ago)

    assert services.purge_personal_data(now=now) == {
        "spam_deleted": 2,
        "emails_removed": 1,
        "fingerprints_removed": 2,
    }
    old_approved.refresh_from_db()
    assert old_approved.author_email == "" and old_approved.anonymised_at == now
    assert old_approved.text and old_approved.author_name  # the comment itself stays
    assert old_approved.client_hash == ""
    new_approved.refresh_from_db()
    assert new_approved.author_email and new_approved.client_hash == "h2"
    waiting.refresh_from_db()
    assert waiting.author_email, "a comment nobody has moderated yet keeps its address"
    assert waiting.client_hash == ""
    assert set(Comment.objects.filter(status="spam")) == {new_spam}
    assert not Comment.objects.filter(pk=old_spam.pk).exists()


def test_moderators_get_one_digest_without_commenters_addresses(
    campaign_page, settings, django_capture_on_commit_callbacks
):
    settings.HAVEN_COMMENT_MODERATOR_EMAILS = ["moderator@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        submit(campaign_page, author_email="first-secret@example.org", text="First comment")
    with django_capture_on_commit_callbacks(execute=True):
        submit(campaign_page, author_email="second@example.org", text="Second comment")
        submit(campaign_page, form_token="", text="Robot spam")  # spam: no e-mail for it
    # The test task backend runs jobs at once: the first comment sent the digest,
    # the second scheduled the next one.
    assert len(mail.outbox) == 2
    first, second = mail.outbox
    assert first.to == ["moderator@example.org"]
    assert first.subject == "1 comment is waiting for review"
    assert "First comment" in first.body and "Human Trafficking Awareness Month" in first.body
    assert "Second comment" in second.body and "Robot spam" not in second.body
    for message in mail.outbox:
        assert "@example.org" not in message.body.replace("moderator@example.org", "")
        links = [word for word in message.body.split() if word.startswith("http")]
        assert links == ["http://127.0.0.1:8000/admin/snippets/comments/comment/"]
    assert not Comment.objects.filter(status="pending", moderators_notified_at__isnull=True).exists()


def test_no_digest_without_moderator_addresses(campaign_page, settings, django_capture_on_commit_callbacks):
    settings.HAVEN_COMMENT_MODERATOR_EMAILS = []
    with django_capture_on_commit_callbacks(execute=True):
        submit(campaign_page)
    assert mail.outbox == []


def test_a_burst_of_comments_queues_one_deferred_digest_for_the_worker(
    campaign_page, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.HAVEN_COMMENT_MODERATOR_EMAILS = ["moderator@example.org"]
    settings.HAVEN_COMMENT_DIGEST_MINUTES = 30
    for n in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            submit(campaign_page, text=f"Burst {n}")
    job = DBTaskResult.objects.get(task_path__endswith="send_moderation_digest")
    assert job.run_after > timezone.now() + dt.timedelta(minutes=29)
    assert mail.outbox == []
    from haven.comments.tasks import send_moderation_digest

    assert send_moderation_digest.call() == 3
    assert len(mail.outbox) == 1 and mail.outbox[0].subject == "3 comments are waiting for review"
