"""iCalendar (.ics) files: one event, a person's own booking, or a feed of every upcoming event."""

import datetime as dt
import zoneinfo
from collections.abc import Iterable
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext

from .models import EventPage, EventStatus

PRODUCT_ID = "-//Haven//Community events//EN"
ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"

ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.MOVED_ONLINE: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def event_uid(event: EventPage) -> str:
    """The same in every language and every download, so calendars update instead of duplicating."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "haven.invalid"
    return f"event-{event.translation_key}@{host}"


def _location(event: EventPage) -> str:
    if event.venue_id and event.status != EventStatus.MOVED_ONLINE:
        return f"{event.venue.name}, {event.venue.one_line_address}"
    return gettext("Online")


def _vevent(
    event: EventPage, *, url: str, stamp: dt.datetime, private_link: str = "", sequence: int = 0
) -> icalendar.Event:
    zone = zoneinfo.ZoneInfo(event.time_zone)
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", stamp)
    vevent.add("sequence", sequence)
    vevent.add("dtstart", event.start.astimezone(zone))
    vevent.add("dtend", event.end.astimezone(zone))
    vevent.add("summary", event.title)
    description = event.summary
    if event.description:
        description = f"{description}\n\n{strip_tags(event.description)}".strip()
    if private_link:
        description = f"{description}\n\n{private_link}"
    vevent.add("description", description)
    vevent.add("location", _location(event))
    vevent.add("url", url)
    vevent.add("status", ICAL_STATUS.get(event.status, "CONFIRMED"))
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at)
    return vevent


def build_calendar(
    entries: Iterable[tuple[EventPage, str]], *, name: str = "", private_link: str = ""
) -> bytes:
    """An RFC 5545 calendar of (event, public URL) pairs, each with its time zone (VTIMEZONE)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    for event, url in entries:
        sequence = int(event.last_published_at.timestamp()) // 60 if event.last_published_at else 0
        calendar.add_component(
            _vevent(event, url=url, stamp=stamp, private_link=private_link, sequence=sequence % 2**31)
        )
    calendar.add_missing_timezones()
    return calendar.to_ical()
