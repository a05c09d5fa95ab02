"""Which Wagtail site answers a request, remembered between requests.

Wagtail looks the site up with one of the most expensive queries of a page
view on every request. Sites change only when an operator reconfigures them,
so the answer is kept in the cache: cleared at once in the process that saves
a change, and at most SITE_CACHE_SECONDS old in any other process.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port
from wagtail.models import Page, Site

SITE_CACHE_KEY = "haven:sites"
SITE_CACHE_SECONDS = 60
# Host names come from the request; keep the cache from growing without end.
MAX_CACHED_HOSTS = 50


def site_for_request(request) -> Site | None:
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    known = cache.get(SITE_CACHE_KEY) or {}
    key = f"{hostname}:{port}"
    if key in known:
        return known[key]
    site = Site._find_for_request(request)
    if len(known) < MAX_CACHED_HOSTS:
        known[key] = site
        cache.set(SITE_CACHE_KEY, known, SITE_CACHE_SECONDS)
    return site


class CachedSiteMiddleware:
    """Give Wagtail the request's site before anything asks for it.

    Wagtail's Site.find_for_request() keeps its answer on the request as
    `_wagtail_site`; setting it here means Wagtail's own lookup is skipped.
    It must come after CommonMiddleware, which refuses hosts not in
    ALLOWED_HOSTS.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = site_for_request(request)
        return self.get_response(request)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def forget_sites(**kwargs) -> None:
    cache.delete(SITE_CACHE_KEY)


@receiver(post_save)
@receiver(post_delete)
def forget_sites_when_a_root_page_changes(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page) and instance.depth is not None and instance.depth <= 2:
        cache.delete(SITE_CACHE_KEY)
