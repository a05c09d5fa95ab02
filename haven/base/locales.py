"""Languages of content: which locale an object is in, and where a page is in each language."""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from haven.base.fragments import content_version

# Locales are created once, when an operator adds a language; each process
# keeps the few rows it has seen.
_language_codes: dict[int, str] = {}


def language_code_for_locale_id(locale_id: int | None) -> str:
    if locale_id is None:
        return settings.LANGUAGE_CODE
    if locale_id not in _language_codes:
        _language_codes.update(Locale.objects.values_list("pk", "language_code"))
    return _language_codes.get(locale_id, settings.LANGUAGE_CODE)


def foreign_language(obj, language: str | None = None) -> str:
    """The language of content shown on a page in another language, else ""."""
    code = language_code_for_locale_id(getattr(obj, "locale_id", None))
    if code.split("-")[0] == (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]:
        return ""
    return code


def localized_home(site, request) -> Page | None:
    """The site's home page in the reader's language, when it is published in it."""
    if site is None:
        return None
    language = get_language()
    key = f"haven:home:{site.pk}:{language}:{content_version(request)}"
    home = cache.get(key)
    if home is None:
        root = site.root_page
        home = (
            Page.objects.live()
            .filter(translation_key=root.translation_key, locale__language_code=language)
            .first()
        ) or root
        cache.set(key, home, 3600)
    return home


def published_translations(page: Page, request) -> dict[str, str]:
    """{language code: URL} of the page's live versions, this one included.

    Published translations change only when content does, so the answer is
    cached under the content version: no query beyond the version itself.
    """
    key = f"haven:translations:{page.pk}:{content_version(request)}"
    translated = cache.get(key)
    if translated is None:
        translated = {
            translation.locale.language_code: translation.get_url(request)
            for translation in page.get_translations(inclusive=True).live().select_related("locale")
        }
        cache.set(key, translated, 3600)
    return translated


def facts_language(page, request) -> str:
    """The language a translated page's facts (statistic figures) are written in, if not its own.

    Facts come from the original (see synchronised.py). Read once per page and
    request, and only when a body is rendered, i.e. not from the cache.
    """
    if page is None or getattr(page, "translation_key", None) is None:
        return ""
    memo = getattr(request, "_haven_facts_language", None) if request is not None else None
    if memo is None:
        memo = {}
        if request is not None:
            request._haven_facts_language = memo
    if page.pk not in memo:
        # Which language a page was translated from is decided when it is
        # translated; keep the answer for each published revision.
        key = f"haven:facts-language:{page.pk}:{page.live_revision_id}"
        language = cache.get(key)
        if language is None:
            from haven.base.synchronised import source_locale_id

            source_locale = source_locale_id(page)
            has_source = (
                source_locale != page.locale_id
                and type(page)
                .objects.filter(translation_key=page.translation_key, locale_id=source_locale)
                .exists()
            )
            language = language_code_for_locale_id(source_locale) if has_source else ""
            cache.set(key, language, 3600)
        memo[page.pk] = language
    return memo[page.pk]
