"""Compiled message catalogues, made with Python alone (no GNU gettext needed)."""

from pathlib import Path

import polib
from django.conf import settings


def catalogue_files() -> list[Path]:
    return sorted(path for locale_dir in settings.LOCALE_PATHS for path in Path(locale_dir).rglob("*.po"))


def compile_catalogues(*, force: bool = False) -> list[Path]:
    """Write each .po file's .mo beside it when missing or older; returns those written."""
    written = []
    for po_path in catalogue_files():
        mo_path = po_path.with_suffix(".mo")
        if force or not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            written.append(mo_path)
    return written
