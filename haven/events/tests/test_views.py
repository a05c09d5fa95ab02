"""What a visitor sees and does: the event page, the form, the private page, the lists."""

import datetime as dt
import json
import re

import pytest
from django.utils import timezone

from haven.events import services
from haven.events.models import EventStatus, Registration
from haven.events.tests.factories import EventPageFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

SAME_SITE = {"HTTP_SEC_FETCH_SITE": "same-origin"}


def form_data(**overrides):
    data = {
        "name": "Ana María",
        "email": "ana@example.org",
        "phone": "",
        "places": "1",
        "accessibility_needs": "",
        "consent": "on",
    }
    data.update(overrides)
    return data


def post_registration(client, event, **overrides):
    return client.post(f"/en/registrations/event/{event.pk}/", form_data(**overrides), **SAME_SITE)


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_event_page_shows_the_form_places_left_and_never_the_joining_link(client, limited_event):
    response = client.get(limited_event.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "3 places left" in html
    assert 'name="email"' in html and 'name="consent"' in html
    assert "secret-room-4821" not in html
    assert "Add to calendar" in html
    assert not response.cookies


def test_registering_redirects_to_a_private_page_with_the_joining_link(client, limited_event):
    response = post_registration(client, limited_event)
    assert response.status_code == 303
    assert not response.cookies
    private_page = client.get(response["Location"])
    html = private_page.content.decode()
    assert private_page.status_code == 200
    assert "you are registered" in html
    assert "https://meet.example.org/secret-room-4821" in html
    assert "no-store" in private_page["Cache-Control"]
    assert "noindex" in private_page["X-Robots-Tag"]
    assert Registration.objects.get().name == "Ana María"


def test_invalid_input_gets_a_message_next_to_the_field_and_keeps_what_was_typed(client, limited_event):
    response = post_registration(client, limited_event, email="ana@example", name="Ana María")
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_email_error"' in html and "Enter a valid email address" in html
    assert 'value="Ana María"' in html and 'value="ana@example"' in html
    assert not Registration.objects.exists()


@pytest.mark.parametrize("places", ["0", "3", "lots", ""])
def test_places_outside_the_allowed_range_are_refused_clearly(client, limited_event, places):
    response = post_registration(client, limited_event, places=places)
    assert response.status_code == 400
    assert "Choose between 1 and 2 places." in response.content.decode() or "This field is required" in (
        response.content.decode()
    )
    assert not Registration.objects.exists()


def test_consent_is_required(client, limited_event):
    response = post_registration(client, limited_event, consent="")
    assert response.status_code == 400
    assert "we cannot register you without it" in response.content.decode()


def test_registering_twice_with_one_email_gets_a_clear_message(client, limited_event):
    post_registration(client, limited_event)
    response = post_registration(client, limited_event, email="ANA@example.org")
    assert response.status_code == 409
    assert "already registered for this event" in response.content.decode()
    assert Registration.objects.count() == 1


def test_a_full_event_offers_the_waiting_list(client, limited_event):
    RegistrationFactory(event=limited_event, places=2)
    RegistrationFactory(event=limited_event, places=1)
    html = client.get(limited_event.url).content.decode()
    assert "Join the waiting list" in html
    response = post_registration(client, limited_event)
    assert response.status_code == 303
    private_html = client.get(response["Location"]).content.decode()
    assert "you are on the waiting list" in private_html
    assert "secret-room-4821" not in private_html


def test_a_past_event_refuses_registration_with_a_message(client, limited_event):
    limited_event.start = timezone.now() - dt.timedelta(days=2)
    limited_event.end = limited_event.start + dt.timedelta(hours=2)
    limited_event.save_revision().publish()
    response = post_registration(client, limited_event)
    assert response.status_code == 400
    assert "This event is over" in response.content.decode()


def test_a_cross_site_post_is_refused(client, limited_event):
    response = client.post(
        f"/en/registrations/event/{limited_event.pk}/", form_data(), HTTP_SEC_FETCH_SITE="cross-site"
    )
    assert response.status_code == 403
    assert not Registration.objects.exists()


@pytest.mark.parametrize("suffix", ["x", ""])
def test_a_forged_or_missing_token_is_a_404_not_a_500(client, limited_event, suffix):
    registration = RegistrationFactory(event=limited_event)
    token = services.registration_token(registration)
    response = client.get(f"/en/registrations/{registration.pk}/{token[:-1] + suffix}/")
    assert response.status_code == 404
    assert client.get(f"/en/registrations/{registration.pk}/").status_code == 404
    assert (
        client.post(
            f"/en/registrations/{registration.pk}/forged/", {"action": "cancel"}, **SAME_SITE
        ).status_code
        == 404
    )
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_cancelling_by_the_private_link_frees_the_place_for_the_waiting_list(client, limited_event):
    holder = RegistrationFactory(event=limited_event, places=2)
    RegistrationFactory(event=limited_event, places=1)
    waiting = services.register(event=limited_event, name="Ben", email="ben@example.org").registration
    url = f"/en/registrations/{holder.pk}/{services.registration_token(holder)}/"
    response = client.post(url, {"action": "cancel"}, **SAME_SITE)
    assert response.status_code == 200
    assert "Your registration is cancelled" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    # Cancelling twice is harmless and says so.
    again = client.post(url, {"action": "cancel"}, **SAME_SITE)
    assert again.status_code == 400
    assert "already cancelled" in again.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"


def test_the_event_page_carries_schema_org_event_data(client, limited_event, events_index):
    data = json_ld(client.get(limited_event.url).content.decode())
    assert data["@type"] == "Event"
    assert data["name"] == "Film screening"
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", data["startDate"])
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"]["@type"] == "VirtualLocation"
    assert "secret-room" not in json.dumps(data)
    assert data["organizer"]["name"]
    in_person = EventPageFactory(parent=events_index, status=EventStatus.CANCELLED)
    data = json_ld(client.get(in_person.url).content.decode())
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["@type"] == "PostalAddress"
    assert data["location"]["address"]["streetAddress"] == "10810 Justice Center Drive"


def test_json_ld_cannot_break_out_of_its_script(client, events_index):
    event = EventPageFactory(parent=events_index, title="</script><script>alert(1)</script>")
    html = client.get(event.url).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)["name"] == "</script><script>alert(1)</script>"


