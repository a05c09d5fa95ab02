"""The interface in the reader's language, chosen by a plain link and kept in the URL."""

import os
import re
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
    languages = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    committed_files = {code: HAVEN_DIR / "locale" / code / "LC_MESSAGES" / "django.po" for code in languages}
    before = {code: path.read_bytes() for code, path in committed_files.items()}
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=languages, no_obsolete=True, verbosity=0)
    assert {code: path.read_bytes() for code, path in committed_files.items()} == before
    for code in languages:
        extracted = polib.pofile(str(copy / "locale" / code / "LC_MESSAGES" / "django.po"))
        untranslated = [entry.msgid for entry in extracted.untranslated_entries()]
        fuzzy = [entry.msgid for entry in extracted.fuzzy_entries()]
        assert untranslated == [], (
            f"untranslated in haven/locale/{code}/LC_MESSAGES/django.po: {untranslated}"
        )
        assert fuzzy == [], f"changed since translated (fuzzy) in {code}: {fuzzy}"
        committed = {entry.msgid for entry in polib.pofile(str(committed_files[code])) if not entry.obsolete}
        assert {entry.msgid for entry in extracted if not entry.obsolete} == committed, (
            f"haven/locale/{code}/LC_MESSAGES/django.po is out of date: run make messages (see README)"
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


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "expected"), [("es-MX,es;q=0.9,en;q=0.5", "/es/"), ("en-US,en;q=0.9", "/en/")]
)
def test_a_first_visit_without_a_language_follows_accept_language(client, home_page, accept, expected):
    response = client.get("/", headers={"Accept-Language": accept})
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]
    assert not response.cookies
    privacy = client.get("/privacy/", headers={"Accept-Language": accept})
    assert privacy["Location"] == f"{expected}privacy/"


@pytest.mark.django_db
def test_an_unknown_language_gets_the_default_one(client, home_page):
    assert client.get("/", headers={"Accept-Language": "tlh"})["Location"] == "/en/"


@pytest.fixture
def translated_campaign(campaign_page, home_page):
    from wagtail.models import Locale

    from haven.base.localize import translate
    from haven.hotlines.models import Hotline

    spanish = Locale.objects.get_or_create(language_code="es")[0]
    hotline = Hotline.objects.get(name="National Human Trafficking Hotline")
    translate(
        instance=hotline, locale=spanish, strings={"National Human Trafficking Hotline": "Línea Nacional"}
    )
    translate(instance=home_page, locale=spanish, strings={})
    page, _created = translate(instance=campaign_page, locale=spanish, strings={})
    return page


@pytest.mark.django_db
def test_each_page_lists_its_published_translations_and_a_default(client, campaign_page, translated_campaign):
    html = client.get(translated_campaign.url).content.decode()
    alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
    assert alternates == [
        ("en", f"http://testserver{campaign_page.url}"),
        ("es", f"http://testserver{translated_campaign.url}"),
        ("x-default", f"http://testserver{campaign_page.url}"),
    ]


@pytest.mark.django_db
def test_an_untranslated_page_lists_only_itself(client, campaign_page):
    html = client.get(campaign_page.url).content.decode()
    alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)"', html)
    assert alternates == ["en", "x-default"]


@pytest.mark.django_db
def test_views_of_their_own_exist_in_every_language(client, home_page):
    html = client.get("/es/browse-safely/").content.decode()
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/browse-safely/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/en/browse-safely/">' in html


@pytest.mark.django_db
def test_english_content_on_a_spanish_page_says_it_is_english(client, campaign_page, translated_campaign):
    from haven.hotlines.models import Hotline
    from haven.hotlines.tests.factories import HotlineFactory

    county = HotlineFactory(name="County line")  # never translated
    page = translated_campaign.get_latest_revision_as_object()
    page.body.append(("hotline", {"hotline": county, "note": ""}))
    page.save_revision().publish()
    html = client.get(translated_campaign.url).content.decode()
    assert '<section class="hotline">' in html.split("Línea Nacional")[0][-200:], "translated: no lang"
    assert '<section class="hotline" lang="en">' in html
    assert Hotline.objects.filter(name="County line").count() == 1


@pytest.mark.django_db
def test_the_crisis_banner_speaks_the_readers_language_unless_staff_wrote_their_own(client, home_page):
    from haven.base.models import SiteSettings

    html = client.get("/es/privacy/").content.decode()
    assert "<span>¿En crisis?</span>" in html
    site_settings = SiteSettings.objects.get()
    site_settings.crisis_text = "Need help now?"
    site_settings.save()
    html = client.get("/es/privacy/").content.decode()
    assert '<span lang="en">Need help now?</span>' in html
    assert "<span>Need help now?</span>" in client.get("/en/privacy/").content.decode()


@pytest.mark.django_db
def test_the_spanish_home_shows_the_spanish_campaign(client, campaign_page, translated_campaign, home_page):
    # A translated home page keeps the original's choice, the English campaign.
    spanish_home = home_page.get_translation(translated_campaign.locale).specific
    spanish_home.featured_campaign = campaign_page
    spanish_home.save_revision().publish()
    html = client.get("/es/").content.decode()
    assert f'href="{translated_campaign.url}"' in html
    assert f'href="{campaign_page.url}"' not in html.split("</header>", 2)[-1].split("<footer")[0]


def test_a_third_language_is_a_setting(tmp_path):
    import subprocess
    import sys

    env = {key: value for key, value in os.environ.items() if key != "HAVEN_LANGUAGES"}
    env.update({"DJANGO_SETTINGS_MODULE": "haven.settings.base", "HAVEN_DATA_DIR": str(tmp_path)})
    code = "import django; from django.conf import settings; django.setup(); print(settings.LANGUAGES)"
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=HAVEN_DIR.parent,
        env={**env, "HAVEN_LANGUAGES": "en,es,vi"},
        capture_output=True,
        text=True,
    )
    assert done.stdout.strip() == "[('en', 'English'), ('es', 'Español'), ('vi', 'Tiếng Việt')]"


@pytest.mark.django_db
def test_a_third_language_gets_its_own_addresses_and_link(client, home_page, settings):
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [
        ("en", "English"),
        ("es", "Español"),
        ("vi", "Tiếng Việt"),
    ]
    response = client.get("/vi/privacy/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in html
    assert '<a href="/vi/privacy/" lang="vi" hreflang="vi" aria-current="true">Tiếng Việt</a>' in html
    assert '<link rel="alternate" hreflang="vi" href="http://testserver/vi/privacy/">' in html
