"""Rendered page bodies, kept between requests until the content changes.

A campaign body is the costly part of a page view: it parses the StreamField,
loads hotlines, images and upcoming events, and renders every block. What it
shows changes only when staff publish something, so the HTML is cached under
a key made of the page's live revision and a site-wide content version.

The content version is one row in the database, raised in the same
transaction as any publish, unpublish, move or deletion of a page and any
change to a hotline, venue, image or document; every process reads it (one
small query), so no process ever shows a body older than the last change.
Upcoming-event lists also change with the clock: the key includes the current
minute, so an event that has ended leaves the page within a minute.
"""

import time

from django.core.cache import cache
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils.translation import get_language
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import ContentVersion

BODY_CACHE_SECONDS = 60


def content_version(request=None) -> int:
    """The current content version, read once per request."""
    if request is not None and hasattr(request, "_haven_content_version"):
        return request._haven_content_version
    number = ContentVersion.objects.filter(pk=1).values_list("number", flat=True).first() or 0
    if request is not None:
        request._haven_content_version = number
    return number


def content_changed(**kwargs) -> None:
    if not ContentVersion.objects.filter(pk=1).update(number=F("number") + 1):
        ContentVersion.objects.get_or_create(pk=1, defaults={"number": 1})


def cache_period() -> int:
    """The current BODY_CACHE_SECONDS-long period: cached bodies last at most two of them."""
    return int(time.time() // BODY_CACHE_SECONDS)


def render_body(*, page, request, template_name: str = "includes/stream_body.html") -> str:
    """The page's body as HTML, from the cache when nothing has changed."""
    if getattr(request, "is_preview", False) or not page.live:
        return render_to_string(template_name, {"page": page, "request": request}, request=request)
    site = Site.find_for_request(request)
    minute = cache_period()
    key = (
        f"haven:body:{page.pk}:{page.live_revision_id}:{site.pk if site else 0}:"
        f"{get_language()}:{content_version(request)}:{minute}"
    )
    html = cache.get(key)
    if html is None:
        html = render_to_string(template_name, {"page": page, "request": request}, request=request)
        cache.set(key, html, BODY_CACHE_SECONDS * 2)
    return html


page_published.connect(content_changed, dispatch_uid="haven-content-published")
page_unpublished.connect(content_changed, dispatch_uid="haven-content-unpublished")
post_page_move.connect(content_changed, dispatch_uid="haven-content-moved")


def _shown_in_bodies(instance) -> bool:
    from haven.events.models import Venue
    from haven.hotlines.models import Hotline

    return isinstance(instance, (Hotline, Venue, get_image_model(), get_document_model()))


@receiver(post_save)
def content_saved(sender, instance, **kwargs) -> None:
    if _shown_in_bodies(instance):
        content_changed()


@receiver(post_delete)
def content_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page) or _shown_in_bodies(instance):
        content_changed()
