"""A visitor comments on a page: cookie-free, refused when forged, shown only when approved."""

import re
from urllib.parse import quote_from_bytes, urlencode

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.comments import services
from haven.comments.models import Comment
from haven.comments.tests.factories import CommentFactory, comment_form_data
from haven.comments.tests.hostile import HOSTILE_TEXTS, INVALID_UTF8, REFUSED_TEXTS

pytestmark = pytest.mark.django_db

SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}


def post_url(page, language="en"):
    return f"/{language}/comments/{page.pk}/post/"


def post(client, page, data=None, **headers):
    return client.post(post_url(page), data or comment_form_data(), **{**SAME_ORIGIN, **headers})


def field_markup(html: str, name: str) -> str:
    match = re.search(rf"<(?:input|textarea)[^>]*name=\"{name}\"[^>]*>", html)
    assert match, f"no {name} field"
    return match.group(0)


def test_the_page_shows_the_form_with_required_fields_named_and_marked(client, campaign_page):
    response = client.get(campaign_page.url)
    html = response.content.decode()
    assert f'action="{post_url(campaign_page)}"' in html
    assert "Required fields are marked" in html
    for name in ("name", "email", "text"):
        assert " required" in field_markup(html, name)
    assert 'id="id_email_hint"' in html and "Never published" in html
    assert 'aria-describedby="id_email_hint"' in field_markup(html, "email")
    assert 'tabindex="-1"' in field_markup(html, "website")
    assert 'name="csrfmiddlewaretoken"' not in html
    assert not response.cookies
    assert "public" in response.headers["Cache-Control"]


def test_posting_stores_a_pending_comment_and_thanks_without_a_cookie(client, campaign_page):
    response = post(client, campaign_page)
    assert response.status_code == 303
    assert response.headers["Location"] == f"{campaign_page.url}?comment=received#comment-form"
    assert not response.cookies and "Set-Cookie" not in response.headers
    comment = Comment.objects.get()
    assert (comment.status, comment.author_email, comment.page_id) == (
        "pending",
        "ana@example.org",
        campaign_page.pk,
    )
    assert len(comment.client_hash) == 64 and "127.0.0.1" not in comment.client_hash

    thanks = client.get(response.headers["Location"])
    html = thanks.content.decode()
    assert "Thank you — your comment will appear after review." in html
    assert "Thank you for this page." not in html  # not before a person approves it
    assert not thanks.cookies and "public" in thanks.headers["Cache-Control"]


def test_spam_gets_the_same_thanks_as_everyone(client, campaign_page):
    response = post(client, campaign_page, comment_form_data(website="http://spam.example", token=""))
    assert response.status_code == 303
    assert "comment=received" in response.headers["Location"]
    assert Comment.objects.get().status == "spam"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "Enter your name"),
        ({"email": "not-an-address"}, "email", "Enter an e-mail address like name@example.org"),
        ({"text": "   \r\n  "}, "text", "Write your comment."),
        ({"text": REFUSED_TEXTS["too-long"]}, "text", "is 10,001 characters long; the limit is 10,000"),
        ({"text": REFUSED_TEXTS["null-byte"]}, "text", "Null characters are not allowed."),
    ],
    ids=["no-name", "bad-email", "blank-comment", "too-long", "null-byte"],
)
def test_bad_input_gets_a_message_next_to_the_field_and_keeps_what_was_typed(
    client, campaign_page, overrides, field, message
):
    data = comment_form_data(
        **{"name": "Zoë", "email": "zoe@example.org", "text": "Mi comentario ¿sí?", **overrides}
    )
    response = post(client, campaign_page, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert response.headers["Cache-Control"] == "private, no-store"
    assert not response.cookies
    error = re.search(rf'<p class="field__error" id="id_{field}_error">(.*?)</p>', html, re.S)
    assert error and message in error.group(1)
    assert 'aria-invalid="true"' in field_markup(html, field)
    assert f"id_{field}_error" in field_markup(html, field)
    if field != "name":
        assert 'value="Zoë"' in field_markup(html, "name")
    if field != "email":
        assert 'value="zoe@example.org"' in field_markup(html, "email")
    if field != "text":
        assert "Mi comentario ¿sí?" in html
    assert not Comment.objects.exists()


def test_invalid_utf8_is_refused_with_a_message(client, campaign_page):
    data = comment_form_data()
    body = "&".join(
        f"{key}={quote_from_bytes(value.encode())}" for key, value in data.items() if key != "text"
    )
    body += "&text=" + quote_from_bytes(INVALID_UTF8)
    response = client.generic(
        "POST", post_url(campaign_page), body, content_type="application/x-www-form-urlencoded", **SAME_ORIGIN
    )
    assert response.status_code == 400
    assert "not valid text" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {},
    ],
    ids=["cross-site", "same-site", "other-origin", "null-origin", "no-headers"],
)
def test_forged_cross_site_posts_are_refused(client, campaign_page, headers):
    response = client.post(post_url(campaign_page), comment_form_data(), **headers)
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_an_old_browser_without_fetch_metadata_may_post_from_the_same_origin(client, campaign_page):
    response = client.post(post_url(campaign_page), comment_form_data(), HTTP_ORIGIN="http://testserver")
    assert response.status_code == 303


