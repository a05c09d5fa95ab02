"""Calendar files parse with two independent parsers and carry the right times and statuses."""

import datetime as dt
import zoneinfo

import icalendar
import pytest
import vobject
from django.utils import timezone

from haven.events import services
from haven.events.models import EventStatus
from haven.events.tests.factories import EventPageFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
LOS_ANGELES = zoneinfo.ZoneInfo("America/Los_Angeles")


@pytest.fixture
def red_sand(events_index):
    start = dt.datetime(2030, 1, 11, 15, 30, tzinfo=LOS_ANGELES)
    return EventPageFactory(
        parent=events_index,
        title="Red Sand Project",
        slug="red-sand-project",
        start=start,
        end=start + dt.timedelta(hours=1),
    )


def parse_both(body: bytes):
    text = body.decode()
    return icalendar.Calendar.from_ical(text), vobject.readOne(text)


def test_the_event_calendar_file_has_its_time_zone_and_parses_with_two_parsers(client, red_sand):
    response = client.get(red_sand.url + "calendar/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    by_icalendar, by_vobject = parse_both(response.content)

    [event] = by_icalendar.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "America/Los_Angeles"
    assert event.decoded("DTSTART") == dt.datetime(2030, 1, 11, 15, 30, tzinfo=LOS_ANGELES)
    assert event.decoded("DTEND").astimezone(dt.UTC) == dt.datetime(2030, 1, 12, 0, 30, tzinfo=dt.UTC)
    assert str(event["SUMMARY"]) == "Red Sand Project"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "10810 Justice Center Drive" in str(event["LOCATION"])
    assert [tz["TZID"] for tz in by_icalendar.walk("VTIMEZONE")] == ["America/Los_Angeles"]

    vevent = by_vobject.vevent
    assert vevent.dtstart.value.utcoffset() == dt.timedelta(hours=-8)
    assert vevent.dtstart.value.astimezone(dt.UTC) == dt.datetime(2030, 1, 11, 23, 30, tzinfo=dt.UTC)
    assert vevent.uid.value == str(event["UID"])


def test_the_uid_is_stable_across_downloads_languages_and_edits(client, red_sand):
    first = icalendar.Calendar.from_ical(client.get(red_sand.url + "calendar/").content)
    red_sand.title = "Red Sand Project (new title)"
    red_sand.save_revision().publish()
    second = icalendar.Calendar.from_ical(client.get(red_sand.url + "calendar/").content)
    [first_event], [second_event] = first.walk("VEVENT"), second.walk("VEVENT")
    assert first_event["UID"] == second_event["UID"]
    assert str(red_sand.translation_key) in str(first_event["UID"])


def test_a_cancelled_event_is_status_cancelled(client, red_sand):
    red_sand.status = EventStatus.CANCELLED
    red_sand.save_revision().publish()
    by_icalendar, by_vobject = parse_both(client.get(red_sand.url + "calendar/").content)
    assert str(by_icalendar.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"
    assert by_vobject.vevent.status.value == "CANCELLED"


def test_the_feed_lists_every_upcoming_event_once_and_no_past_ones(
    client, events_index, red_sand, limited_event
):
    past_start = timezone.now() - dt.timedelta(days=30)
    EventPageFactory(
        parent=events_index, title="Long gone", start=past_start, end=past_start + dt.timedelta(hours=1)
    )
    tokyo = EventPageFactory(parent=events_index, title="Tokyo webinar", time_zone="Asia/Tokyo")
    response = client.get(events_index.url + "calendar/")
    assert response.status_code == 200
    by_icalendar, by_vobject = parse_both(response.content)
    titles = sorted(str(event["SUMMARY"]) for event in by_icalendar.walk("VEVENT"))
    assert titles == ["Film screening", "Red Sand Project", "Tokyo webinar"]
    assert sorted(str(tz["TZID"]) for tz in by_icalendar.walk("VTIMEZONE")) == [
        "America/Los_Angeles",
        "Asia/Tokyo",
    ]
    assert len(by_vobject.vevent_list) == 3
    uids = [str(event["UID"]) for event in by_icalendar.walk("VEVENT")]
    assert len(set(uids)) == 3 and f"event-{tokyo.translation_key}@" in " ".join(uids)
    # The feed is public: no private joining link in it.
    assert b"secret-room" not in response.content


def test_the_private_calendar_file_has_the_joining_link_only_for_a_confirmed_place(client, limited_event):
    confirmed = RegistrationFactory(event=limited_event)
    waiting = RegistrationFactory(event=limited_event, status="waiting")
    confirmed_ics = client.get(
        f"/en/registrations/{confirmed.pk}/{services.registration_token(confirmed)}/calendar.ics"
    )
    waiting_ics = client.get(
        f"/en/registrations/{waiting.pk}/{services.registration_token(waiting)}/calendar.ics"
    )
    assert b"secret-room-4821" in confirmed_ics.content.replace(b"\r\n ", b"")
    assert b"secret-room-4821" not in waiting_ics.content.replace(b"\r\n ", b"")
    assert "no-store" in confirmed_ics["Cache-Control"]
    parse_both(confirmed_ics.content)
