"""Benchmark events: registrations per second through the service, and the event list with 1,000 events.

Run from the repository root:

    .venv/bin/python bench/events.py [--database-url URL]

Like bench/campaign_page.py it builds a throwaway site (fresh data directory,
demo content; with a PostgreSQL URL, a throwaway database on that server)
and prints figures without judging them, except that the event list's query
count must not grow with the number of events.
"""

import argparse
import datetime as dt
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from campaign_page import (  # noqa: E402
    WARMUP_REQUESTS,
    build_site,
    capture_queries,
    cpu_count,
    database_version,
    get,
    p90,
    run_on_throwaway_site,
    time_requests,
)

LIST_SIZES = (10, 1000)


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="PostgreSQL server to make a throwaway database on")
    parser.add_argument("--registrations", type=int, default=400, help="registrations per timed run")
    parser.add_argument("--threads", type=int, default=8, help="threads for the concurrent run")
    parser.add_argument("--requests", type=int, default=50, help="timed requests per event list size")
    parser.add_argument("--keep-data", action="store_true")
    return parser.parse_args(argv)


def new_event(index, *, slug: str, capacity: int | None, days_ahead: float, publish_revision: bool = True):
    from django.utils import timezone

    from haven.events.models import EventPage

    start = timezone.now() + dt.timedelta(days=days_ahead)
    event = EventPage(
        title=f"Bench event {slug}",
        slug=slug,
        start=start,
        end=start + dt.timedelta(hours=2),
        time_zone="America/Los_Angeles",
        summary="A community event for the benchmark.",
        is_online=True,
        registration_enabled=True,
        capacity=capacity,
        max_places_per_registration=2,
        locale_id=index.locale_id,
    )
    index.add_child(instance=event)
    if publish_revision:
        event.save_revision().publish()
    return event


def registrations_per_second(index, *, count: int, threads: int) -> list[tuple[str, float, str]]:
    """Half the registrations get a place, half join the waiting list, as on a popular event."""
    from django.db import connection

    from haven.events import services

    results = []
    event = new_event(index, slug="bench-sequential", capacity=count // 2, days_ahead=30)
    start = time.perf_counter()
    for number in range(count):
        services.register(event=event, name="Bench", email=f"seq{number}@example.org")
    elapsed = time.perf_counter() - start
    results.append(("one thread", count / elapsed, f"{elapsed / count * 1000:.2f} ms each"))

    event = new_event(index, slug="bench-concurrent", capacity=count // 2, days_ahead=31)
    barrier = threading.Barrier(threads)

    def worker(thread_number: int) -> None:
        barrier.wait()
        try:
            for number in range(count // threads):
                services.register(event=event, name="Bench", email=f"t{thread_number}-{number}@example.org")
        finally:
            connection.close()

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(worker, range(threads)))
    elapsed = time.perf_counter() - start
    confirmed = event.places_taken()
    results.append(
        (
            f"{threads} threads at once",
            (count // threads * threads) / elapsed,
            f"{confirmed} confirmed of {event.capacity} places",
        )
    )
    return results


def run(args) -> None:
    import django
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from haven.events.models import EventIndexPage

    setup_log = build_site()
    print(
        f"machine: Django {django.get_version()}, {connection.vendor} {database_version(connection)}, "
        f"{cpu_count()}, DEBUG={settings.DEBUG}"
    )
    print(f"setup:   {setup_log}")
    index = EventIndexPage.objects.live().first()

    print(f"\nregistrations through services.register ({args.registrations} per run)")
    for label, per_second, note in registrations_per_second(
        index, count=args.registrations, threads=args.threads
    ):
        print(f"  {per_second:7.1f} registrations/s   {label}   ({note})")

    print(f"\nevent list {index.url}  ({args.requests} requests per size, after {WARMUP_REQUESTS} warm-up)")
    client = Client()
    existing = len(index.get_children().live())
    query_counts = {}
    for size in LIST_SIZES:
        for number in range(existing, size):
            new_event(
                index,
                slug=f"bench-list-{number}",
                capacity=40,
                days_ahead=1 + number / 10,
                publish_revision=False,
            )
        existing = max(existing, size)
        for _ in range(WARMUP_REQUESTS):
            get(client, index.url)
        response, queries = capture_queries(client, index.url)
        timings = time_requests(client, index.url, args.requests)
        query_counts[size] = len(queries)
        print(
            f"  {size:5d} upcoming events: median {statistics.median(timings):6.2f} ms   "
            f"p90 {p90(timings):6.2f} ms   queries {len(queries):2d}   "
            f"HTML {len(response.content) / 1024:5.1f} KiB (20 events a page)"
        )
    grows = query_counts[LIST_SIZES[-1]] > query_counts[LIST_SIZES[0]]
    print(
        f"  queries constant from {LIST_SIZES[0]} to {LIST_SIZES[-1]} events: "
        f"{query_counts[LIST_SIZES[0]]} -> {query_counts[LIST_SIZES[-1]]}   {'GROWS' if grows else 'OK'}"
    )
    print("  (medians from one run on a shared machine; compare runs on the same machine only)")
    if grows:
        raise SystemExit("the event list's query count grows with the number of events")


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.database_url and args.database_url.startswith(("postgres://", "postgresql://")):
        try:
            import psycopg

            psycopg.connect(
                args.database_url.replace("postgres://", "postgresql://", 1), connect_timeout=3
            ).close()
        except Exception as error:  # noqa: BLE001
            print(f"PostgreSQL at {args.database_url} is not reachable ({error}); skipped.")
            return 0
    return run_on_throwaway_site(args, run)


if __name__ == "__main__":
    sys.exit(main())
