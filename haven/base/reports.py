"""Which content lacks a translation, or has one older than its source (the admin's translation report)."""

from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.db.models import Count, Q
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import StringTranslation, Translation

MISSING = "missing"
DRAFT = "draft"
OUTDATED = "outdated"
INCOMPLETE = "incomplete"
MACHINE = "machine"
UP_TO_DATE = "up-to-date"

# Snippets the site shows in every language.
TRANSLATED_SNIPPETS = ("hotlines.Hotline", "events.Venue")


@dataclass
class LanguageStatus:
    language_code: str
    status: str
    translated: object | None = None
    segments_left: int = 0
    machine_segments: int = 0


@dataclass
class ReportRow:
    source: object
    kind: str
    last_changed: datetime | None
    languages: list[LanguageStatus] = field(default_factory=list)

    @property
    def needs_work(self) -> bool:
        return any(language.status != UP_TO_DATE for language in self.languages)


def _target_locales(source_locale: Locale) -> list[Locale]:
    codes = [
        code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != source_locale.language_code
    ]
    existing = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=codes)}
    return [existing.get(code) or Locale(language_code=code) for code in codes]


def _localize_progress(translation_keys) -> dict[tuple, tuple[int, int]]:
    """{(translation key, target locale id): (segments left, machine-translated segments)}."""
    progress = {}
    translations = Translation.objects.filter(
        source__object_id__in=translation_keys, enabled=True
    ).select_related("source")
    for translation in translations:
        total, done = translation.get_progress()
        # Machine output stays marked "machine" until a person edits the segment.
        machine = StringTranslation.objects.filter(
            translation_of__segments__source_id=translation.source_id,
            context__object_id=translation.source.object_id,
            locale_id=translation.target_locale_id,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        ).aggregate(count=Count("pk", distinct=True))["count"]
        progress[(translation.source.object_id, translation.target_locale_id)] = (total - done, machine)
    return progress


def _status(*, exists: bool, live: bool, older: bool, left: int, machine: int) -> str:
    if not exists:
        return MISSING
    if not live:
        return DRAFT
    if older:
        return OUTDATED
    if left:
        return INCOMPLETE
    if machine:
        return MACHINE
    return UP_TO_DATE


def translation_report() -> list[ReportRow]:
    """Every page and translated snippet in the default language, with its state in each other language."""
    source_locale = Locale.get_default()
    targets = _target_locales(source_locale)
    rows: list[ReportRow] = []

    pages = list(
        Page.objects.filter(locale=source_locale, depth__gt=1)
        .filter(Q(live=True) | Q(has_unpublished_changes=True))
        .order_by("path")
        .select_related("content_type")
    )
    keys = [page.translation_key for page in pages]
    translations = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys).exclude(locale=source_locale)
    }
    snippet_models = [apps.get_model(label) for label in TRANSLATED_SNIPPETS]
    snippets = [
        instance
        for model in snippet_models
        if issubclass(model, TranslatableMixin)
        for instance in model.objects.filter(locale=source_locale)
    ]
    progress = _localize_progress(keys + [snippet.translation_key for snippet in snippets])

    for page in pages:
        row = ReportRow(source=page, kind=str(page.content_type), last_changed=page.last_published_at)
        for locale in targets:
            translated = translations.get((page.translation_key, locale.pk))
            left, machine = progress.get((page.translation_key, locale.pk), (0, 0))
            older = bool(
                translated is not None
                and page.last_published_at
                and (
                    translated.last_published_at is None
                    or translated.last_published_at < page.last_published_at
                )
            )
            status = _status(
                exists=translated is not None,
                live=translated is not None and translated.live,
                older=older,
                left=left,
                machine=machine,
            )
            row.languages.append(LanguageStatus(locale.language_code, status, translated, left, machine))
        rows.append(row)

    for model in snippet_models:
        instances = [snippet for snippet in snippets if isinstance(snippet, model)]
        existing = {
            (item.translation_key, item.locale_id): item
            for item in model.objects.filter(
                translation_key__in=[i.translation_key for i in instances]
            ).exclude(locale=source_locale)
        }
        for instance in instances:
            row = ReportRow(source=instance, kind=str(model._meta.verbose_name), last_changed=None)
            for locale in targets:
                translated = existing.get((instance.translation_key, locale.pk))
                left, machine = progress.get((instance.translation_key, locale.pk), (0, 0))
                status = _status(
                    exists=translated is not None, live=True, older=False, left=left, machine=machine
                )
                row.languages.append(LanguageStatus(locale.language_code, status, translated, left, machine))
            rows.append(row)
    return rows
