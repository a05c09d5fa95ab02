"""The site's main navigation: the home page and its menu pages.

One query, kept in the cache between requests. Publishing, unpublishing,
moving or deleting a page clears it at once in this process (everywhere with
a shared cache); other processes see the change within NAVIGATION_CACHE_SECONDS.
"""

from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

# Wagtail's materialised paths use four characters a level; the site root's
# children (the home pages, one per locale) sit at depth 2.
HOME_PATH_LENGTH = 8
NAVIGATION_CACHE_SECONDS = 60


def _cache_key(home_path: str) -> str:
    return f"haven:navigation:{home_path}"


def navigation_for(page) -> list[Page]:
    if page is None or not getattr(page, "path", None) or page.depth < 2:
        return []
    home_path = page.path[:HOME_PATH_LENGTH]
    pages = cache.get(_cache_key(home_path))
    if pages is None:
        pages = list(
            Page.objects.live()
            .filter(Q(path=home_path) | Q(depth=3, path__startswith=home_path, show_in_menus=True))
            .order_by("path")
            .only("id", "path", "depth", "url_path", "title", "slug", "locale_id")
        )
        cache.set(_cache_key(home_path), pages, NAVIGATION_CACHE_SECONDS)
    return pages


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_save)
@receiver(post_delete)
def forget_navigation(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page) and instance.path:
        cache.delete(_cache_key(instance.path[:HOME_PATH_LENGTH]))


@receiver(post_page_move)
def forget_navigation_after_move(sender, instance, parent_page_before, parent_page_after, **kwargs) -> None:
    cache.delete_many(
        [_cache_key(parent.path[:HOME_PATH_LENGTH]) for parent in (parent_page_before, parent_page_after)]
    )
