import datetime as dt

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from haven.events.blocks import EventListBlock
from haven.events.models import EventIndexPage, EventPage, Registration, RegistrationStatus, Venue


class VenueFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Community Hall {n}")
    street_address = "10810 Justice Center Drive"
    locality = "Roseville"
    region = "CA"
    postal_code = "95678"
    country = "US"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Venue


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"
    show_in_menus = True

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Community event {n}")
    slug = factory.Sequence(lambda n: f"community-event-{n}")
    start = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=10))
    end = factory.LazyAttribute(lambda event: event.start + dt.timedelta(hours=1))
    time_zone = "America/Los_Angeles"
    summary = "Join us to learn the warning signs."
    venue = factory.SubFactory(VenueFactory)
    is_online = False
    hashtag = "RedSandProject"

    class Meta:
        model = EventPage


class RegistrationFactory(DjangoModelFactory):
    """A registration written straight to the database (tests of the rules use services.register)."""

    event = factory.SubFactory(EventPageFactory)
    status = RegistrationStatus.CONFIRMED
    places = 1
    name = factory.Sequence(lambda n: f"Participant {n}")
    email = factory.Sequence(lambda n: f"participant{n}@example.org")
    language = "en"
    consented_at = factory.LazyFunction(timezone.now)
    link_secret = factory.Sequence(lambda n: f"secret{n:026d}")

    class Meta:
        model = Registration


class EventListBlockFactory(wagtail_factories.StructBlockFactory):
    heading = "Upcoming community events"
    limit = 5

    class Meta:
        model = EventListBlock
