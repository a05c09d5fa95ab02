from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from haven.base.fragments import content_version, render_body
from haven.base.navigation import navigation_for
from haven.base.security import add_noreferrer

register = template.Library()


@register.simple_tag(takes_context=True)
def navigation_pages(context):
    """The home page and its menu pages, in tree order."""
    page = context.get("page")
    if page is None and context.get("request") is not None:
        # Views that are not Wagtail pages (privacy, browse safely) use the site's home.
        site = Site.find_for_request(context["request"])
        page = site.root_page if site else None
    return navigation_for(page)


@register.simple_tag(takes_context=True)
def page_body(context):
    """The page's StreamField body, rendered once per change of content."""
    return render_body(page=context["page"], request=context["request"])


@register.filter
def noreferrer_links(html):
    """After |richtext: links to other sites do not tell them where the reader came from."""
    return add_noreferrer(html)


@register.simple_tag(takes_context=True)
def language_links(context):
    """Each language named in itself, linking to this page in it, or to its home page."""
    page, request = context.get("page"), context.get("request")
    current = get_language()
    translated = {}
    if isinstance(page, Page) and page.pk:
        # Published translations change only when content does: cached under the content version.
        key = f"haven:translations:{page.pk}:{content_version(request)}"
        translated = cache.get(key)
        if translated is None:
            translated = {
                translation.locale.language_code: translation.get_url(request)
                for translation in page.get_translations(inclusive=True).live().select_related("locale")
            }
            cache.set(key, translated, 3600)
    links = []
    for code, name in settings.LANGUAGES:
        if page is not None:
            url = translated.get(code) or f"/{code}/"
        else:
            url = translate_url(request.path, code) if request is not None else f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links
