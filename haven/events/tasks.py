"""Background jobs (django-tasks): e-mails to registrants, and the periodic sweep."""

import logging

from django_tasks import task

from . import emails, services
from .models import Registration

logger = logging.getLogger(__name__)


@task()
def send_registration_email(*, registration_id: int, kind: str) -> bool:
    """Tell a person what happened to their registration, in the language they used."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or not registration.email:
        return False
    if kind in ("confirmed", "waiting") and not services.claim_confirmation(registration_id=registration_id):
        return False
    try:
        emails.send_registration_message(registration, kind=kind)
    except Exception:
        if kind in ("confirmed", "waiting"):
            services.release_confirmation(registration_id=registration_id)
        # The id only: the address is personal data and stays out of logs.
        logger.exception("Could not send the %s e-mail for registration %s", kind, registration_id)
        raise
    return True


@task()
def send_reminder(*, registration_id: int) -> bool:
    if not services.claim_reminder(registration_id=registration_id):
        return False
    registration = Registration.objects.select_related("event").get(pk=registration_id)
    try:
        emails.send_registration_message(registration, kind="reminder")
    except Exception:
        services.release_reminder(registration_id=registration_id)
        logger.exception("Could not send the reminder for registration %s", registration_id)
        raise
    return True


@task()
def send_staff_message(*, registration_id: int, subject: str, message: str) -> bool:
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or not registration.email:
        return False
    emails.send_staff_message(registration, subject=subject, message=message)
    return True


def run_periodic_jobs() -> dict[str, int]:
    """One sweep: reminders due, offers expired, confirmations a mail failure held back, old data."""
    reminders = services.registrations_due_a_reminder()
    for registration_id in reminders:
        send_reminder.enqueue(registration_id=registration_id)
    unsent = services.confirmations_to_retry()
    for registration_id, kind in unsent:
        send_registration_email.enqueue(registration_id=registration_id, kind=kind)
    return {
        "reminders": len(reminders),
        "confirmations_retried": len(unsent),
        "offers_expired": services.expire_offers(),
        "registrations_anonymised": services.purge_personal_data(),
    }
