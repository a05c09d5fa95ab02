from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language
from wagtail.models import Page, Site

from haven.base.fragments import render_body
from haven.base.locales import facts_language, foreign_language, localized_home, published_translations
from haven.base.navigation import navigation_for
from haven.base.security import add_noreferrer

register = template.Library()


@register.simple_tag(takes_context=True)
def navigation_pages(context):
    """The home page and its menu pages, in tree order."""
    page = context.get("page")
    if page is None and context.get("request") is not None:
        # Views that are not Wagtail pages (privacy, browse safely) use the site's home.
        request = context["request"]
        page = localized_home(Site.find_for_request(request), request)
    return navigation_for(page)


@register.simple_tag(takes_context=True)
def page_body(context):
    """The page's StreamField body, rendered once per change of content."""
    return render_body(page=context["page"], request=context["request"])


@register.filter
def noreferrer_links(html):
    """After |richtext: links to other sites do not tell them where the reader came from."""
    return add_noreferrer(html)


def _language_versions(context) -> dict[str, str] | None:
    """{language code: URL} of this page in each language it is published in.

    None when the page has no language versions of its own (an error page).
    Read once per request: the header and the head both use it.
    """
    page, request = context.get("page"), context.get("request")
    if request is not None and hasattr(request, "_haven_language_versions"):
        return request._haven_language_versions
    if isinstance(page, Page) and page.pk:
        versions = published_translations(page, request)
    elif page is None and request is not None and _is_a_view_of_its_own(request):
        # Views that are not Wagtail pages exist in every language.
        versions = {code: translate_url(request.path, code) for code, _name in settings.LANGUAGES}
    else:
        versions = None
    if request is not None:
        request._haven_language_versions = versions
    return versions


def _is_a_view_of_its_own(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name not in (None, "wagtail_serve")


@register.simple_tag(takes_context=True)
def language_links(context):
    """Each language named in itself, linking to this page in it, or to its home page."""
    versions = _language_versions(context) or {}
    current = get_language()
    return [
        {"code": code, "name": name, "url": versions.get(code) or f"/{code}/", "current": code == current}
        for code, name in settings.LANGUAGES
    ]


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """`<link rel="alternate" hreflang>` targets: each published language, and x-default.

    x-default is the site's default language when the page is published in it,
    else the first language it is published in.
    """
    versions = _language_versions(context)
    request = context.get("request")
    if not versions or request is None:
        return []
    languages = [code for code, _name in settings.LANGUAGES if code in versions]
    links = [{"hreflang": code, "url": request.build_absolute_uri(versions[code])} for code in languages]
    if links:
        default = settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in versions else languages[0]
        links.append({"hreflang": "x-default", "url": request.build_absolute_uri(versions[default])})
    return links


@register.filter
def lang_if_foreign(obj) -> str:
    """` lang="xx"` when a snippet or page shown here is in another language than the page."""
    code = foreign_language(obj)
    return format_html(' lang="{}"', code) if code else ""


@register.simple_tag(takes_context=True)
def fact_lang(context, text):
    """` lang="en"` on a figure written in words ("21.7 million") shown on a translation."""
    if not any(character.isalpha() for character in str(text or "")):
        return ""
    code = facts_language(context.get("page"), context.get("request"))
    return format_html(' lang="{}"', code) if code else ""
