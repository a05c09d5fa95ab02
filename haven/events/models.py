import datetime as dt
import zoneinfo
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Coalesce, Lower
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.routable_page.models import path as route
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

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

    # The address is a fact; only the venue's name is translated.
    override_translatable_fields = [
        SynchronizedField(name, overridable=False)
        for name in ("street_address", "locality", "region", "postal_code", "country")
    ]

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


class EventIndexPage(RoutablePageMixin, HavenPageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["base.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events page")

    @route("")
    def upcoming(self, request):
        from . import views

        return views.event_list(request, self, archive=False)

    @route("archive/")
    def archive(self, request):
        from . import views

        return views.event_list(request, self, archive=True)

    @route("calendar/")
    def calendar_feed(self, request):
        from . import views

        return views.calendar_feed(request, self)


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")
    MOVED_ONLINE = "moved_online", _("Moved online")


# Facts that are the same in every language (haven/base/synchronised.py keeps
# every translation equal to the source). The venue, flyer and image are not
# among them: a translation points at the venue's translation and may carry
# its own flyer.
FACT_FIELDS = (
    "start",
    "end",
    "time_zone",
    "is_online",
    "hashtag",
    "status",
    "registration_enabled",
    "capacity",
    "max_places_per_registration",
    "registration_opens",
    "registration_closes",
    "waiting_list_enabled",
    "offer_hours",
    "online_link",
    "reminder_hours",
)


class EventPage(RoutablePageMixin, HavenPageMixin, Page):
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
    organiser = models.CharField(
        _("organiser"),
        max_length=200,
        blank=True,
        help_text=_("Who runs the event. Leave empty to name your organisation."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the event is shared or listed by search engines."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    status_note = models.CharField(
        _("status note"),
        max_length=300,
        blank=True,
        help_text=_("e.g. the new date of a postponed event, or why it was cancelled."),
    )
    registration_enabled = models.BooleanField(
        _("take registrations on this site"),
        default=False,
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("How many people can come. Leave empty for no limit."),
    )
    max_places_per_registration = models.PositiveSmallIntegerField(
        _("most places one person can book"), default=4, validators=[MinValueValidator(1)]
    )
    registration_opens = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Leave empty to open at once.")
    )
    registration_closes = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Leave empty to close when the event starts."),
    )
    waiting_list_enabled = models.BooleanField(
        _("waiting list when full"),
        default=True,
    )
    offer_hours = models.PositiveSmallIntegerField(
        _("hours to accept a freed place"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Leave empty to give a freed place to the next person on the waiting list at once. "
            "With a number, they are offered it by e-mail and the offer passes on after that many hours."
        ),
    )
    online_link = models.URLField(
        _("joining link (private)"),
        blank=True,
        help_text=_(
            "Only people with a confirmed place see it: on their confirmation page and in their e-mails."
        ),
    )
    reminder_hours = models.PositiveSmallIntegerField(
        _("reminder, hours before the start"),
        default=24,
        help_text=_("Registered people get one reminder e-mail this long before the event. 0 sends none."),
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
        FieldPanel("image"),
        FieldPanel("flyer"),
        FieldPanel("hashtag"),
        FieldPanel("organiser"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("status_note")],
            heading=_("Status"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("max_places_per_registration")]),
                FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
                FieldRowPanel([FieldPanel("waiting_list_enabled"), FieldPanel("offer_hours")]),
                FieldPanel("online_link"),
                FieldPanel("reminder_hours"),
                FieldPanel("registration_note"),
                HelpPanel(
                    content=_(
                        "Registrations, the waiting list, check-in and the CSV export are under "
                        "“Registrations” in the page’s actions menu. Registrants’ personal data is "
                        "deleted automatically some days after the event."
                    )
                ),
            ],
            heading=_("Registration"),
        ),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    override_translatable_fields = [SynchronizedField(name, overridable=False) for name in FACT_FIELDS]

    class Meta:
        verbose_name = _("event")
        ordering = ["start"]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if not self.venue_id and not self.is_online:
            errors["venue"] = _("Choose a venue, or tick “online event”.")
        if self.capacity is not None and self.capacity < 1:
            errors["capacity"] = _("Enter at least 1 place, or leave it empty for no limit.")
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes <= self.registration_opens
        ):
            errors["registration_closes"] = _("Registration must close after it opens.")
        if self.online_link and not self.online_link.startswith("https://"):
            errors["online_link"] = _("Use a secure link that starts with https://.")
        if errors:
            raise ValidationError(errors)
        if self.hashtag:
            self.hashtag = self.hashtag.lstrip("#").strip()

    # The event and its calendar file; the registration form posts to events.urls.
    @route("")
    def event_page(self, request):
        from . import views

        return views.event_page(request, self)

    @route("calendar/")
    def calendar_file(self, request):
        from . import views

        return views.event_calendar(request, self)

    @cached_property
    def registration_anchor(self) -> "EventPage":
        """The one page, among this event's translations, that registrations belong to.

        Every language shares one list of places, so a Spanish and an English
        registration count against the same capacity.
        """
        if not self.translation_key:
            return self
        anchor = (
            EventPage.objects.filter(translation_key=self.translation_key)
            .order_by("pk")
            .only("pk", "translation_key", "locale_id")
            .first()
        )
        if anchor is None or anchor.pk == self.pk:
            return self
        return EventPage.objects.get(pk=anchor.pk)

    @property
    def has_ended(self) -> bool:
        return self.end < timezone.now()

    @property
    def is_online_now(self) -> bool:
        return self.is_online or self.status == EventStatus.MOVED_ONLINE

    @property
    def attendance_mode(self) -> str:
        if self.status == EventStatus.MOVED_ONLINE or (self.is_online and not self.venue_id):
            return "online"
        if self.is_online and self.venue_id:
            return "mixed"
        return "offline"

    @property
    def shows_places_left(self) -> bool:
        return (
            self.registration_enabled
            and self.capacity is not None
            and self.status in (EventStatus.SCHEDULED, EventStatus.MOVED_ONLINE)
            and not self.has_ended
        )

    def registration_window(self) -> tuple[dt.datetime | None, dt.datetime]:
        return self.registration_opens, self.registration_closes or self.start

    def places_taken(self) -> int:
        """Places held by confirmed registrations and open offers, across every language."""
        return Registration.objects.places_held(event=self.registration_anchor)

    def seats_left(self) -> int | None:
        if self.capacity is None:
            return None
        held = getattr(self, "places_held", None)
        if held is None:
            held = self.places_taken()
        return max(self.capacity - held, 0)

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
    "translation_key",
    "status",
    "status_note",
    "registration_enabled",
    "capacity",
    "waiting_list_enabled",
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


