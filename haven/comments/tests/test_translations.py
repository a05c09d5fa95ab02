"""The comments' Spanish catalogue is complete and compiled with the rest."""

from pathlib import Path

import polib

from haven.base.translations import catalogue_files

CATALOGUE = Path(__file__).resolve().parents[1] / "locale" / "es" / "LC_MESSAGES" / "django.po"


def test_the_spanish_comments_catalogue_is_complete():
    catalogue = polib.pofile(str(CATALOGUE))
    assert len(catalogue) > 50
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


def test_app_catalogues_are_compiled_with_the_projects():
    assert CATALOGUE in catalogue_files()
    assert any(path.parts[-5:-3] == ("haven", "locale") for path in catalogue_files())
