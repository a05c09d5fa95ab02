import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from haven.events.models import Registration
from haven.events.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def test_one_sweep_runs_every_apps_jobs(limited_event, settings):
    settings.HAVEN_REGISTRATION_RETENTION_DAYS = 30
    long_ago = timezone.now() - dt.timedelta(days=60)
    limited_event.start, limited_event.end = long_ago, long_ago + dt.timedelta(hours=2)
    limited_event.save()
    RegistrationFactory(event=limited_event, email="old@example.org")
    output = io.StringIO()
    call_command("run_scheduler", "--once", stdout=output)
    assert "registrations_anonymised: 1" in output.getvalue()
    assert "comments_emails_removed" in output.getvalue()
    assert Registration.objects.get().email == ""
