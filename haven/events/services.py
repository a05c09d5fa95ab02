"""Rules that change registrations: registering, cancelling, the waiting list,
reminders and deleting personal data.

Every function that decides about places locks the event row first (on
PostgreSQL `SELECT … FOR UPDATE`; SQLite takes its write lock at BEGIN, see
settings), then counts, so two requests can never both take the last place.
"""

import datetime as dt
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from .models import ACTIVE_STATUSES, EventPage, EventStatus, Registration, RegistrationStatus

TOKEN_SALT = "haven.events.registration-link"  # noqa: S105 (an HMAC salt, not a secret)


class RegistrationError(Exception):
    """A rule said no; `message` is written for the person, `field` names the form field."""

    field: str | None = None

    def __init__(self, message, *, field: str | None = None):
        super().__init__(str(message))
        self.message = message
        if field is not None:
            self.field = field


class RegistrationClosed(RegistrationError):
    pass


class AlreadyRegistered(RegistrationError):
    field = "email"


class InvalidPlaces(RegistrationError):
    field = "places"


class EventFull(RegistrationError):
    pass


class NotPossible(RegistrationError):
    pass


@dataclass
class Outcome:
    """What a change did, and whom to tell: (registration id, message kind) pairs."""

    registration: Registration | None = None
    notices: list[tuple[int, str]] = field(default_factory=list)


def registration_token(registration: Registration) -> str:
    return salted_hmac(TOKEN_SALT, f"{registration.pk}:{registration.link_secret}").hexdigest()[:40]


