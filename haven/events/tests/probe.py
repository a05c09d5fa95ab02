"""Drives the registration services from many threads against a running server's database.

Run by the concurrency tests as `python -m haven.events.tests.probe …` with the
server's settings, so the threads really compete in PostgreSQL or SQLite;
prints one JSON object.
"""

import argparse
import datetime as dt
import json
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import django

django.setup()

from django.core import mail  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from haven.events import services  # noqa: E402
from haven.events.models import EventIndexPage, EventPage, Registration  # noqa: E402
from haven.events.tasks import send_reminder  # noqa: E402


def create_event(arguments) -> dict:
    index = EventIndexPage.objects.live().first()
    start = timezone.now() + dt.timedelta(hours=arguments.starts_in_hours)
    event = EventPage(
        title=f"Probe event {arguments.slug}",
        slug=arguments.slug,
        start=start,
        end=start + dt.timedelta(hours=2),
        time_zone="America/Los_Angeles",
        summary="A test event.",
        is_online=True,
        registration_enabled=True,
        capacity=arguments.capacity,
        max_places_per_registration=1,
        waiting_list_enabled=True,
        online_link="https://meet.example.org/probe",
        locale=index.locale,
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    return {"id": event.pk, "url": event.url}


def register_concurrently(arguments) -> dict:
    event = EventPage.objects.get(pk=arguments.event_id)
    barrier = threading.Barrier(arguments.threads)
    outcomes: Counter = Counter()
    errors: list[str] = []
    lock = threading.Lock()

    def worker(thread_number: int) -> None:
        barrier.wait()
        try:
            for attempt in range(arguments.count // arguments.threads):
                email = f"person-{thread_number}-{attempt}@example.org"
                try:
                    outcome = services.register(event=event, name="Probe", email=email)
                    result = outcome.registration.status
                except services.RegistrationError as refusal:
                    result = type(refusal).__name__
                except Exception as error:  # noqa: BLE001 (the test reports any crash)
                    result = "error"
                    with lock:
                        errors.append(repr(error))
                with lock:
                    outcomes[result] += 1
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=arguments.threads) as pool:
        list(pool.map(worker, range(arguments.threads)))
    return {"outcomes": dict(outcomes), "errors": errors[:5], **counts(arguments)}


def counts(arguments) -> dict:
    rows = Registration.objects.filter(event_id=arguments.event_id).values_list("status", "places")
    by_status: Counter = Counter()
    for status, places in rows:
        by_status[status] += places
    return {"places": dict(by_status)}


def remind_concurrently(arguments) -> dict:
    """Several schedulers and workers sending the due reminders at the same moment."""
    EventPage.objects.filter(pk=arguments.event_id).update(
        start=timezone.now() + dt.timedelta(hours=1), end=timezone.now() + dt.timedelta(hours=3)
    )
    barrier = threading.Barrier(arguments.threads)

    def worker(_):
        barrier.wait()
        try:
            for registration_id in services.registrations_due_a_reminder():
                send_reminder.call(registration_id=registration_id)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=arguments.threads) as pool:
        list(pool.map(worker, range(arguments.threads)))
    reminders = Counter(message.to[0] for message in mail.outbox if message.subject.startswith("Reminder"))
    confirmed = Registration.objects.filter(event_id=arguments.event_id, status="confirmed").count()
    return {
        "confirmed": confirmed,
        "people_reminded": len(reminders),
        "most_reminders_to_one_person": max(reminders.values(), default=0),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create-event")
    create.add_argument("--slug", required=True)
    create.add_argument("--capacity", type=int, required=True)
    create.add_argument("--starts-in-hours", type=float, default=72)
    for name in ("register-concurrently", "counts", "remind-concurrently"):
        command = commands.add_parser(name)
        command.add_argument("--event-id", type=int, required=True)
        command.add_argument("--count", type=int, default=200)
        command.add_argument("--threads", type=int, default=40)
    arguments = parser.parse_args()
    handler = {
        "create-event": create_event,
        "register-concurrently": register_concurrently,
        "counts": counts,
        "remind-concurrently": remind_concurrently,
    }[arguments.command]
    print(json.dumps(handler(arguments)))


if __name__ == "__main__":
    main()
