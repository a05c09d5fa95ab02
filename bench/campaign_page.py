"""Benchmark the public campaign page: server time, SQL queries and page weight.

Run from the repository root:

    .venv/bin/python bench/campaign_page.py [--database-url URL] [--show-queries]

It builds a throwaway site (a fresh data directory, the demo content, then a
second campaign page with ten times the content) and never touches ./data.
With --database-url pointing at PostgreSQL, it creates a throwaway database
on that server and drops it at the end. The figures are printed, not judged:
the exit code is 0 unless something raises.
"""

import argparse
import copy
import datetime as dt
import gzip
import io
import json
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from contextlib import redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO_ROOT = Path(__file__).resolve().parent.parent
HOST = "localhost"
WARMUP_REQUESTS = 5
SCALE = 10
TARGET_UPCOMING_EVENTS = 20

BUDGET_MEDIAN_MS = 10.0
BUDGET_QUERIES = 12

# Settings read from the environment that would make this run use (or write
# to) something outside its throwaway directory, or behave unlike production.
ENVIRONMENT_TO_CLEAR = (
    "DATABASE_URL",
    "DATABASE_CONN_MAX_AGE",
    "REDIS_URL",
    "CACHE_KEY_PREFIX",
    "STATIC_ROOT",
    "MEDIA_ROOT",
    "DEBUG",
    "ALLOWED_HOSTS",
    "HAVEN_HTTPS",
    "HAVEN_SSL_REDIRECT",
    "HAVEN_BEHIND_PROXY",
    "EMAIL_HOST",
    "TASKS_BACKEND",
    "LOG_LEVEL",
)

POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql", "postgis"}
STYLESHEET_LINK = re.compile(r"""<link\s+rel=["']stylesheet["']\s+href=["']([^"']+)["']""")


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        help="Run against this database instead of a throwaway SQLite file. For PostgreSQL, "
        "a throwaway database is created on the same server and dropped afterwards.",
    )
    parser.add_argument("--requests", type=int, default=200, help="timed requests on the demo page")
    parser.add_argument(
        "--scaled-requests", type=int, default=100, help="timed requests on the 10x content page"
    )
    parser.add_argument("--show-queries", action="store_true", help="print the SQL one request runs")
    parser.add_argument("--keep-data", action="store_true", help="leave the throwaway data directory")
    return parser.parse_args(argv)


# --- Throwaway PostgreSQL database ------------------------------------------


class ThrowawayPostgres:
    """A database named haven_bench_<pid>, created and dropped through the server's `postgres` db."""

    def __init__(self, url: str):
        self.parts = urlsplit(url)
        self.name = f"haven_bench_{os.getpid()}"

    def _url_for(self, database: str, scheme: str | None = None) -> str:
        return urlunsplit(self.parts._replace(scheme=scheme or self.parts.scheme, path=f"/{database}"))

    @property
    def django_url(self) -> str:
        return self._url_for(self.name)

    def _admin_connection(self):
        import psycopg

        return psycopg.connect(self._url_for("postgres", scheme="postgresql"), autocommit=True)

    def create(self) -> None:
        from psycopg import sql

        with self._admin_connection() as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(self.name)))
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.name)))

    def drop(self) -> None:
        import psycopg
        from psycopg import sql

        with self._admin_connection() as conn:
            try:
                conn.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.name))
                )
            except psycopg.errors.SyntaxError:  # PostgreSQL before 13
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(self.name)))


# --- Measuring ------------------------------------------------------------------


def get(client, url: str):
    client.cookies.clear()  # every request is a first-time, anonymous visitor
    response = client.get(url, HTTP_HOST=HOST)
    if response.status_code != 200:
        raise RuntimeError(f"GET {url} answered {response.status_code}, expected 200")
    return response


