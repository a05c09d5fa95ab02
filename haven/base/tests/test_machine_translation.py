"""Machine translation is optional and self-hosted: off unless the operator sets a LibreTranslate URL."""

import datetime as dt
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation

from haven.base.localize import translate
from haven.base.reports import translation_report
from haven.hotlines.models import Hotline

REPO = Path(__file__).resolve().parents[3]
LIBRETRANSLATE = "wagtail_localize.machine_translators.libretranslate.LibreTranslator"


def machine_translator_setting(tmp_path, **env) -> str:
    clean = {key: value for key, value in os.environ.items() if not key.startswith("HAVEN_LIBRETRANSLATE")}
    clean.update({"DJANGO_SETTINGS_MODULE": "haven.settings.base", "HAVEN_DATA_DIR": str(tmp_path), **env})
    code = (
        "import django, json; from django.conf import settings; django.setup(); "
        "print(json.dumps(getattr(settings, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', None)))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=clean, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_off_by_default(tmp_path):
    assert machine_translator_setting(tmp_path) is None


def test_the_url_turns_on_libretranslate_with_its_key(tmp_path):
    config = machine_translator_setting(
        tmp_path, HAVEN_LIBRETRANSLATE_URL="http://127.0.0.1:5000/", HAVEN_LIBRETRANSLATE_API_KEY="k"
    )
    assert config["CLASS"] == LIBRETRANSLATE
    assert config["OPTIONS"]["LIBRETRANSLATE_URL"] == "http://127.0.0.1:5000"
    assert config["OPTIONS"]["API_KEY"] == "k"


class FakeLibreTranslate(BaseHTTPRequestHandler):
    """A stand-in LibreTranslate on loopback that records what it is sent."""

    received: list[dict] = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).received.append(body)
        payload = json.dumps(
            {"translatedText": [f"[{body['target']}] {text}" for text in body["q"]]}
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_libretranslate():
    FakeLibreTranslate.received = []
    server = HTTPServer(("127.0.0.1", 0), FakeLibreTranslate)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", FakeLibreTranslate.received
    server.shutdown()
    server.server_close()


@pytest.fixture
def hotline_translation(db):
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    hotline = Hotline.objects.create(
        name="County line",
        call_number="1-800-555-0100",
        source_name="County",
        last_verified=dt.date(2026, 1, 5),
    )
    translate(instance=hotline, locale=spanish, strings={})
    return Translation.objects.get(source__object_id=hotline.translation_key, target_locale=spanish)


@pytest.mark.django_db
def test_without_the_setting_the_editor_cannot_send_anything(
    admin_client, hotline_translation, fake_libretranslate
):
    _url, received = fake_libretranslate
    editor = admin_client.get(hotline_translation.get_target_instance_edit_url())
    assert editor.status_code == 200
    assert "&quot;machineTranslator&quot;: null" in editor.content.decode()
    response = admin_client.post(f"/admin/localize/translate/{hotline_translation.pk}/machine_translate/")
    assert response.status_code != 200
    assert received == []
    assert not StringTranslation.objects.filter(translation_type="machine").exists()


@pytest.mark.django_db
def test_machine_output_is_stored_as_a_draft_marked_for_review(
    admin_client, settings, hotline_translation, fake_libretranslate
):
    url, received = fake_libretranslate
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": LIBRETRANSLATE,
        "OPTIONS": {"LIBRETRANSLATE_URL": url, "API_KEY": ""},
    }
    editor = admin_client.get(hotline_translation.get_target_instance_edit_url()).content.decode()
    assert "&quot;machineTranslator&quot;: {&quot;name&quot;: &quot;LibreTranslate&quot;" in editor
    response = admin_client.post(f"/admin/localize/translate/{hotline_translation.pk}/machine_translate/")
    assert response.status_code == 302
    assert len(received) == 1 and received[0]["source"] == "en" and received[0]["target"] == "es"
    assert "County line" in received[0]["q"]
    assert "1-800-555-0100" not in received[0]["q"], "facts are not sent for translation"
    machine = StringTranslation.objects.get(translation_of__data="County line", locale__language_code="es")
    assert (machine.data, machine.translation_type, machine.tool_name) == (
        "[es] County line",
        "machine",
        "LibreTranslate",
    )
    # Nothing reaches readers until a person reviews and publishes it.
    spanish = Hotline.objects.get(locale__language_code="es")
    assert spanish.name == "County line"
    row = next(row for row in translation_report() if str(row.source) == "County line")
    assert row.languages[0].status == "machine"
