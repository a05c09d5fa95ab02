"""One event, several languages: the facts and the places are shared, never copied apart."""

import datetime as dt

import pytest
from django.core import mail
from wagtail.models import Locale

from haven.events import services
from haven.events.models import EventPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish_event(limited_event):
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    translation = limited_event.copy_for_translation(spanish, copy_parents=True)
    translation.title = "Proyección de la película"
    translation.save_revision().publish()
    return EventPage.objects.get(pk=translation.pk)


def test_a_change_to_the_event_shows_in_every_language(limited_event, spanish_event):
    limited_event.capacity = 50
    limited_event.start = limited_event.start + dt.timedelta(days=1)
    limited_event.end = limited_event.end + dt.timedelta(days=1)
    limited_event.save_revision().publish()
    spanish_event.refresh_from_db()
    assert spanish_event.capacity == 50
    assert spanish_event.start == limited_event.start
    assert spanish_event.title == "Proyección de la película"


def test_a_translation_published_from_an_old_draft_cannot_bring_old_facts_back(limited_event, spanish_event):
    stale_draft = spanish_event.save_revision()
    limited_event.capacity = 80
    limited_event.save_revision().publish()
    stale_draft.publish()
    spanish_event.refresh_from_db()
    limited_event.refresh_from_db()
    assert limited_event.capacity == 80
    assert spanish_event.capacity == 80


def test_registrations_in_both_languages_share_one_set_of_places(client, limited_event, spanish_event):
    assert spanish_event.registration_anchor.pk == limited_event.pk
    services.register(event=limited_event, name="Ana", email="ana@example.org", places=2)
    response = client.post(
        f"/es/registrations/event/{spanish_event.pk}/",
        {"name": "Beatriz", "email": "bea@example.org", "places": "1", "consent": "on"},
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 303
    assert response["Location"].startswith("/es/registrations/")
    assert limited_event.seats_left() == 0
    assert spanish_event.seats_left() == 0
    html = client.get(spanish_event.url).content.decode()
    assert 'lang="es"' in html


def test_the_spanish_registrant_gets_spanish_emails_about_the_spanish_page(
    client, limited_event, spanish_event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/es/registrations/event/{spanish_event.pk}/",
            {"name": "Beatriz", "email": "bea@example.org", "places": "1", "consent": "on"},
            HTTP_SEC_FETCH_SITE="same-origin",
        )
    [message] = mail.outbox
    assert "Proyección de la película" in message.subject
    assert spanish_event.url in message.body


def test_an_event_not_yet_translated_still_shows_in_the_other_language_marked_as_english(
    client, limited_event, spanish_event, events_index
):
    from haven.events.tests.factories import EventPageFactory

    english_only = EventPageFactory(parent=events_index, title="Parent workshop")
    spanish_index = spanish_event.get_parent().specific
    html = client.get(spanish_index.url).content.decode()
    assert "Proyección de la película" in html
    assert "Film screening" not in html  # translated: shown once, in Spanish
    assert "Parent workshop" in html
    assert '<article class="event-summary" lang="en">' in html
    assert html.count('class="event-summary"') == 2
    english_html = client.get(events_index.url).content.decode()
    assert "Proyección de la película" not in english_html and english_only.title in english_html
