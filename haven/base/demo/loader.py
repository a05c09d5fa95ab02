"""The demo site: the January Human Trafficking Awareness Month campaign.

Every function here creates what is missing and leaves alone what exists, so
loading twice changes nothing and never overwrites what staff have edited.
"""

import datetime as dt
import io
import json
import uuid
import zoneinfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from haven.base.localize import translate
from haven.base.models import HomePage, SiteSettings
from haven.campaigns.models import CampaignPage
from haven.comments.models import Comment
from haven.events.models import EventIndexPage, EventPage, Venue
from haven.hotlines.models import Hotline

from . import assets
from .content import (
    CAMPAIGN,
    COMMENTS,
    EVENTS,
    HOTLINES,
    INFOGRAPHICS,
    ORGANISATION,
    PAST_EVENTS,
    VENUE,
)
from .content_es import FLYERS, TRANSLATIONS

DEMO_IMAGE_TAG = "haven-demo"


def coming_january(today: dt.date) -> int:
    """The year of the next January 11th (Wear Blue Day) from today."""
    return today.year if today < dt.date(today.year, 1, 11) else today.year + 1


def _block(block_type: str, value) -> dict:
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


@transaction.atomic
def load_demo(*, today: dt.date | None = None) -> dict[str, int]:
    """Create the demo site. Returns how many objects of each kind were created."""
    today = today or dt.date.today()
    created: dict[str, int] = {}

    def count(kind: str, was_created: bool) -> None:
        created[kind] = created.get(kind, 0) + int(was_created)

    locale = Locale.get_default()
    home, was_created = _ensure_home_page(locale)
    count("pages", was_created)
    site = _ensure_site(home)
    count("settings", _ensure_settings(site))

    hotlines = {}
    for key, data in HOTLINES.items():
        hotline, was_created = Hotline.objects.get_or_create(
            name=data["name"], locale=locale, defaults={k: v for k, v in data.items() if k != "name"}
        )
        hotlines[key] = hotline
        count("hotlines", was_created)

    venue, was_created = Venue.objects.get_or_create(
        name=VENUE["name"], locale=locale, defaults={k: v for k, v in VENUE.items() if k != "name"}
    )
    count("venues", was_created)

    images = {}
    for key, data in INFOGRAPHICS.items():
        image, was_created = _ensure_image(title=data["title"], points=data["points"], key=key)
        images[key] = image
        count("images", was_created)

    events_index = home.get_children().type(EventIndexPage).first()
    if events_index is None:
        events_index = home.add_child(
            instance=EventIndexPage(
                title="Events",
                slug="events",
                show_in_menus=True,
                intro="<p>Community events to learn, remember and act together.</p>",
                locale=locale,
            )
        )
        count("pages", True)
    events_index = events_index.specific

    year = coming_january(today)
    for data in EVENTS:
        day = dt.date(year, 1, data["day"])
        was_created = _ensure_event(events_index, data, day=day, venue=venue, locale=locale)
        count("pages", was_created)
    for data in PAST_EVENTS:
        was_created = _ensure_event(events_index, data, day=data["date"], venue=venue, locale=locale)
        count("pages", was_created)

    campaign = home.get_children().type(CampaignPage).filter(slug=CAMPAIGN["slug"]).first()
    if campaign is None:
        campaign = CampaignPage(
            title=CAMPAIGN["title"],
            slug=CAMPAIGN["slug"],
            kicker=CAMPAIGN["kicker"],
            introduction=CAMPAIGN["introduction"],
            hashtag=CAMPAIGN["hashtag"],
            share_text=CAMPAIGN["share_text"],
            seo_title=CAMPAIGN["seo_title"],
            search_description=CAMPAIGN["search_description"],
            show_in_menus=True,
            locale=locale,
        )
        campaign.body = json.dumps(_campaign_body(hotlines=hotlines, images=images))
        home.add_child(instance=campaign)
        campaign.save_revision().publish()
        count("pages", True)
    else:
        campaign = campaign.specific

    if home.featured_campaign_id is None:
        home.featured_campaign = campaign
        home.save_revision().publish()

    for language_code, strings in TRANSLATIONS.items():
        if language_code not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
            continue
        target = Locale.objects.get_or_create(language_code=language_code)[0]
        # Infographics and flyers carry words: each language gets its own.
        image_overrides, flyer_overrides = {}, {}
        for key, data in INFOGRAPHICS.items():
            title = strings.get(data["title"], data["title"])
            points = [strings.get(point, point) for point in data["points"]]
            if not assets.can_draw(" ".join([title, *points])):
                continue  # no font for these letters: the image stays, the text alternative is translated
            image, was_created = _ensure_image(
                title=f"{title} ({language_code})",
                points=points,
                key=f"{key}-{language_code}",
                heading=title,
            )
            image_overrides[images[key].pk] = image.pk
            count("images", was_created)
        for data in EVENTS:
            flyer = FLYERS.get(language_code, {}).get(data["slug"])
            english = _ensure_flyer(
                title=data["flyer_title"], lines=data["flyer_lines"], filename=f"{data['slug']}-flyer.pdf"
            )
            if flyer is not None:
                translated_flyer = _ensure_flyer(
                    title=flyer["title"], lines=flyer["lines"], filename=f"{data['slug']}-{language_code}.pdf"
                )
                flyer_overrides[english.pk] = translated_flyer.pk
        # Snippets first (pages refer to them), then pages from the top down.
        for kind, instances in (
            ("hotlines", list(hotlines.values())),
            ("venues", [venue]),
            ("pages", [home, events_index, *_demo_events(events_index), campaign]),
        ):
            for instance in instances:
                overrides = {CampaignPage: image_overrides, EventPage: flyer_overrides}.get(type(instance))
                _translation, was_created = translate(
                    instance=instance, locale=target, strings=strings, overrides=overrides
                )
                count(kind, was_created)
    created["comments"] = _ensure_comments(campaign)
    return created


