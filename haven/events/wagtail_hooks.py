from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import EventPage, Venue, registration_anchors, upcoming_events_query


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "street_address", "locality"]
    search_fields = ["name"]


register_snippet(VenueViewSet)

admin_urls = (
    [
        path("<int:page_id>/", admin_views.registrations, name="registrations"),
        path("<int:page_id>/add/", admin_views.add_registration, name="add"),
        path("<int:page_id>/export.csv", admin_views.export_csv, name="export"),
        path("<int:page_id>/message/", admin_views.message_registrants, name="message"),
        path(
            "<int:page_id>/<int:registration_id>/<slug:action>/",
            admin_views.registration_action,
            name="action",
        ),
    ],
    "events_admin",
)


@hooks.register("register_admin_urls")
def registration_admin_urls():
    return [path("registrations/", include(admin_urls))]


class RegistrationsButton(Button):
    allow_in_dropdown = True


def _registrations_button(page, user, priority):
    if page.specific_class is EventPage and page.permissions_for_user(user).can_edit():
        yield RegistrationsButton(
            _("Registrations"),
            reverse("events_admin:registrations", kwargs={"page_id": page.pk}),
            icon_name="group",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def registrations_header_button(page, user, view_name, next_url=None):
    yield from _registrations_button(page, user, priority=12)


@hooks.register("register_page_listing_more_buttons")
def registrations_listing_button(page, user, next_url=None):
    yield from _registrations_button(page, user, priority=3)


class UpcomingRegistrationsPanel(Component):
    """The dashboard's view of registrations: every upcoming event that takes them."""

    name = "upcoming_registrations"
    order = 50
    template_name = "events/admin/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        events = list(
            upcoming_events_query()
            .filter(registration_enabled=True, pk__in=registration_anchors())
            .order_by("start", "pk")[:10]
        )
        return {"events": events}


@hooks.register("construct_homepage_panels")
def add_registrations_panel(request, panels):
    panels.append(UpcomingRegistrationsPanel(request.user))
