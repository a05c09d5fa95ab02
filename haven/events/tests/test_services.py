"""The rules of registration, waiting list, reminders and deleting personal data."""

import datetime as dt

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from haven.events import services
from haven.events.models import EventStatus, Registration, RegistrationStatus
from haven.events.tasks import run_periodic_jobs, send_reminder

pytestmark = pytest.mark.django_db


def register(event, email, places=1, **extra):
    return services.register(
        event=event, name=extra.pop("name", "Ana"), email=email, places=places, **extra
    ).registration


def test_registrations_are_confirmed_until_the_places_run_out_then_wait(limited_event):
    first = register(limited_event, "a@example.org", places=2)
    second = register(limited_event, "b@example.org", places=1)
    third = register(limited_event, "c@example.org", places=1)
    assert [first.status, second.status, third.status] == ["confirmed", "confirmed", "waiting"]
    assert limited_event.seats_left() == 0


def test_a_group_that_does_not_fit_waits_and_nobody_jumps_the_queue(limited_event):
    register(limited_event, "a@example.org", places=2)
    group = register(limited_event, "b@example.org", places=2)
    single = register(limited_event, "c@example.org", places=1)
    assert group.status == "waiting"
    # One place is free, but the group came first: the newcomer waits behind them.
    assert single.status == "waiting"


def test_the_same_email_cannot_register_twice_whatever_its_case(limited_event):
    register(limited_event, "Ana@Example.org")
    with pytest.raises(services.AlreadyRegistered) as refusal:
        register(limited_event, "ana@example.ORG ")
    assert "already registered" in str(refusal.value.message)
    assert refusal.value.field == "email"
    assert Registration.objects.count() == 1


def test_after_cancelling_the_same_email_can_register_again(limited_event):
    registration = register(limited_event, "ana@example.org")
    services.cancel(registration=registration)
    assert register(limited_event, "ana@example.org").status == "confirmed"


@pytest.mark.parametrize("places", [0, 3, -1])
def test_places_must_be_between_one_and_the_event_maximum(limited_event, places):
    with pytest.raises(services.InvalidPlaces) as refusal:
        register(limited_event, "a@example.org", places=places)
    assert "between 1 and 2" in str(refusal.value.message)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"registration_enabled": False}, "does not take registrations"),
        ({"status": EventStatus.CANCELLED}, "cancelled"),
        ({"status": EventStatus.POSTPONED}, "postponed"),
        ({"registration_opens": timezone.now() + dt.timedelta(days=1)}, "not opened yet"),
        ({"registration_closes": timezone.now() - dt.timedelta(minutes=1)}, "has closed"),
        (
            {
                "start": timezone.now() - dt.timedelta(hours=3),
                "end": timezone.now() - dt.timedelta(hours=2),
            },
            "over",
        ),
    ],
)
def test_registration_is_refused_when_closed(limited_event, change, expected):
    for name, value in change.items():
        setattr(limited_event, name, value)
    limited_event.save()
    with pytest.raises(services.RegistrationClosed) as refusal:
        register(limited_event, "a@example.org")
    assert expected in str(refusal.value.message)


def test_a_full_event_without_a_waiting_list_says_so(limited_event):
    limited_event.waiting_list_enabled = False
    limited_event.save()
    register(limited_event, "a@example.org", places=2)
    with pytest.raises(services.InvalidPlaces, match="Only 1 places"):
        register(limited_event, "b@example.org", places=2)
    register(limited_event, "b@example.org", places=1)
    with pytest.raises(services.EventFull):
        register(limited_event, "c@example.org")


def test_an_event_without_a_limit_confirms_everyone(events_index, limited_event):
    limited_event.capacity = None
    limited_event.save()
    statuses = {register(limited_event, f"p{n}@example.org").status for n in range(10)}
    assert statuses == {"confirmed"}
    assert limited_event.seats_left() is None