def test_cancelled_and_postponed_events_say_so_on_the_page_and_in_lists(client, events_index):
    cancelled = EventPageFactory(
        parent=events_index, status=EventStatus.CANCELLED, status_note="Snow closed the roads."
    )
    EventPageFactory(parent=events_index, status=EventStatus.POSTPONED)
    assert "Snow closed the roads." in client.get(cancelled.url).content.decode()
    listing = client.get(events_index.url).content.decode()
    assert "Cancelled" in listing and "Postponed" in listing


def test_past_events_move_to_the_archive(client, events_index):
    EventPageFactory(parent=events_index, title="Coming soon")
    past_start = timezone.now() - dt.timedelta(days=400)
    EventPageFactory(
        parent=events_index, title="Last year", start=past_start, end=past_start + dt.timedelta(hours=1)
    )
    upcoming = client.get(events_index.url).content.decode()
    archive = client.get(events_index.url + "archive/").content.decode()
    assert "Coming soon" in upcoming and "Last year" not in upcoming
    assert "Last year" in archive and "Coming soon" not in archive


def test_the_event_list_pages_through_many_events(client, events_index):
    for n in range(25):
        EventPageFactory(parent=events_index, start=timezone.now() + dt.timedelta(days=n + 1))
    first = client.get(events_index.url).content.decode()
    second = client.get(events_index.url + "?page=2").content.decode()
    assert first.count('class="event-summary"') == 20
    assert second.count('class="event-summary"') == 5
    assert "Page 2 of 2" in second
    assert client.get(events_index.url + "?page=banana").status_code == 200


def test_the_event_list_query_count_does_not_grow_with_events(
    client, events_index, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_list():
        client.get(events_index.url)  # warm the site and settings caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(events_index.url).status_code == 200
        return len(captured)

    for _ in range(3):
        EventPageFactory(parent=events_index, capacity=10, registration_enabled=True)
    few = queries_for_list()
    for number in range(30):
        event = EventPageFactory(
            parent=events_index, capacity=10, registration_enabled=True, is_online=number % 3 == 0
        )
        if number % 2:
            RegistrationFactory(event=event, places=number % 10 + 1)
    many = queries_for_list()
    assert many == few


def test_the_form_works_without_any_cookie_under_strict_csrf_checks(limited_event):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    html = strict.get(limited_event.url).content.decode()
    action = re.search(r'<form class="form" method="post" action="([^"]+)"', html).group(1)
    response = strict.post(action, form_data(), HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 303
    assert not response.cookies
    cancel = strict.post(response["Location"], {"action": "cancel"}, HTTP_SEC_FETCH_SITE="same-origin")
    assert cancel.status_code == 200
    assert Registration.objects.get().status == "cancelled"


def test_a_person_offered_a_freed_place_accepts_it_on_their_private_page(client, limited_event):
    limited_event.offer_hours = 24
    limited_event.save()
    holder = RegistrationFactory(event=limited_event, places=2)
    RegistrationFactory(event=limited_event, places=1)
    waiting = services.register(event=limited_event, name="Ben", email="ben@example.org").registration
    services.cancel(registration=holder)
    waiting.refresh_from_db()
    assert waiting.status == "offered"
    url = f"/en/registrations/{waiting.pk}/{services.registration_token(waiting)}/"
    page = client.get(url).content.decode()
    assert "Accept the place" in page and "accept before" in page
    assert "secret-room-4821" not in page
    response = client.post(url, {"action": "accept"}, **SAME_SITE)
    assert response.status_code == 200
    assert "your registration is confirmed" in response.content.decode()
    assert "secret-room-4821" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
