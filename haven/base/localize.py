"""Translations made in code the way translators make them in the admin.

The demo content (and tests) create real wagtail-localize translations: a
TranslationSource for the original, a Translation into the target language
and one StringTranslation per segment. Translators then find them in the
admin and keep editing them segment by segment, or export and import PO
files, exactly as for a translation they started themselves.
"""

import html
import json

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue


def _translated_data(data: str, strings: dict[str, str]) -> str | None:
    """The translation of one segment, in wagtail-localize's form (HTML-escaped text).

    `strings` is keyed by plain text; segments from rich text keep their
    inline tags (<b>, <a id="a1">), written as they are in the translation.
    """
    text = strings.get(html.unescape(data))
    if text is None:
        return None
    if "<" in html.unescape(data):
        return text
    return StringValue.from_plaintext(text).data


def untranslated_strings(*, instance, strings: dict[str, str]) -> list[str]:
    """The instance's translatable strings that `strings` has no translation for."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).select_related("string")
    return [
        html.unescape(segment.string.data)
        for segment in segments
        if _translated_data(segment.string.data, strings) is None
    ]


@transaction.atomic
def translate(*, instance, locale: Locale, strings: dict[str, str], overrides: dict | None = None, user=None):
    """Translate `instance` into `locale` from {source text: translated text}.

    `overrides` replaces what translators may replace rather than translate
    (an image or document chosen, a link): {source value: value in `locale`},
    e.g. {English flyer id: Spanish flyer id}.

    Returns (translated instance, created). An instance that already has a
    translation in `locale` is left exactly as it is: translators' work is
    never overwritten. Strings missing from `strings` keep the source text
    (wagtail-localize's fallback) and stay untranslated in the editor. Pages
    are published; the translation's parent must be translated first.
    """
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific if isinstance(existing, Page) else existing, False
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = _translated_data(segment.string.data, strings)
        if text is None:
            continue
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
        if overrides and segment.data in overrides:
            SegmentOverride.objects.get_or_create(
                locale=locale,
                context=segment.context,
                defaults={"data_json": json.dumps(overrides[segment.data]), "last_translated_by": user},
            )
    is_page = isinstance(instance, Page)
    # Pages are saved as a draft and published here, not after the commit as
    # wagtail-localize would, so the caller sees the published page at once.
    translated, _created = source.create_or_update_translation(
        locale, user=user, publish=not is_page, fallback=True, copy_parent_pages=False
    )
    if is_page:
        translated = translated.specific
        translated.get_latest_revision().publish(user=user)
        translated.refresh_from_db()
    return translated, True
