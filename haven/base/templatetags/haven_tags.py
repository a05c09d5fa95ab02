from django import template
from django.db.models import Q
from wagtail.models import Page

register = template.Library()

# Wagtail's materialised paths use four characters a level; the site root's
# children (the home pages, one per locale) sit at depth 2.
_HOME_PATH_LENGTH = 8


@register.simple_tag(takes_context=True)
def navigation_pages(context):
    """The home page and its menu pages, in tree order, in one query."""
    page = context.get("page")
    if page is None or not getattr(page, "path", None) or page.depth < 2:
        return []
    home_path = page.path[:_HOME_PATH_LENGTH]
    return list(
        Page.objects.live()
        .filter(Q(path=home_path) | Q(depth=3, path__startswith=home_path, show_in_menus=True))
        .order_by("path")
        .only("id", "path", "depth", "url_path", "title", "slug", "locale_id")
    )
