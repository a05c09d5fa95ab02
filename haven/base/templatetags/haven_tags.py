from django import template

from haven.base.fragments import render_body
from haven.base.navigation import navigation_for

register = template.Library()


@register.simple_tag(takes_context=True)
def navigation_pages(context):
    """The home page and its menu pages, in tree order."""
    return navigation_for(context.get("page"))


@register.simple_tag(takes_context=True)
def page_body(context):
    """The page's StreamField body, rendered once per change of content."""
    return render_body(page=context["page"], request=context["request"])