def body_bytes(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def time_requests(client, url: str, count: int, *, before=None) -> list[float]:
    """Wall time of `count` GETs in milliseconds; `before` runs untimed before each."""
    timings = []
    for _ in range(count):
        if before is not None:
            before()
        client.cookies.clear()
        start = time.perf_counter()
        response = client.get(url, HTTP_HOST=HOST)
        elapsed = time.perf_counter() - start
        if response.status_code != 200:
            raise RuntimeError(f"GET {url} answered {response.status_code}, expected 200")
        timings.append(elapsed * 1000)
    return timings


def capture_queries(client, url: str, *, before=None):
    """One request's response and the SQL it ran."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if before is not None:
        before()
    with CaptureQueriesContext(connection) as captured:
        response = get(client, url)
    return response, [query["sql"] for query in captured.captured_queries]


def p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10)[-1]


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def kb(size: int) -> str:
    return f"{size / 1024:6.1f} KiB"


def print_queries(title: str, queries: list[str]) -> None:
    print(f"\n{title} ({len(queries)}):")
    for number, query in enumerate(queries, start=1):
        print(f"  {number:2}. {query}")


def database_version(connection) -> str:
    if connection.vendor == "sqlite":
        import sqlite3

        return sqlite3.sqlite_version
    if connection.vendor == "postgresql":
        connection.ensure_connection()
        major, minor = divmod(connection.pg_version, 10000)
        return f"{major}.{minor}"
    return ""


def cpu_count() -> str:
    if hasattr(os, "process_cpu_count"):  # Python 3.13+
        usable = os.process_cpu_count()
    elif hasattr(os, "sched_getaffinity"):
        usable = len(os.sched_getaffinity(0))
    else:
        usable = os.cpu_count()
    return f"{usable} CPUs" + (f" (of {os.cpu_count()})" if usable != os.cpu_count() else "")


# --- Content -----------------------------------------------------------------


def fresh_block_ids(value):
    """Copy of a raw StreamField value with a new uuid for every block and list item."""
    if isinstance(value, list):
        return [fresh_block_ids(item) for item in value]
    if isinstance(value, dict):
        copied = {key: fresh_block_ids(item) for key, item in value.items()}
        if {"type", "value", "id"} <= value.keys():
            copied["id"] = str(uuid.uuid4())
        return copied
    return value


def copy_hotlines(hotline_ids: set[int]) -> dict[int, list[int]]:
    """For each hotline, its own id followed by the ids of SCALE - 1 new copies."""
    from haven.hotlines.models import Hotline

    copies: dict[int, list[int]] = {}
    skip = {"id", "translation_key", "name"}
    for hotline in Hotline.objects.filter(pk__in=hotline_ids):
        fields = {
            field.attname: getattr(hotline, field.attname)
            for field in Hotline._meta.concrete_fields
            if field.attname not in skip
        }
        copies[hotline.pk] = [hotline.pk] + [
            Hotline.objects.create(name=f"{hotline.name} (copy {number})", **fields).pk
            for number in range(1, SCALE)
        ]
    return copies


def add_upcoming_events(locale_id: int) -> int:
    """Publish copies of the demo events until about TARGET_UPCOMING_EVENTS lie ahead."""
    from django.utils import timezone

    from haven.events.models import EventIndexPage, EventPage, upcoming_events

    index = EventIndexPage.objects.filter(locale_id=locale_id).first()
    originals = list(EventPage.objects.child_of(index).live().order_by("start"))
    missing = TARGET_UPCOMING_EVENTS - len(upcoming_events(locale_id=locale_id))
    soon = timezone.now().replace(minute=0, second=0, microsecond=0)
    for number in range(1, missing + 1):
        original = originals[number % len(originals)]
        start = soon + dt.timedelta(days=number)
        event = EventPage(
            title=f"{original.title} ({number})",
            slug=f"{original.slug}-bench-{number}",
            start=start,
            end=start + (original.end - original.start),
            time_zone=original.time_zone,
            summary=original.summary,
            description=original.description,
            venue_id=original.venue_id,
            is_online=original.is_online,
            flyer_id=original.flyer_id,
            hashtag=original.hashtag,
            registration_note=original.registration_note,
            locale_id=original.locale_id,
        )
        index.add_child(instance=event)
        event.save_revision().publish()
    return len(upcoming_events(locale_id=locale_id))


def build_scaled_page(page):
    """Publish a campaign page whose body is the demo body SCALE times, with SCALE times the hotlines."""
    from haven.campaigns.models import CampaignPage

    raw_body = list(page.body.raw_data)
    hotline_ids = {block["value"]["hotline"] for block in raw_body if block["type"] == "hotline"}
    hotline_copies = copy_hotlines(hotline_ids)

    body = []
    for repetition in range(SCALE):
        for block in fresh_block_ids(copy.deepcopy(raw_body)):
            if block["type"] == "hotline":
                block["value"]["hotline"] = hotline_copies[block["value"]["hotline"]][repetition]
            body.append(block)

    upcoming = add_upcoming_events(page.locale_id)

    scaled = CampaignPage(
        title=f"{page.title} ({SCALE}x content)",
        slug=f"{page.slug}-{SCALE}x",
        kicker=page.kicker,
        introduction=page.introduction,
        hashtag=page.hashtag,
        share_text=page.share_text,
        seo_title=page.seo_title,
        search_description=page.search_description,
        locale_id=page.locale_id,
    )
    scaled.body = json.dumps(body)
    page.get_parent().add_child(instance=scaled)
    scaled.save_revision().publish()
    scaled.refresh_from_db()
    return scaled, len(body), upcoming


# --- Main --------------------------------------------------------------------


def set_up_environment(args) -> tuple[Path, ThrowawayPostgres | None]:
    for name in ENVIRONMENT_TO_CLEAR:
        os.environ.pop(name, None)
    data_dir = Path(tempfile.mkdtemp(prefix="haven-bench-"))
    os.environ["HAVEN_DATA_DIR"] = str(data_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "haven.settings.base"
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))

    postgres = None
    if args.database_url:
        if urlsplit(args.database_url).scheme.split("+")[0] in POSTGRES_SCHEMES:
            postgres = ThrowawayPostgres(args.database_url)
            postgres.create()
            os.environ["DATABASE_URL"] = postgres.django_url
        else:
            print(f"note: using {args.database_url} as given; the benchmark adds pages to it")
            os.environ["DATABASE_URL"] = args.database_url
    return data_dir, postgres


def build_site() -> str:
    from django.conf import settings
    from django.core.management import call_command

    cache_middleware = [name for name in settings.MIDDLEWARE if "FetchFromCache" in name]
    if cache_middleware:
        raise RuntimeError(f"a page cache would be measured instead of the page: {cache_middleware}")

    output = io.StringIO()
    with redirect_stdout(output):
        call_command("migrate", verbosity=0)
        # DEBUG is off, so templates need the static files manifest.
        call_command("collectstatic", interactive=False, verbosity=0)
        call_command("load_demo", stdout=output)
    return output.getvalue().strip()


def run(args) -> None:
    import django
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from wagtail import __version__ as wagtail_version

    from haven.base.fragments import content_changed
    from haven.campaigns.models import CampaignPage

    setup_log = build_site()
    page = CampaignPage.objects.live().first()
    url = page.url
    client = Client()

    print(
        f"machine: Python {platform.python_version()}, Django {django.get_version()}, "
        f"Wagtail {wagtail_version}, {connection.vendor} {database_version(connection)}, "
        f"{cpu_count()}, DEBUG={settings.DEBUG}"
    )
    print(f"setup:   {setup_log}")

    demo = measure(client, url, args.requests, content_changed)
    if "public" not in demo.response.get("Cache-Control", ""):
        print(f"note: Cache-Control is {demo.response.get('Cache-Control')!r}")
    html = demo.response.content
    match = STYLESHEET_LINK.search(html.decode())
    if match is None:
        raise RuntimeError("no <link rel=stylesheet> in the page")
    css_url = match.group(1)
    css = body_bytes(get(client, css_url))

    print(f"\ndemo page {url}  ({args.requests} requests each, after {WARMUP_REQUESTS} warm-up)")
    demo.print_figures()
    print(f"  CSS      {kb(len(css))} raw   {kb(gz(css))} gzip   ({css_url})")
    print(f"  total    {kb(gz(html) + gz(css))} gzip (HTML + CSS)")

    # Ten times the content.
    scaled_page, block_count, upcoming = build_scaled_page(page)
    scaled = measure(client, scaled_page.url, args.scaled_requests, content_changed)
    print(f"\n{SCALE}x content {scaled_page.url}  ({args.scaled_requests} requests each)")
    print(
        f"  content  {block_count} blocks (demo {len(page.body.raw_data)}), "
        f"{upcoming} upcoming events, {SCALE}x hotlines"
    )
    scaled.print_figures()
    grows = len(scaled.queries) > len(demo.queries) or len(scaled.rendered_queries) > len(
        demo.rendered_queries
    )
    print(
        f"  queries: {len(demo.queries)} (demo) vs {len(scaled.queries)} ({SCALE}x content); "
        f"body re-rendered {len(demo.rendered_queries)} vs {len(scaled.rendered_queries)}"
        + ("   GROWS" if grows else "")
    )

    if args.show_queries:
        print_queries("SQL for one request to the demo page", demo.queries)
        print_queries("SQL for one request to the demo page, body re-rendered", demo.rendered_queries)
        if len(scaled.queries) != len(demo.queries):
            print_queries(f"SQL for one request to the {SCALE}x content page", scaled.queries)

    print("\nbudget (demo page)")
    for label, timings, queries in (
        ("body from the cache", demo.timings, demo.queries),
        ("body re-rendered", demo.rendered_timings, demo.rendered_queries),
    ):
        median = statistics.median(timings)
        print(
            f"  median   {median:6.2f} ms  <= {BUDGET_MEDIAN_MS:g} ms   "
            f"{'OK' if median <= BUDGET_MEDIAN_MS else 'OVER'}   ({label})"
        )
        print(
            f"  queries  {len(queries):6d}     <= {BUDGET_QUERIES}      "
            f"{'OK' if len(queries) <= BUDGET_QUERIES else 'OVER'}   ({label})"
        )
    print(
        f"  constant with {SCALE}x content: {len(demo.queries)} -> {len(scaled.queries)}   "
        f"{'OVER' if grows else 'OK'}"
    )
    print("  (medians from one run on a shared machine; compare runs on the same machine only)")


@dataclass
class PageFigures:
    response: object
    queries: list[str]
    timings: list[float]
    rendered_queries: list[str]
    rendered_timings: list[float]

    def print_figures(self) -> None:
        for label, timings, queries in (
            ("body from the cache", self.timings, self.queries),
            (
                "body re-rendered (content version raised before each request)",
                self.rendered_timings,
                self.rendered_queries,
            ),
        ):
            print(
                f"  median {statistics.median(timings):6.2f} ms   p90 {p90(timings):6.2f} ms   "
                f"queries {len(queries):2d}   {label}"
            )
        html = self.response.content
        print(f"  HTML     {kb(len(html))} raw   {kb(gz(html))} gzip")


def measure(client, url: str, count: int, content_changed) -> PageFigures:
    """Time `url` as a running site serves it, then with its body re-rendered every time."""
    for _ in range(WARMUP_REQUESTS):
        get(client, url)
    response, queries = capture_queries(client, url)
    timings = time_requests(client, url, count)
    _, rendered_queries = capture_queries(client, url, before=content_changed)
    rendered_timings = time_requests(client, url, count, before=content_changed)
    return PageFigures(response, queries, timings, rendered_queries, rendered_timings)


def run_on_throwaway_site(args, run) -> int:
    """Set up a throwaway data directory (and PostgreSQL database), call run(args), clean up."""
    data_dir, postgres = set_up_environment(args)
    try:
        import django

        django.setup()
        run(args)
    finally:
        if "django.db" in sys.modules:
            from django.db import connections

            connections.close_all()
        if postgres is not None:
            postgres.drop()
        if args.keep_data:
            print(f"data kept in {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)
    return 0


def main(argv=None) -> int:
    return run_on_throwaway_site(parse_args(argv), run)


if __name__ == "__main__":
    sys.exit(main())