def test_too_many_comments_get_a_clear_message_and_keep_the_text(client, campaign_page, settings):
    settings.HAVEN_COMMENT_RATE_LIMIT = 2
    assert post(client, campaign_page).status_code == 303
    assert post(client, campaign_page).status_code == 303
    response = post(client, campaign_page, comment_form_data(text="My third thought"))
    html = response.content.decode()
    assert response.status_code == 429
    assert "You have sent several comments in a short time" in html
    assert "My third thought" in html
    assert Comment.objects.count() == 2


def test_an_expired_form_is_given_back_with_a_fresh_token(client, campaign_page, settings):
    from haven.comments.tests.factories import aged_form_token

    old = aged_form_token(settings.HAVEN_COMMENT_FORM_MAX_AGE_HOURS * 3600 + 60)
    response = post(client, campaign_page, comment_form_data(token=old, text="Still here"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "This form was open for a long time" in html and "Still here" in html
    assert old not in html
    assert not Comment.objects.exists()


def test_messages_come_back_in_the_readers_language(client, campaign_page):
    response = client.post(post_url(campaign_page, "es"), comment_form_data(name=""), **SAME_ORIGIN)
    html = response.content.decode()
    assert response.status_code == 400
    assert '<html lang="es">' in html
    assert "Escriba su nombre" in html


def test_only_approved_comments_and_replies_are_shown_and_never_an_address(client, campaign_page):
    approved = CommentFactory(
        page=campaign_page, status="approved", text="Approved words", author_name="Lucía"
    )
    CommentFactory(page=campaign_page, status="pending", text="Pending words")
    CommentFactory(page=campaign_page, status="spam", text="Spam words")
    CommentFactory(
        page=campaign_page,
        status="approved",
        text="Reply words",
        reply_to=approved,
        is_staff_reply=True,
        author_name="Haven team",
        author_email="",
    )
    CommentFactory(
        page=campaign_page, status="pending", text="Unapproved reply", reply_to=approved, is_staff_reply=True
    )
    html = client.get(campaign_page.url).content.decode()
    assert "Approved words" in html and "Lucía" in html
    assert "Haven team</bdi></b> replied" in html
    assert html.index("Approved words") < html.index("Reply words")
    for hidden in ("Pending words", "Spam words", "Unapproved reply", "@example.org"):
        assert hidden not in html


def test_approving_refreshes_the_cached_page(client, campaign_page):
    comment = CommentFactory(page=campaign_page, text="Worth waiting for")
    assert "Worth waiting for" not in client.get(campaign_page.url).content.decode()
    services.approve_comments(comments=[comment])
    response = client.get(campaign_page.url)
    assert "Worth waiting for" in response.content.decode()
    assert "public" in response.headers["Cache-Control"] and not response.cookies
    services.mark_comments_as_spam(comments=[comment])
    assert "Worth waiting for" not in client.get(campaign_page.url).content.decode()


def test_comments_add_no_queries_to_a_warm_page_however_many_there_are(client, campaign_page):
    def warm_count():
        client.get(campaign_page.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(campaign_page.url).status_code == 200
        return len(queries)

    without = warm_count()
    for n in range(20):
        parent = CommentFactory(page=campaign_page, status="approved", text=f"Comment {n}")
        CommentFactory(page=campaign_page, status="approved", reply_to=parent, is_staff_reply=True)
    services.approve_comments(comments=[])  # a moderation changes the content version
    cache.clear()
    assert warm_count() == without


def test_pages_without_comments_show_no_form_and_refuse_posts(client, campaign_page, home_page):
    campaign_page.allow_comments = False
    campaign_page.save_revision().publish()
    assert 'id="comment-form"' not in client.get(campaign_page.url).content.decode()
    assert post(client, campaign_page).status_code == 404
    assert post(client, home_page).status_code == 404
    assert client.get(post_url(campaign_page)).status_code == 405


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
def test_hostile_text_is_stored_exactly_and_shown_as_text(client, campaign_page, name):
    text = HOSTILE_TEXTS[name]
    author = f"{name} <b>name</b> \u202e"
    response = client.post(
        post_url(campaign_page),
        urlencode(comment_form_data(text=text, name=author)),
        content_type="application/x-www-form-urlencoded",
        **SAME_ORIGIN,
    )
    assert response.status_code == 303
    comment = Comment.objects.get()
    assert comment.text == text
    assert comment.author_name == author.strip()
    services.approve_comments(comments=[comment])
    html = client.get(campaign_page.url).content.decode()
    shown = re.search(r'<div class="comment__text" dir="auto">(.*?)</div>', html, re.S).group(1)
    assert "<" not in shown.replace("<br>", "")
    assert 'onerror="' not in html and "<svg" not in html and "<iframe" not in html
    assert "<b>name</b>" not in html