def test_cancelling_promotes_the_waiting_list_in_order(limited_event, django_capture_on_commit_callbacks):
    holder = register(limited_event, "holder@example.org", places=2)
    register(limited_event, "single@example.org")
    first_waiting = register(limited_event, "first@example.org")
    second_waiting = register(limited_event, "second@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        outcome = services.cancel(registration=holder)
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert (first_waiting.status, second_waiting.status) == ("confirmed", "confirmed")
    assert outcome.notices == [
        (holder.pk, "cancelled"),
        (first_waiting.pk, "promoted"),
        (second_waiting.pk, "promoted"),
    ]
    promoted_mail = [message for message in mail.outbox if message.to == ["first@example.org"]]
    assert promoted_mail and "A place is yours" in promoted_mail[0].subject
    assert "https://meet.example.org/secret-room-4821" in promoted_mail[0].body
    assert limited_event.places_taken() == 3


def test_promotion_stops_at_a_group_that_does_not_fit(limited_event):
    single = register(limited_event, "single@example.org")
    register(limited_event, "pair@example.org", places=2)
    group = register(limited_event, "group@example.org", places=2)
    later = register(limited_event, "later@example.org")
    services.cancel(registration=single)
    group.refresh_from_db()
    later.refresh_from_db()
    assert (group.status, later.status) == ("waiting", "waiting")


def test_with_offer_hours_the_next_person_gets_an_offer_that_passes_on(limited_event):
    limited_event.offer_hours = 12
    limited_event.save()
    holder = register(limited_event, "holder@example.org", places=2)
    register(limited_event, "single@example.org")
    first = register(limited_event, "first@example.org")
    second = register(limited_event, "second@example.org", places=2)
    now = timezone.now()
    services.cancel(registration=holder, now=now)
    first.refresh_from_db()
    assert first.status == "offered"
    assert first.offer_expires_at == now + dt.timedelta(hours=12)
    # Offered places are held: the next in line (a pair) does not fit in the one left.
    second.refresh_from_db()
    assert second.status == "waiting"

    assert services.expire_offers(now=now + dt.timedelta(hours=13)) == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "offer_expired"
    assert second.status == "offered"
    with pytest.raises(services.NotPossible):
        services.accept_offer(registration=first)
    services.accept_offer(registration=second, now=now + dt.timedelta(hours=14))
    second.refresh_from_db()
    assert second.status == "confirmed"


def test_staff_promote_only_when_the_group_fits(limited_event):
    register(limited_event, "pair@example.org", places=2)
    register(limited_event, "single@example.org")
    waiting = register(limited_event, "waiting@example.org")
    with pytest.raises(services.NotPossible, match="Not enough places"):
        services.promote(registration=waiting)
    limited_event.capacity = 4
    limited_event.save()
    services.promote(registration=waiting)
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"


def test_staff_can_add_someone_after_registration_closed_but_not_beyond_capacity(limited_event):
    limited_event.registration_closes = timezone.now() - dt.timedelta(hours=1)
    limited_event.save()
    added = services.register(
        event=limited_event, name="Walk-in", email="", places=2, by_staff=True
    ).registration
    assert added.status == "confirmed" and added.added_by_staff
    second = services.register(
        event=limited_event, name="Phone", email="", places=2, by_staff=True
    ).registration
    assert second.status == "waiting"


def test_check_in_and_undo(limited_event):
    registration = register(limited_event, "a@example.org")
    services.check_in(registration=registration)
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    services.check_in(registration=registration, undo=True)
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_the_confirmation_email_has_the_details_a_calendar_file_and_the_private_link(
    limited_event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(limited_event, "ana@example.org", name="Ana")
    [message] = mail.outbox
    assert message.to == ["ana@example.org"]
    assert message.subject == "You are registered: Film screening"
    assert "https://meet.example.org/secret-room-4821" in message.body
    assert f"/en/registrations/{registration.pk}/{services.registration_token(registration)}/" in message.body
    [(filename, ics, content_type)] = message.attachments
    assert filename == "event.ics" and content_type.startswith("text/calendar")
    assert "BEGIN:VEVENT" in ics and "TZID=America/Los_Angeles" in ics and "BEGIN:VTIMEZONE" in ics


def test_the_waiting_list_email_never_has_the_joining_link(limited_event, django_capture_on_commit_callbacks):
    register(limited_event, "a@example.org", places=2)
    register(limited_event, "b@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        register(limited_event, "waiting@example.org")
    [message] = mail.outbox
    assert "waiting list" in message.subject
    assert "secret-room" not in message.body
    assert not message.attachments


def test_emails_go_out_in_the_language_the_person_used(limited_event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(limited_event, "ana@example.org", language="es")
    [message] = mail.outbox
    assert message.subject.startswith("Su inscripción está confirmada")
    assert f"/es/registrations/{registration.pk}/" in message.body


@override_settings(EMAIL_BACKEND="haven.events.tests.failing_mail.FailingBackend")
def test_a_failing_mail_server_does_not_lose_the_registration(
    limited_event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(limited_event, "ana@example.org")
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert registration.confirmation_sent_at is None
    later = timezone.now() + dt.timedelta(minutes=10)
    assert services.confirmations_to_retry(now=later) == [(registration.pk, "confirmed")]


def test_the_scheduler_retries_a_held_back_confirmation(limited_event, django_capture_on_commit_callbacks):
    registration = register(limited_event, "ana@example.org")  # its on-commit e-mail never ran
    Registration.objects.filter(pk=registration.pk).update(
        created_at=timezone.now() - dt.timedelta(minutes=6)
    )
    run_periodic_jobs()
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]
    run_periodic_jobs()
    assert len(mail.outbox) == 1


def test_a_reminder_goes_out_once_inside_the_lead_time(limited_event):
    limited_event.start = timezone.now() + dt.timedelta(hours=30)
    limited_event.end = limited_event.start + dt.timedelta(hours=2)
    limited_event.save()
    registration = register(limited_event, "ana@example.org")
    Registration.objects.filter(pk=registration.pk).update(confirmation_sent_at=timezone.now())
    assert services.registrations_due_a_reminder() == []
    assert services.registrations_due_a_reminder(now=timezone.now() + dt.timedelta(hours=7)) == [
        registration.pk
    ]

    assert send_reminder.call(registration_id=registration.pk) is True
    assert send_reminder.call(registration_id=registration.pk) is False
    reminders = [message for message in mail.outbox if message.subject.startswith("Reminder")]
    assert len(reminders) == 1
    assert "secret-room-4821" in reminders[0].body
    assert services.registrations_due_a_reminder(now=timezone.now() + dt.timedelta(hours=7)) == []


def test_no_reminder_for_cancelled_events_or_registrations(limited_event):
    limited_event.start = timezone.now() + dt.timedelta(hours=2)
    limited_event.end = limited_event.start + dt.timedelta(hours=2)
    limited_event.save()
    kept = register(limited_event, "kept@example.org")
    cancelled = register(limited_event, "gone@example.org")
    services.cancel(registration=cancelled)
    assert services.registrations_due_a_reminder() == [kept.pk]
    limited_event.status = EventStatus.CANCELLED
    limited_event.save()
    assert services.registrations_due_a_reminder() == []


def test_personal_data_is_deleted_after_the_retention_period_and_counts_stay(limited_event, settings):
    settings.HAVEN_REGISTRATION_RETENTION_DAYS = 30
    registration = register(
        limited_event, "ana@example.org", phone="916 555 0100", accessibility_needs="Captions"
    )
    register(limited_event, "ben@example.org", places=2)
    token = services.registration_token(registration)
    just_after = limited_event.end + dt.timedelta(days=29)
    assert services.purge_personal_data(now=just_after) == 0
    assert services.purge_personal_data(now=limited_event.end + dt.timedelta(days=31)) == 2
    registration.refresh_from_db()
    assert (registration.name, registration.email, registration.phone, registration.accessibility_needs) == (
        "",
        "",
        "",
        "",
    )
    assert registration.status == RegistrationStatus.CONFIRMED
    assert limited_event.places_taken() == 3
    assert services.find_registration(registration_id=registration.pk, token=token) is None
    assert services.personal_data_deleted_on(limited_event) == limited_event.end + dt.timedelta(days=30)


def test_a_forged_or_mistyped_token_finds_nothing(limited_event):
    registration = register(limited_event, "ana@example.org")
    token = services.registration_token(registration)
    assert services.find_registration(registration_id=registration.pk, token=token) == registration
    assert services.find_registration(registration_id=registration.pk, token=token[:-1] + "x") is None
    assert services.find_registration(registration_id=registration.pk + 1, token=token) is None
    assert services.find_registration(registration_id=registration.pk, token="") is None


def test_email_registrants_queues_one_message_each(limited_event, django_capture_on_commit_callbacks):
    register(limited_event, "a@example.org", places=2)
    register(limited_event, "b@example.org")
    register(limited_event, "waiting@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.email_registrants(
            event=limited_event, subject="Room change", message="Now in room 2."
        )
    assert sent == 2
    assert sorted(message.to[0] for message in mail.outbox) == ["a@example.org", "b@example.org"]
    assert all("Now in room 2." in message.body for message in mail.outbox)
