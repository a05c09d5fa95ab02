"""Keep an event's facts identical in every language.

Times, place, capacity and the rest are decided once, on the event's first
page (its registration anchor). Publishing that page copies them to every
translation; publishing a translation takes them from the anchor again, so
a translation published from an older draft can never put old facts back.
"""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from .models import SYNCHRONISED_FIELDS, EventPage


def _facts(event: EventPage) -> dict:
    return {
        EventPage._meta.get_field(name).attname: getattr(event, EventPage._meta.get_field(name).attname)
        for name in SYNCHRONISED_FIELDS
    }


@receiver(page_published, sender=EventPage)
def synchronise_event_facts(sender, instance: EventPage, **kwargs) -> None:
    anchor = EventPage.objects.get(pk=instance.registration_anchor.pk)
    with transaction.atomic():
        EventPage.objects.filter(translation_key=anchor.translation_key).exclude(pk=anchor.pk).update(
            **_facts(anchor)
        )
