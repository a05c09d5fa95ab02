"""Compiled message catalogues, made with Python alone (no GNU gettext needed)."""

from pathlib import Path

import polib
from django.conf import settings


def locale_dirs() -> list[Path]:
    """The project's catalogue folders and each Haven app's own (haven/<app>/locale)."""
    project = [Path(locale_dir) for locale_dir in settings.LOCALE_PATHS]
    apps = sorted(path for path in (settings.PROJECT_DIR).glob("*/locale") if path.is_dir())
    return project + [path for path in apps if path not in project]


def catalogue_files() -> list[Path]:
    return sorted(path for locale_dir in locale_dirs() for path in locale_dir.rglob("*.po"))


def compile_catalogues(*, force: bool = False) -> list[Path]:
    """Write each .po file's .mo beside it when missing or older; returns those written."""
    written = []
    for po_path in catalogue_files():
        mo_path = po_path.with_suffix(".mo")
        if force or not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            written.append(mo_path)
    return written