def with_places_held(events: models.QuerySet) -> models.QuerySet:
    """Annotate each event with the places its registrations hold, in the same query.

    Registrations belong to one page of each event's translations, so they
    are matched by the translation key: every language shows the same count.
    """
    held = (
        Registration.objects.filter(
            event__translation_key=models.OuterRef("translation_key"), status__in=HOLDING_STATUSES
        )
        .order_by()
        .values("event__translation_key")
        .annotate(total=models.Sum("places"))
        .values("total")
    )
    return events.annotate(places_held=Coalesce(models.Subquery(held, output_field=models.IntegerField()), 0))


def _listed_events(*, locale_id: int | None, **filters) -> models.QuerySet:
    """Live events as lists show them, with only the fields lists use and the places held.

    A list in one language also shows, in the site's main language, the events
    nobody has translated (or published in translation) yet: readers should
    not miss an event because its translation is still being written.
    """
    events = (
        EventPage.objects.live().filter(**filters).select_related("venue", "flyer").only(*EVENT_LIST_FIELDS)
    )
    if locale_id is not None:
        translated_here = EventPage.objects.live().filter(locale_id=locale_id).values("translation_key")
        events = events.filter(
            models.Q(locale_id=locale_id)
            | (
                models.Q(locale__language_code=settings.LANGUAGE_CODE)
                & ~models.Q(translation_key__in=translated_here)
            )
        )
    return with_places_held(events)


def registration_anchors() -> models.QuerySet:
    """The ids of each event's registration anchor (the first page among its translations)."""
    return (
        EventPage.objects.order_by()
        .values("translation_key")
        .annotate(first_pk=models.Min("pk"))
        .values("first_pk")
    )


def upcoming_events_query(*, locale_id: int | None = None) -> models.QuerySet:
    """Live events that have not ended yet, soonest first."""
    return _listed_events(locale_id=locale_id, end__gte=timezone.now()).order_by("start", "pk")


def upcoming_events(*, locale_id: int | None = None, limit: int | None = None) -> list[EventPage]:
    """Live events that have not ended yet, soonest first, in one query."""
    events = upcoming_events_query(locale_id=locale_id)
    if limit is not None:
        events = events[:limit]
    return list(events)


def past_events(*, locale_id: int | None = None) -> models.QuerySet:
    """Live events that have ended, most recent first (a queryset, for paging)."""
    return _listed_events(locale_id=locale_id, end__lt=timezone.now()).order_by("-start", "-pk")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    OFFERED = "offered", _("Offered a freed place")
    CANCELLED = "cancelled", _("Cancelled")
    OFFER_EXPIRED = "offer_expired", _("Offer expired")


# Statuses that hold places against the capacity.
HOLDING_STATUSES = (RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED)
ACTIVE_STATUSES = (RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED, RegistrationStatus.WAITING)


class RegistrationQuerySet(models.QuerySet):
    def for_event(self, event: EventPage):
        return self.filter(event=event)

    def holding_places(self):
        return self.filter(status__in=HOLDING_STATUSES)

    def waiting_in_order(self):
        return self.filter(status=RegistrationStatus.WAITING).order_by("created_at", "pk")

    def places_held(self, *, event: EventPage) -> int:
        return self.for_event(event).holding_places().aggregate(total=models.Sum("places"))["total"] or 0


class Registration(models.Model):
    """One person's booking for an event: confirmed, waiting, offered or cancelled.

    Name, e-mail, phone and accessibility needs are personal data: shown only
    to staff and to the person (through their private link), and wiped some
    days after the event (see services.purge_personal_data).
    """

    event = models.ForeignKey(
        EventPage, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    places = models.PositiveSmallIntegerField(_("places"), default=1)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    accessibility_needs = models.TextField(_("accessibility needs"), max_length=1000, blank=True)
    language = models.CharField(_("language"), max_length=12, default=settings.LANGUAGE_CODE)
    consented_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered"), default=timezone.now, db_index=True)
    # The private link's token is an HMAC of this with the SECRET_KEY (see
    # services.registration_token), so the database alone cannot forge one;
    # clearing it when personal data is deleted kills the link.
    link_secret = models.CharField(max_length=32, blank=True, editable=False)
    offer_expires_at = models.DateTimeField(_("offer expires"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True, editable=False)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("personal data deleted"), null=True, blank=True)
    added_by_staff = models.BooleanField(_("added by staff"), default=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "event",
                condition=models.Q(status__in=ACTIVE_STATUSES) & ~models.Q(email=""),
                name="events_one_active_registration_per_email",
            ),
            models.CheckConstraint(
                condition=models.Q(places__gte=1), name="events_registration_places_positive"
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"], name="events_reg_event_status")]

    def __str__(self) -> str:
        return f"{self.name or _('(deleted)')} – {self.event}"
