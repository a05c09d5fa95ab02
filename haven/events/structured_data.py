"""schema.org `Event` data for search engines and calendars (JSON-LD)."""

from django.utils.html import strip_tags

from .models import EventPage, EventStatus

SCHEMA_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.MOVED_ONLINE: "https://schema.org/EventMovedOnline",
}
SCHEMA_ATTENDANCE = {
    "offline": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "mixed": "https://schema.org/MixedEventAttendanceMode",
}


def event_json_ld(event: EventPage, *, page_url: str, organiser_name: str, image_url: str = "") -> dict:
    """The public facts only: the private joining link never appears here."""
    mode = event.attendance_mode
    place = None
    if event.venue_id and mode != "online":
        venue = event.venue
        place = {
            "@type": "Place",
            "name": venue.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": venue.street_address,
                "addressLocality": venue.locality,
                "addressRegion": venue.region,
                "postalCode": venue.postal_code,
                "addressCountry": venue.country,
            },
        }
    # The public event page stands in for the joining link, which stays private.
    virtual = {"@type": "VirtualLocation", "url": page_url}
    location = {"offline": place, "online": virtual, "mixed": [place, virtual]}[mode]
    description = event.summary
    if event.description:
        description = f"{description} {strip_tags(event.description)}".strip()
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": event.local_start.isoformat(timespec="seconds"),
        "endDate": event.local_end.isoformat(timespec="seconds"),
        "eventStatus": SCHEMA_STATUS.get(event.status, SCHEMA_STATUS[EventStatus.SCHEDULED]),
        "eventAttendanceMode": SCHEMA_ATTENDANCE[mode],
        "location": location,
        "organizer": {"@type": "Organization", "name": event.organiser or organiser_name},
        "description": description,
        "url": page_url,
        "inLanguage": event.locale.language_code,
    }
    if image_url:
        data["image"] = [image_url]
    return data
