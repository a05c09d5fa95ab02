from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .models import upcoming_events


class EventListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default=_("Upcoming community events"))
    limit = blocks.IntegerBlock(label=_("How many events"), min_value=1, max_value=20, default=5)

    class Meta:
        icon = "date"
        label = _("Upcoming events")
        template = "blocks/event_list_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        parent_context = parent_context or {}
        page = parent_context.get("page")
        request = parent_context.get("request")
        locale_id = getattr(page, "locale_id", None)
        limit = value["limit"]
        # Several lists on one page share one query per request.
        memo = getattr(request, "_haven_upcoming_events", None) if request is not None else None
        if memo is None:
            memo = {}
            if request is not None:
                request._haven_upcoming_events = memo
        key = (locale_id, limit)
        if key not in memo:
            memo[key] = upcoming_events(locale_id=locale_id, limit=limit)
        context["events"] = memo[key]
        return context
