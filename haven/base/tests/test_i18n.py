"""The interface in the reader's language, chosen by a plain link and kept in the URL."""

import os
import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

HAVEN_DIR = Path(__file__).resolve().parents[2]
CATALOGUE = HAVEN_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"


def test_every_string_in_the_code_has_a_spanish_translation(tmp_path, settings, monkeypatch):
    """makemessages over a copy of the code: any new, changed or fuzzy msgid fails.

    The committed catalogue is never touched: extraction runs in a temporary
    copy of the haven package, whose own locale folder receives the update.
    """
    if shutil.which("xgettext") is None:
        if os.environ.get("HAVEN_REQUIRE_GETTEXT"):
            pytest.fail("HAVEN_REQUIRE_GETTEXT is set but GNU gettext is missing (apt-get install gettext)")
        pytest.skip("GNU gettext is not installed (apt-get install gettext); catalogue extraction skipped")
    copy = tmp_path / "haven"
    shutil.copytree(HAVEN_DIR, copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "static", "*.mo"))
    before = CATALOGUE.read_bytes()
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=["es"], no_obsolete=True, verbosity=0)
    assert CATALOGUE.read_bytes() == before
    extracted = polib.pofile(str(copy / "locale" / "es" / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in extracted.untranslated_entries()]
    fuzzy = [entry.msgid for entry in extracted.fuzzy_entries()]
    assert untranslated == [], f"untranslated in haven/locale/es/LC_MESSAGES/django.po: {untranslated}"
    assert fuzzy == [], f"changed since translated (fuzzy): {fuzzy}"
    committed = {entry.msgid for entry in polib.pofile(str(CATALOGUE)) if not entry.obsolete}
    assert {entry.msgid for entry in extracted if not entry.obsolete} == committed, (
        "the committed catalogue is out of date: run manage.py makemessages -l es (see README)"
    )


def test_the_spanish_catalogue_is_complete():
    catalogue = polib.pofile(str(CATALOGUE))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [], f"untranslated: {untranslated[:10]}"
    assert fuzzy == [], f"fuzzy: {fuzzy[:10]}"


@pytest.mark.django_db
def test_every_page_offers_each_language_named_in_itself(client, campaign_page):
    html = client.get(campaign_page.url).content.decode()
    assert '<nav class="language-switcher" aria-label="Language">' in html
    assert f'<a href="{campaign_page.url}" lang="en" hreflang="en" aria-current="true">English</a>' in html
    # Not translated yet: Spanish readers go to the Spanish home page.
    assert '<a href="/es/" lang="es" hreflang="es">Español</a>' in html


@pytest.mark.django_db
def test_the_spanish_address_gives_the_spanish_interface_without_a_cookie(client, home_page):
    response = client.get("/es/privacy/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="es">' in html
    assert "Salir de esta página" in html
    assert "Exit this page" not in html
    assert not response.cookies
    assert '<a href="/en/privacy/" lang="en" hreflang="en">English</a>' in html


@pytest.mark.django_db
def test_the_switcher_links_to_a_translation_as_soon_as_it_is_published(client, campaign_page):
    from wagtail.models import Locale

    assert '<a href="/es/" lang="es"' in client.get(campaign_page.url).content.decode()
    spanish = Locale.objects.create(language_code="es")
    translation = campaign_page.copy_for_translation(spanish, copy_parents=True)
    translation.title = "Mes de Concientización sobre la Trata de Personas"
    translation.save_revision().publish()
    html = client.get(campaign_page.url).content.decode()
    assert f'<a href="{translation.url}" lang="es" hreflang="es">Español</a>' in html
    assert translation.url.startswith("/es/")