def find_registration(*, registration_id: int, token: str) -> Registration | None:
    """The registration a private link points to, or None for a wrong or dead link."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or not registration.link_secret:
        return None
    if not constant_time_compare(registration_token(registration), token):
        return None
    return registration


def registration_state(
    *, event: EventPage, now: dt.datetime | None = None, places_taken: int | None = None
) -> str:
    """Why a registration would or would not be taken now, as a short code.

    open, waiting_list, full, not_taken, not_yet_open, closed, ended,
    cancelled or postponed.
    """
    now = now or timezone.now()
    if not event.registration_enabled:
        return "not_taken"
    if event.status == EventStatus.CANCELLED:
        return "cancelled"
    if event.status == EventStatus.POSTPONED:
        return "postponed"
    if event.end <= now:
        return "ended"
    opens, closes = event.registration_window()
    if opens and now < opens:
        return "not_yet_open"
    if now >= closes:
        return "closed"
    if event.capacity is None:
        return "open"
    if places_taken is None:
        places_taken = event.places_taken()
    if event.capacity - places_taken <= 0:
        return "waiting_list" if event.waiting_list_enabled else "full"
    return "open"


CLOSED_MESSAGES = {
    "not_taken": _("This event does not take registrations on this website."),
    "cancelled": _("This event has been cancelled, so registration is closed."),
    "postponed": _("This event has been postponed. Registration will open again when it has a new date."),
    "ended": _("This event is over, so registration is closed."),
    "not_yet_open": _("Registration for this event has not opened yet."),
    "closed": _("Registration for this event has closed."),
    "full": _("This event is full and has no waiting list."),
}


def _lock_event(event: EventPage) -> EventPage:
    anchor = event.registration_anchor
    return EventPage.objects.select_for_update(of=("self",)).get(pk=anchor.pk)


def _notify(outcome: Outcome) -> None:
    """Queue the e-mails once the change is committed: a failing mail server never undoes it."""
    if not outcome.notices:
        return
    from .tasks import send_registration_email

    notices = list(outcome.notices)

    def enqueue():
        for registration_id, kind in notices:
            send_registration_email.enqueue(registration_id=registration_id, kind=kind)

    transaction.on_commit(enqueue)


def register(
    *,
    event: EventPage,
    name: str,
    email: str,
    places: int = 1,
    phone: str = "",
    accessibility_needs: str = "",
    language: str = settings.LANGUAGE_CODE,
    by_staff: bool = False,
    now: dt.datetime | None = None,
) -> Outcome:
    """Take a registration: a confirmed place if there is room, else the waiting list.

    Staff adding someone by hand skip the registration window, never the capacity.
    """
    now = now or timezone.now()
    with transaction.atomic():
        event = _lock_event(event)
        places_taken = event.places_taken()
        state = registration_state(event=event, now=now, places_taken=places_taken)
        if not by_staff and state == "full":
            raise EventFull(CLOSED_MESSAGES["full"])
        if not by_staff and state in CLOSED_MESSAGES:
            raise RegistrationClosed(CLOSED_MESSAGES[state])
        if by_staff and event.status == EventStatus.CANCELLED:
            raise RegistrationClosed(CLOSED_MESSAGES["cancelled"])
        if places < 1 or places > event.max_places_per_registration:
            raise InvalidPlaces(
                _("Choose between 1 and %(most)d places.") % {"most": event.max_places_per_registration}
            )
        email = email.strip()
        already = (
            Registration.objects.for_event(event)
            .filter(email__iexact=email, status__in=ACTIVE_STATUSES)
            .first()
            if email
            else None
        )
        if already is not None:
            if already.status == RegistrationStatus.WAITING:
                raise AlreadyRegistered(
                    _(
                        "This e-mail address is already on the waiting list for this event. "
                        "Use the link in the e-mail we sent to see or cancel it."
                    )
                )
            raise AlreadyRegistered(
                _(
                    "This e-mail address is already registered for this event. "
                    "Use the link in the e-mail we sent to see or cancel the registration."
                )
            )
        seats_left = None if event.capacity is None else event.capacity - places_taken
        # Nobody jumps the queue: while people wait, newcomers wait behind them.
        queue_is_empty = not Registration.objects.for_event(event).waiting_in_order().exists()
        if seats_left is None or (places <= seats_left and queue_is_empty):
            status = RegistrationStatus.CONFIRMED
        elif event.waiting_list_enabled:
            status = RegistrationStatus.WAITING
        elif seats_left > 0:
            raise InvalidPlaces(
                _("Only %(left)d places are left. Choose fewer places.") % {"left": seats_left}
            )
        else:
            raise EventFull(CLOSED_MESSAGES["full"])
        registration = Registration.objects.create(
            event=event,
            status=status,
            places=places,
            name=name.strip(),
            email=email,
            phone=phone.strip(),
            accessibility_needs=accessibility_needs.strip(),
            language=language,
            consented_at=now,
            created_at=now,
            link_secret=secrets.token_hex(16),
            added_by_staff=by_staff,
        )
        outcome = Outcome(registration=registration, notices=[(registration.pk, status)])
        _notify(outcome)
    return outcome


def _offer_freed_places(event: EventPage, *, now: dt.datetime) -> list[tuple[int, str]]:
    """Give freed places to the waiting list, first come first served.

    Stops at the first person whose group does not fit, so nobody is passed over.
    Must run inside the transaction that holds the event lock.
    """
    if event.capacity is None:
        waiting = list(Registration.objects.for_event(event).waiting_in_order())
        seats_left = None
    else:
        seats_left = event.capacity - event.places_taken()
        if seats_left <= 0:
            return []
        waiting = Registration.objects.for_event(event).waiting_in_order()
    notices = []
    for registration in waiting:
        if seats_left is not None and registration.places > seats_left:
            break
        if event.offer_hours:
            registration.status = RegistrationStatus.OFFERED
            registration.offer_expires_at = now + dt.timedelta(hours=event.offer_hours)
            notices.append((registration.pk, "offered"))
        else:
            registration.status = RegistrationStatus.CONFIRMED
            notices.append((registration.pk, "promoted"))
        registration.save(update_fields=["status", "offer_expires_at"])
        if seats_left is not None:
            seats_left -= registration.places
    return notices


def cancel(*, registration: Registration, by_staff: bool = False, now: dt.datetime | None = None) -> Outcome:
    """Cancel a registration and hand its places to the waiting list in the same transaction."""
    now = now or timezone.now()
    with transaction.atomic():
        event = _lock_event(registration.event)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status not in ACTIVE_STATUSES:
            raise NotPossible(_("This registration is already cancelled."))
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.offer_expires_at = None
        registration.save(update_fields=["status", "cancelled_at", "offer_expires_at"])
        outcome = Outcome(registration=registration)
        if not by_staff:
            outcome.notices.append((registration.pk, "cancelled"))
        if event.end > now:
            outcome.notices += _offer_freed_places(event, now=now)
        _notify(outcome)
    return outcome


def accept_offer(*, registration: Registration, now: dt.datetime | None = None) -> Outcome:
    now = now or timezone.now()
    with transaction.atomic():
        _lock_event(registration.event)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status != RegistrationStatus.OFFERED:
            raise NotPossible(_("There is no open offer on this registration."))
        if registration.offer_expires_at and registration.offer_expires_at <= now:
            raise NotPossible(_("Sorry, this offer has expired and the place has passed on."))
        registration.status = RegistrationStatus.CONFIRMED
        registration.offer_expires_at = None
        registration.save(update_fields=["status", "offer_expires_at"])
        outcome = Outcome(registration=registration, notices=[(registration.pk, "accepted")])
        _notify(outcome)
    return outcome


def promote(*, registration: Registration, now: dt.datetime | None = None) -> Outcome:
    """Staff move someone from the waiting list to a confirmed place, if it fits."""
    now = now or timezone.now()
    with transaction.atomic():
        event = _lock_event(registration.event)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status not in (RegistrationStatus.WAITING, RegistrationStatus.OFFERED):
            raise NotPossible(_("Only people on the waiting list can be promoted."))
        if event.capacity is not None and registration.status == RegistrationStatus.WAITING:
            seats_left = event.capacity - event.places_taken()
            if registration.places > seats_left:
                raise NotPossible(
                    _("Not enough places left: %(wanted)d wanted, %(left)d free.")
                    % {"wanted": registration.places, "left": max(seats_left, 0)}
                )
        registration.status = RegistrationStatus.CONFIRMED
        registration.offer_expires_at = None
        registration.save(update_fields=["status", "offer_expires_at"])
        outcome = Outcome(registration=registration, notices=[(registration.pk, "promoted")])
        _notify(outcome)
    return outcome


def check_in(
    *, registration: Registration, undo: bool = False, now: dt.datetime | None = None
) -> Registration:
    now = now or timezone.now()
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != RegistrationStatus.CONFIRMED:
            raise NotPossible(_("Only confirmed registrations can be checked in."))
        registration.checked_in_at = None if undo else (registration.checked_in_at or now)
        registration.save(update_fields=["checked_in_at"])
    return registration


def expire_offers(*, now: dt.datetime | None = None) -> int:
    """Pass on offers nobody accepted in time; returns how many expired."""
    now = now or timezone.now()
    event_ids = set(
        Registration.objects.filter(status=RegistrationStatus.OFFERED, offer_expires_at__lte=now).values_list(
            "event_id", flat=True
        )
    )
    expired = 0
    for event_id in event_ids:
        with transaction.atomic():
            event = EventPage.objects.select_for_update(of=("self",)).get(pk=event_id)
            stale = list(
                Registration.objects.for_event(event).filter(
                    status=RegistrationStatus.OFFERED, offer_expires_at__lte=now
                )
            )
            outcome = Outcome()
            for registration in stale:
                registration.status = RegistrationStatus.OFFER_EXPIRED
                registration.save(update_fields=["status"])
                outcome.notices.append((registration.pk, "offer_expired"))
            expired += len(stale)
            if event.end > now:
                outcome.notices += _offer_freed_places(event, now=now)
            _notify(outcome)
    return expired


def registrations_due_a_reminder(*, now: dt.datetime | None = None) -> list[int]:
    now = now or timezone.now()
    candidates = Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        reminder_sent_at__isnull=True,
        event__start__gt=now,
        event__reminder_hours__gt=0,
        event__status__in=(EventStatus.SCHEDULED, EventStatus.MOVED_ONLINE),
        email__gt="",
    ).values_list("pk", "event__start", "event__reminder_hours")
    return [pk for pk, start, lead_hours in candidates if start - dt.timedelta(hours=lead_hours) <= now]


def claim_reminder(*, registration_id: int, now: dt.datetime | None = None) -> bool:
    """Mark one registration's reminder as sent; True only for the one caller that did.

    A conditional UPDATE is atomic in the database, so however many workers
    try at once, one wins and the reminder goes out once.
    """
    now = now or timezone.now()
    claimed = Registration.objects.filter(pk=registration_id, reminder_sent_at__isnull=True).update(
        reminder_sent_at=now
    )
    return claimed == 1


def release_reminder(*, registration_id: int) -> None:
    """Let a reminder be tried again after the mail server failed."""
    Registration.objects.filter(pk=registration_id).update(reminder_sent_at=None)


def claim_confirmation(*, registration_id: int, now: dt.datetime | None = None) -> bool:
    now = now or timezone.now()
    return (
        Registration.objects.filter(pk=registration_id, confirmation_sent_at__isnull=True).update(
            confirmation_sent_at=now
        )
        == 1
    )


def release_confirmation(*, registration_id: int) -> None:
    Registration.objects.filter(pk=registration_id).update(confirmation_sent_at=None)


def confirmations_to_retry(*, now: dt.datetime | None = None) -> list[tuple[int, str]]:
    """First e-mails that a mail server failure held back (older than a few minutes)."""
    now = now or timezone.now()
    rows = Registration.objects.filter(
        status__in=(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING),
        confirmation_sent_at__isnull=True,
        created_at__lte=now - dt.timedelta(minutes=5),
        event__end__gt=now,
        email__gt="",
    ).values_list("pk", "status")
    return [(pk, status) for pk, status in rows]


def retention_days() -> int:
    return settings.HAVEN_REGISTRATION_RETENTION_DAYS


def personal_data_deleted_on(event: EventPage) -> dt.datetime:
    return event.end + dt.timedelta(days=retention_days())


def purge_personal_data(*, now: dt.datetime | None = None) -> int:
    """Delete registrants' personal data once the retention period after their event is over.

    The registrations stay (status, places, check-in) so counts and reports
    still add up; names, e-mails, phones, needs and private links go.
    """
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=retention_days())
    with transaction.atomic():
        return Registration.objects.filter(event__end__lt=cutoff, anonymised_at__isnull=True).update(
            name="",
            email="",
            phone="",
            accessibility_needs="",
            link_secret="",
            anonymised_at=now,
        )


def email_registrants(*, event: EventPage, subject: str, message: str, include_waiting: bool = False) -> int:
    """Queue a message from staff to everyone registered (and optionally waiting)."""
    from .tasks import send_staff_message

    statuses = [RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED]
    if include_waiting:
        statuses.append(RegistrationStatus.WAITING)
    recipients = list(
        Registration.objects.for_event(event.registration_anchor)
        .filter(status__in=statuses, email__gt="")
        .values_list("pk", flat=True)
    )

    def enqueue():
        for registration_id in recipients:
            send_staff_message.enqueue(registration_id=registration_id, subject=subject, message=message)

    transaction.on_commit(enqueue)
    return len(recipients)


def counts(*, event: EventPage) -> dict[str, int | None]:
    """Places confirmed, offered, waiting and left, for staff at a glance."""
    anchor = event.registration_anchor
    rows = (
        Registration.objects.for_event(anchor)
        .values("status")
        .annotate(people=Count("pk"), places=Sum("places"))
    )
    by_status = {row["status"]: row for row in rows}

    def places(status):
        return by_status.get(status, {}).get("places") or 0

    def people(status):
        return by_status.get(status, {}).get("people") or 0

    held = places(RegistrationStatus.CONFIRMED) + places(RegistrationStatus.OFFERED)
    return {
        "confirmed_places": places(RegistrationStatus.CONFIRMED),
        "confirmed_people": people(RegistrationStatus.CONFIRMED),
        "offered_places": places(RegistrationStatus.OFFERED),
        "waiting_places": places(RegistrationStatus.WAITING),
        "waiting_people": people(RegistrationStatus.WAITING),
        "cancelled_people": people(RegistrationStatus.CANCELLED) + people(RegistrationStatus.OFFER_EXPIRED),
        "checked_in_places": Registration.objects.for_event(anchor)
        .filter(status=RegistrationStatus.CONFIRMED, checked_in_at__isnull=False)
        .aggregate(total=Sum("places"))["total"]
        or 0,
        "capacity": anchor.capacity,
        "seats_left": None if anchor.capacity is None else max(anchor.capacity - held, 0),
    }
