"""Staff moderate from the Wagtail admin: queue, counts, approve/spam/delete, reply, why held."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from haven.comments.models import Comment
from haven.comments.tests.factories import CommentFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/comments/comment/"


@pytest.fixture
def staff_client(client, django_user_model):
    staff = django_user_model.objects.create_superuser("moderator", "mod@example.org", "a-long-password")
    client.force_login(staff)
    return client


def bulk_url(action: str, *comments: Comment) -> str:
    ids = "&".join(f"id={comment.pk}" for comment in comments)
    return f"/admin/bulk/comments/comment/{action}/?{ids}&next={LIST_URL}"


def test_the_queue_lists_pending_comments_with_why_they_were_held(staff_client, campaign_page):
    CommentFactory(
        page=campaign_page, text="Please read me", held_reasons=[{"code": "too_many_links", "detail": "4/2"}]
    )
    CommentFactory(page=campaign_page, text="Already approved", status="approved")
    html = staff_client.get(LIST_URL + "?status=pending").content.decode()
    assert "Please read me" in html
    assert "Suspected spam: too many links (4/2)" in html
    assert "Already approved" not in html
    assert "Approve" in html and "Mark as spam" in html and "Reply as the organisation" in html


def test_the_dashboard_counts_comments_by_status(staff_client, campaign_page):
    for status, count in (("pending", 3), ("approved", 2), ("spam", 1)):
        for _ in range(count):
            CommentFactory(page=campaign_page, status=status)
    html = staff_client.get("/admin/").content.decode()
    assert "Waiting for review: <strong>3</strong>" in html
    assert "Approved: <strong>2</strong>" in html
    assert "Spam: <strong>1</strong>" in html
    assert f'href="{LIST_URL}?status=pending"' in html


def test_staff_see_the_commenters_address_in_the_detail(staff_client, campaign_page):
    comment = CommentFactory(page=campaign_page, author_email="only-staff@example.org")
    html = staff_client.get(f"{LIST_URL}inspect/{comment.pk}/").content.decode()
    assert "only-staff@example.org" in html


def test_approve_and_mark_spam_in_bulk_with_a_confirmation(staff_client, client, campaign_page):
    first, second, third = (CommentFactory(page=campaign_page, text=f"Bulk {n}") for n in range(3))
    confirm = staff_client.get(bulk_url("approve", first, second))
    assert confirm.status_code == 200 and "Publish these comments on their pages?" in confirm.content.decode()
    response = staff_client.post(bulk_url("approve", first, second))
    assert response.status_code == 302
    staff_client.post(bulk_url("spam", third))
    assert dict(Comment.objects.values_list("text", "status")) == {
        "Bulk 0": "approved",
        "Bulk 1": "approved",
        "Bulk 2": "spam",
    }
    client.logout()
    html = client.get(campaign_page.url).content.decode()
    assert "Bulk 0" in html and "Bulk 1" in html and "Bulk 2" not in html


def test_delete_takes_a_comment_off_the_page(staff_client, client, campaign_page):
    comment = CommentFactory(page=campaign_page, status="approved", text="Soon gone")
    assert "Soon gone" in client.get(campaign_page.url).content.decode()
    staff_client.post(f"/admin/bulk/comments/comment/delete/?id={comment.pk}")
    assert not Comment.objects.exists()
    client.logout()
    assert "Soon gone" not in client.get(campaign_page.url).content.decode()


def test_staff_can_redact_a_comment_and_the_page_follows(staff_client, client, campaign_page):
    comment = CommentFactory(page=campaign_page, status="approved", text="Call me on 916-555-0100")
    client.get(campaign_page.url)
    response = staff_client.post(
        f"{LIST_URL}edit/{comment.pk}/",
        {"author_name": comment.author_name, "text": "Call me (number removed)"},
    )
    assert response.status_code == 302
    client.logout()
    html = client.get(campaign_page.url).content.decode()
    assert "916-555-0100" not in html and "number removed" in html


def test_reply_as_the_organisation(staff_client, client, campaign_page, home_page):
    from haven.base.models import SiteSettings

    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.organisation_name = "Placer CSEC Collaborative"
    site_settings.save()
    comment = CommentFactory(page=campaign_page, text="Is the screening free?")
    form = staff_client.get(f"{LIST_URL}reply/{comment.pk}/")
    assert "Replying also approves the comment" in form.content.decode()
    assert staff_client.post(f"{LIST_URL}reply/{comment.pk}/", {"text": ""}).status_code == 200
    response = staff_client.post(f"{LIST_URL}reply/{comment.pk}/", {"text": "Yes, it is free."})
    assert response.status_code == 302
    client.logout()
    html = client.get(campaign_page.url).content.decode()
    assert "Is the screening free?" in html and "Yes, it is free." in html
    assert "Placer CSEC Collaborative</bdi></b> replied" in html


def test_staff_cannot_invent_comments_and_visitors_cannot_moderate(staff_client, client, campaign_page):
    assert staff_client.get(LIST_URL + "add/", follow=True).status_code == 404
    comment = CommentFactory(page=campaign_page)
    client.logout()
    response = client.post(bulk_url("approve", comment))
    assert response.status_code == 302 and "/admin/login/" in response.headers["Location"]
    assert Comment.objects.get().status == "pending"


def test_the_purge_command_reports_what_it_removed(campaign_page):
    CommentFactory(
        page=campaign_page, status="approved", moderated_at=timezone.now() - dt.timedelta(days=400)
    )
    out = StringIO()
    call_command("purge_comment_personal_data", stdout=out)
    assert "Removed 1 e-mail address(es)" in out.getvalue()
    assert Comment.objects.get().author_email == ""
