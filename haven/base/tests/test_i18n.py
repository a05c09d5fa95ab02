"""The interface in the reader's language, chosen by a plain link and kept in the URL."""

from pathlib import Path

import polib
import pytest

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "es" / "LC_MESSAGES" / "django.po"


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
