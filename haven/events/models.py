import zoneinfo
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from haven.base.blocks import RICH_TEXT_FEATURES
from haven.base.pages import HavenPageMixin


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(zoneinfo.available_timezones()) if "/" in name]


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("Choose a time zone from the list, e.g. America/Los_Angeles."), code="invalid"
        )


@dataclass(frozen=True)
class EventTimes:
    start_iso: str
    start_text: str
    end_iso: str
    end_text: str
    zone_abbreviation: str


class Venue(TranslatableMixin, index.Indexed, models.Model):
    """A place events happen, kept once and chosen by each event held there."""

    name = models.CharField(_("name"), max_length=200)
    street_address = models.CharField(_("street address"), max_length=200)
    locality = models.CharField(_("town or city"), max_length=100)
    region = models.CharField(_("state or region"), max_length=100, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    country = models.CharField(
        _("country"), max_length=2, default="US", help_text=_("Two-letter code, e.g. US.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("street_address"),
        FieldRowPanel([FieldPanel("locality"), FieldPanel("region"), FieldPanel("postal_code")]),
        FieldPanel("country"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def one_line_address(self) -> str:
        region_line = " ".join(part for part in [self.region, self.postal_code] if part)
        return ", ".join(part for part in [self.street_address, self.locality, region_line] if part)

    @property
    def map_url(self) -> str:
        """A plain link to a map search; nothing is embedded or loaded by the page."""
        query = urlencode({"query": f"{self.name}, {self.one_line_address}"})
        return f"https://www.openstreetmap.org/search?{query}"


class EventIndexPage(HavenPageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["base.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["events"] = upcoming_events(locale_id=self.locale_id)
        return context


class EventPage(HavenPageMixin, Page):
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default=settings.TIME_ZONE, validators=[validate_time_zone]
    )
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two sentences for event lists.")
    )
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty for an online event."),
    )
    is_online = models.BooleanField(_("online event"), default=False)
    flyer = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("flyer (PDF)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hashtag = models.CharField(
        _("hashtag"), max_length=60, blank=True, help_text=_("Without the #, e.g. RedSandProject.")
    )
    registration_note = models.CharField(
        _("registration note"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Registration is required and places are limited."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone", widget=forms.Select(choices=time_zone_choices)),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel([FieldPanel("venue"), FieldPanel("is_online")], heading=_("Where")),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("flyer"),
        FieldPanel("hashtag"),
        FieldPanel("registration_note"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        ordering = ["start"]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The event must end after it starts.")})
        if not self.venue_id and not self.is_online:
            raise ValidationError({"venue": _("Choose a venue, or tick “online event”.")})
        if self.hashtag:
            self.hashtag = self.hashtag.lstrip("#").strip()

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.zone)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.zone)

    @cached_property
    def when(self) -> EventTimes:
        """Start and end as people there read them: in the event's own time zone."""
        start, end = self.local_start, self.local_end
        start_text = (
            f"{formats.date_format(start, 'DATE_FORMAT')}, {formats.time_format(start, 'TIME_FORMAT')}"
        )
        end_text = formats.time_format(end, "TIME_FORMAT")
        if end.date() != start.date():
            end_text = f"{formats.date_format(end, 'DATE_FORMAT')}, {end_text}"
        return EventTimes(
            start_iso=start.isoformat(),
            start_text=start_text,
            end_iso=end.isoformat(),
            end_text=end_text,
            zone_abbreviation=start.strftime("%Z"),
        )


# What event lists show (templates/includes/event_summary.html); loading only
# these keeps the list query small however long the descriptions grow.
EVENT_LIST_FIELDS = (
    "id",
    "path",
    "depth",
    "url_path",
    "locale_id",
    "title",
    "slug",
    "live",
    "start",
    "end",
    "time_zone",
    "summary",
    "is_online",
    "hashtag",
    "venue__id",
    "venue__name",
    "venue__street_address",
    "venue__locality",
    "venue__region",
    "venue__postal_code",
    "flyer__id",
    "flyer__title",
    "flyer__file",
)


def upcoming_events(*, locale_id: int | None = None, limit: int | None = None) -> list[EventPage]:
    """Live events that have not ended yet, soonest first, in one query."""
    events = (
        EventPage.objects.live()
        .filter(end__gte=timezone.now())
        .select_related("venue", "flyer")
        .only(*EVENT_LIST_FIELDS)
        .order_by("start", "pk")
    )
    if locale_id is not None:
        events = events.filter(locale_id=locale_id)
    if limit is not None:
        events = events[:limit]
    return list(events)