def _ensure_comments(campaign: CampaignPage) -> int:
    """The demo comments, once: a campaign that already has comments is left as staff keep it."""
    if Comment.objects.filter(page=campaign).exists():
        return 0
    created = 0
    for data in COMMENTS:
        comment = Comment.objects.create(
            page=campaign,
            author_name=data["author_name"],
            author_email=data["author_email"],
            text=data["text"],
            status=data["status"],
            language=campaign.locale.language_code,
        )
        created += 1
        if data["reply"]:
            Comment.objects.create(
                page=campaign,
                reply_to=comment,
                is_staff_reply=True,
                author_name=ORGANISATION["name"],
                text=data["reply"],
                status=Comment.Status.APPROVED,
                language=comment.language,
            )
            created += 1
    return created


def _demo_events(index: EventIndexPage) -> list[EventPage]:
    slugs = [data["slug"] for data in [*EVENTS, *PAST_EVENTS]]
    return list(EventPage.objects.child_of(index).filter(slug__in=slugs).order_by("start"))


def _ensure_home_page(locale: Locale) -> tuple[HomePage, bool]:
    existing = HomePage.objects.filter(locale=locale).first()
    if existing is not None:
        return existing, False
    root = Page.get_first_root_node()
    # Wagtail's installer leaves a placeholder "Welcome" page (and a site
    # pointing at it); the demo home page takes its place.
    root.get_children().filter(content_type__app_label="wagtailcore", content_type__model="page").delete()
    home = HomePage(
        title=ORGANISATION["home_title"],
        slug="home",
        introduction=ORGANISATION["home_introduction"],
        locale=locale,
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    return home, True


def _ensure_site(home: HomePage) -> Site:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=ORGANISATION["name"],
        )
    if site.root_page_id != home.pk and site.root_page.specific_class is not HomePage:
        site.root_page = home
        site.save()
    if not site.site_name:
        site.site_name = ORGANISATION["name"]
        site.save(update_fields=["site_name"])
    return site


def _ensure_settings(site: Site) -> bool:
    site_settings = SiteSettings.for_site(site)
    if site_settings.contact_email:
        return False
    site_settings.organisation_name = ORGANISATION["name"]
    site_settings.contact_email = ORGANISATION["contact_email"]
    site_settings.crisis_text = "In crisis?"
    site_settings.crisis_number = "988"
    site_settings.crisis_accepts_texts = True
    site_settings.crisis_last_verified = dt.date(2022, 7, 16)
    site_settings.save()
    return True


def _ensure_image(*, title: str, points: list[str], key: str, heading: str | None = None):
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing, False
    png = assets.infographic_png(title=heading or title, points=points)
    image = image_model(title=title, file=ImageFile(io.BytesIO(png), name=f"{key}.png"))
    image.save()
    image.tags.add(DEMO_IMAGE_TAG)
    return image, True


def _ensure_flyer(*, title: str, lines: list[str], filename: str):
    document_model = get_document_model()
    existing = document_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    document = document_model(title=title)
    document.file.save(filename, ContentFile(assets.flyer_pdf(title=title, lines=lines)), save=False)
    document.save()
    return document


def _ensure_event(index: EventIndexPage, data: dict, *, day: dt.date, venue: Venue, locale: Locale) -> bool:
    if index.get_children().filter(slug=data["slug"]).exists():
        return False
    zone = zoneinfo.ZoneInfo(data["time_zone"])
    start = dt.datetime.combine(day, data["start"], tzinfo=zone)
    end = dt.datetime.combine(day, data["end"], tzinfo=zone)
    flyer = _ensure_flyer(
        title=data["flyer_title"], lines=data["flyer_lines"], filename=f"{data['slug']}-flyer.pdf"
    )
    event = EventPage(
        title=data["title"],
        slug=data["slug"],
        start=start,
        end=end,
        time_zone=data["time_zone"],
        summary=data["summary"],
        description=data["description"],
        venue=venue if data["in_person"] else None,
        is_online=not data["in_person"],
        flyer=flyer,
        hashtag=data["hashtag"],
        registration_note=data["registration_note"],
        organiser=ORGANISATION["name"],
        locale=locale,
        **data.get("registration", {}),
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    return True


def _campaign_body(*, hotlines: dict[str, Hotline], images: dict) -> list[dict]:
    body = []
    for section in CAMPAIGN["body"]:
        kind = section["type"]
        value = dict(section["value"]) if isinstance(section["value"], dict) else section["value"]
        if kind == "infographic":
            value["image"] = images[value.pop("image_key")].pk
        elif kind == "hotline":
            value["hotline"] = hotlines[value.pop("hotline_key")].pk
        elif kind == "cards":
            value["cards"] = [
                {"type": "item", "value": card, "id": str(uuid.uuid4())} for card in value["cards"]
            ]
        body.append(_block(kind, value))
    return body
