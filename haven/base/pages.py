"""Behaviour every Haven page type shares."""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction


class HavenPageMixin:
    """Mixed into every page model, before wagtail's Page."""

    def get_view_restrictions(self):
        """The privacy settings that apply to this page, in one query.

        Same rules as Wagtail's own (the page's and its ancestors'
        restrictions, an alias using its source page's), but the ancestors are
        read from the page's tree path instead of being loaded first.
        """
        step = self.steplen
        paths = [self.path[:end] for end in range(step, len(self.path) + 1, step)]
        alias_sources = Page.objects.filter(path__in=paths, alias_of__isnull=False).values("alias_of")
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__in=alias_sources)
        )
