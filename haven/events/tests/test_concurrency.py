"""Never more people than places: 200 at once for 20 places, for real.

Through the service layer (40 threads in another process against the
server's database: PostgreSQL when DATABASE_URL points there, else SQLite)
and through HTTP against the running multi-process server.
"""

import json
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

PROBE = "haven.events.tests.probe"
# The probe sends e-mail in-process so it can count reminders.
PROBE_ENV = {
    "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
}

pytestmark = pytest.mark.server


def probe(server, *args) -> dict:
    return json.loads(server.run_python(PROBE, *args, extra_env=PROBE_ENV).strip().splitlines()[-1])


def test_200_registrations_at_once_through_the_service_fill_exactly_20_places(demo_server):
    event = probe(demo_server, "create-event", "--slug", "probe-service", "--capacity", "20")
    result = probe(demo_server, "register-concurrently", "--event-id", str(event["id"]), "--count", "200")
    assert result["errors"] == []
    assert result["outcomes"] == {"confirmed": 20, "waiting": 180}
    assert result["places"] == {"confirmed": 20, "waiting": 180}


def test_a_reminder_goes_out_once_however_many_workers_send_them(demo_server):
    event = probe(demo_server, "create-event", "--slug", "probe-reminders", "--capacity", "30")
    probe(
        demo_server,
        "register-concurrently",
        "--event-id",
        str(event["id"]),
        "--count",
        "40",
        "--threads",
        "8",
    )
    result = probe(demo_server, "remind-concurrently", "--event-id", str(event["id"]), "--threads", "8")
    assert result["confirmed"] == 30
    assert result["people_reminded"] == 30
    assert result["most_reminders_to_one_person"] == 1


def test_200_registrations_at_once_over_http_fill_exactly_20_places(demo_server):
    event = probe(demo_server, "create-event", "--slug", "probe-http", "--capacity", "20")
    url = demo_server + f"/en/registrations/event/{event['id']}/"

    def post(number: int) -> int:
        body = urllib.parse.urlencode(
            {
                "name": f"Visitor {number}",
                "email": f"visitor{number}@example.org",
                "places": "1",
                "consent": "on",
            }
        ).encode()
        request = urllib.request.Request(url, data=body, headers={"Sec-Fetch-Site": "same-origin"})  # noqa: S310
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    with ThreadPoolExecutor(max_workers=50) as pool:
        statuses = Counter(pool.map(post, range(200)))
    assert statuses == {303: 200}, statuses
    result = probe(demo_server, "counts", "--event-id", str(event["id"]))
    assert result["places"] == {"confirmed": 20, "waiting": 180}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
