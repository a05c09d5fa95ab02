"""Staff manage an event's registrations in the Wagtail admin."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse

from haven.events import services
from haven.events.models import Registration
from haven.events.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("organiser", "organiser@example.org", "not-used")
    client.force_login(user)
    return client


def screen_url(event):
    return reverse("events_admin:registrations", kwargs={"page_id": event.pk})


def action_url(event, registration, action):
    return reverse(
        "events_admin:action",
        kwargs={"page_id": event.pk, "registration_id": registration.pk, "action": action},
    )


def test_the_screen_shows_counts_and_every_registration(staff_client, limited_event):
    RegistrationFactory(event=limited_event, name="Ana", places=2, accessibility_needs="Captions please")
    RegistrationFactory(event=limited_event, name="Ben", status="waiting")
    html = staff_client.get(screen_url(limited_event)).content.decode()
    assert "<strong>2</strong> places confirmed" in html
    assert "<strong>1</strong> places left" in html
    assert "<strong>1</strong> on the waiting list" in html
    assert "Ana" in html and "Ben" in html and "Captions please" in html
    assert "are deleted on" in html


def test_the_event_edit_page_links_to_its_registrations(staff_client, limited_event):
    html = staff_client.get(reverse("wagtailadmin_pages:edit", args=[limited_event.pk])).content.decode()
    assert screen_url(limited_event) in html


def test_check_in_promote_and_cancel(staff_client, limited_event):
    ana = RegistrationFactory(event=limited_event, places=2)
    ben = RegistrationFactory(event=limited_event)
    cara = services.register(event=limited_event, name="Cara", email="cara@example.org").registration
    assert cara.status == "waiting"

    response = staff_client.post(action_url(limited_event, ana, "check_in"))
    assert response.status_code == 302
    ana.refresh_from_db()
    assert ana.checked_in_at is not None

    response = staff_client.post(action_url(limited_event, cara, "promote"), follow=True)
    assert "Not enough places" in response.content.decode()
    staff_client.post(action_url(limited_event, ben, "cancel"))
    cara.refresh_from_db()
    assert cara.status == "confirmed"


def test_staff_add_someone_by_hand(staff_client, limited_event):
    response = staff_client.post(
        reverse("events_admin:add", kwargs={"page_id": limited_event.pk}),
        {
            "name": "Walk-in",
            "email": "",
            "phone": "",
            "places": "2",
            "accessibility_needs": "",
            "language": "es",
        },
        follow=True,
    )
    assert "Walk-in added: Confirmed." in response.content.decode()
    assert Registration.objects.get().added_by_staff


def test_csv_export_has_everyone_and_neutralises_formulas(staff_client, limited_event):
    RegistrationFactory(event=limited_event, name='=HYPERLINK("http://evil")', email="ana@example.org")
    RegistrationFactory(event=limited_event, name="José Ñúñez", status="waiting")
    response = staff_client.get(reverse("events_admin:export", kwargs={"page_id": limited_event.pk}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Status", "Places", "Name", "E-mail"]
    names = [row[2] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil")' in names and "José Ñúñez" in names


def test_message_everyone_registered(staff_client, limited_event, django_capture_on_commit_callbacks):
    RegistrationFactory(event=limited_event, email="ana@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse("events_admin:message", kwargs={"page_id": limited_event.pk}),
            {"subject": "Room change", "message": "We moved to room 2."},
        )
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]


def test_people_who_cannot_edit_the_event_cannot_see_registrations(client, django_user_model, limited_event):
    RegistrationFactory(event=limited_event, email="private@example.org")
    user = django_user_model.objects.create_user("viewer", "viewer@example.org", "not-used")
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    response = client.get(screen_url(limited_event))
    assert response.status_code in (302, 403)
    assert b"private@example.org" not in response.content
    export = client.get(reverse("events_admin:export", kwargs={"page_id": limited_event.pk}))
    assert b"private@example.org" not in export.content


def test_the_dashboard_lists_upcoming_events_with_places_taken(staff_client, limited_event, events_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from haven.events.tests.factories import EventPageFactory

    RegistrationFactory(event=limited_event, places=2)
    staff_client.get(reverse("wagtailadmin_home"))
    with CaptureQueriesContext(connection) as few:
        staff_client.get(reverse("wagtailadmin_home"))
    for _ in range(5):
        EventPageFactory(parent=events_index, registration_enabled=True, capacity=10)
    with CaptureQueriesContext(connection) as more:
        staff_client.get(reverse("wagtailadmin_home"))
    assert len(more) == len(few), "the dashboard panel queries once per event"
    html = staff_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Upcoming events: registrations" in html
    assert screen_url(limited_event) in html
    assert "2 / 3" in html
