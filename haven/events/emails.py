"""The e-mails a registrant receives, written in the language they registered in."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from haven.base.models import SiteSettings

from . import calendar, services
from .models import EventPage, Registration

# Kinds of message whose reader holds a place: they get the joining link and a calendar file.
PLACE_HOLDER_KINDS = {"confirmed", "promoted", "accepted", "reminder"}


def absolute_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def page_url(page) -> str:
    parts = page.get_url_parts()
    return absolute_url(parts[2]) if parts else absolute_url("/")


def private_link(registration: Registration) -> str:
    """The person's own page: their details, the joining link, cancelling."""
    return absolute_url(
        reverse(
            "events:registration",
            kwargs={"registration_id": registration.pk, "token": services.registration_token(registration)},
        )
    )


def event_in_language(event: EventPage, language: str) -> EventPage:
    """The event page in the reader's language when it has been translated, else the source."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or locale.pk == event.locale_id:
        return event
    translation_page = (
        EventPage.objects.live().filter(translation_key=event.translation_key, locale=locale).first()
    )
    return translation_page or event


def local_text(moment, event: EventPage) -> str:
    if moment is None:
        return ""
    local = timezone.localtime(moment, event.zone)
    return f"{formats.date_format(local, 'DATETIME_FORMAT')} {local.strftime('%Z')}"


def organisation_name() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).organisation_name if site else "Haven"


def subject_for(kind: str, title: str) -> str:
    subjects = {
        "confirmed": _("You are registered: %(title)s"),
        "waiting": _("You are on the waiting list: %(title)s"),
        "promoted": _("A place is yours: %(title)s"),
        "accepted": _("You are registered: %(title)s"),
        "offered": _("A place is free for you: %(title)s"),
        "offer_expired": _("Your offer has passed on: %(title)s"),
        "cancelled": _("Registration cancelled: %(title)s"),
        "reminder": _("Reminder: %(title)s"),
    }
    return subjects[kind] % {"title": title}


def send_registration_message(registration: Registration, *, kind: str) -> None:
    with translation.override(registration.language):
        event = event_in_language(registration.event, registration.language)
        holds_place = kind in PLACE_HOLDER_KINDS
        context = {
            "kind": kind,
            "registration": registration,
            "event": event,
            "event_url": page_url(event),
            "private_link": private_link(registration),
            "online_link": event.online_link if holds_place and event.is_online_now else "",
            "organisation": organisation_name(),
            "offer_expires": local_text(registration.offer_expires_at, event),
        }
        body = render_to_string("events/emails/registration.txt", context)
        message = EmailMessage(subject=subject_for(kind, event.title), body=body, to=[registration.email])
        if holds_place:
            message.attach(
                "event.ics",
                calendar.build_calendar(
                    [(event, context["event_url"])],
                    private_link=context["online_link"],
                ),
                calendar.ICS_CONTENT_TYPE,
            )
        message.send()


def send_staff_message(registration: Registration, *, subject: str, message: str) -> None:
    with translation.override(registration.language):
        event = event_in_language(registration.event, registration.language)
        body = render_to_string(
            "events/emails/staff_message.txt",
            {
                "message": message,
                "event": event,
                "event_url": page_url(event),
                "private_link": private_link(registration),
                "registration": registration,
                "organisation": organisation_name(),
            },
        )
        EmailMessage(subject=subject, body=body, to=[registration.email]).send()
