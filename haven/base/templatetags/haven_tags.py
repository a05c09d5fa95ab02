from django import template

from haven.base.navigation import navigation_for

register = template.Library()


@register.simple_tag(takes_context=True)
def navigation_pages(context):
    """The home page and its menu pages, in tree order."""
    return navigation_for(context.get("page"))
