"""Staff screens for one event's registrations: counts, list, check-in, CSV, messages."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .forms import MessageRegistrantsForm, StaffRegistrationForm, registrant_details
from .models import EventPage, Registration, RegistrationStatus


def _event_for(request, page_id: int) -> EventPage:
    event = get_object_or_404(EventPage, pk=page_id)
    if not event.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return event.registration_anchor


def _back(event: EventPage):
    return redirect("events_admin:registrations", page_id=event.pk)


def registrations(request, page_id: int):
    event = _event_for(request, page_id)
    rows = list(Registration.objects.for_event(event).order_by("status", "created_at", "pk"))
    waiting = [row for row in rows if row.status == RegistrationStatus.WAITING]
    position = {row.pk: number for number, row in enumerate(waiting, start=1)}
    for row in rows:
        row.queue_position = position.get(row.pk)
    groups = [
        (_("Confirmed"), [row for row in rows if row.status == RegistrationStatus.CONFIRMED]),
        (_("Offered a freed place"), [row for row in rows if row.status == RegistrationStatus.OFFERED]),
        (_("Waiting list, in order"), waiting),
        (
            _("Cancelled"),
            [
                row
                for row in rows
                if row.status in (RegistrationStatus.CANCELLED, RegistrationStatus.OFFER_EXPIRED)
            ],
        ),
    ]
    return TemplateResponse(
        request,
        "events/admin/registrations.html",
        {
            "event": event,
            "page_title": _("Registrations: %(title)s") % {"title": event.title},
            "header_icon": "date",
            "counts": services.counts(event=event),
            "groups": groups,
            "purge_on": services.personal_data_deleted_on(event),
            "retention_days": services.retention_days(),
            "add_form": StaffRegistrationForm(initial={"places": 1, "language": request.LANGUAGE_CODE[:2]}),
            "message_form": MessageRegistrantsForm(),
        },
    )


@require_POST
def add_registration(request, page_id: int):
    event = _event_for(request, page_id)
    form = StaffRegistrationForm(request.POST)
    if form.is_valid():
        try:
            outcome = services.register(
                event=event,
                **registrant_details(form),
                language=form.cleaned_data["language"],
                by_staff=True,
            )
        except services.RegistrationError as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(
                request,
                _("%(name)s added: %(status)s.")
                % {"name": outcome.registration.name, "status": outcome.registration.get_status_display()},
            )
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
    return _back(event)


ACTIONS = {
    "cancel": lambda registration: services.cancel(registration=registration, by_staff=True),
    "promote": lambda registration: services.promote(registration=registration),
    "check_in": lambda registration: services.check_in(registration=registration),
    "undo_check_in": lambda registration: services.check_in(registration=registration, undo=True),
}
DONE_MESSAGES = {
    "cancel": _("Registration cancelled; freed places went to the waiting list."),
    "promote": _("Promoted to a confirmed place and told by e-mail."),
    "check_in": _("Checked in."),
    "undo_check_in": _("Check-in undone."),
}


@require_POST
def registration_action(request, page_id: int, registration_id: int, action: str):
    event = _event_for(request, page_id)
    registration = get_object_or_404(Registration, pk=registration_id, event=event)
    if action not in ACTIONS:
        raise PermissionDenied
    try:
        ACTIONS[action](registration)
    except services.RegistrationError as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, DONE_MESSAGES[action])
    return redirect(
        reverse("events_admin:registrations", kwargs={"page_id": event.pk})
        + f"#registration-{registration.pk}"
    )


def export_csv(request, page_id: int):
    event = _event_for(request, page_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-registrations.csv"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")  # so spreadsheet programs read the accents correctly
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Status"),
            _("Places"),
            _("Name"),
            _("E-mail"),
            _("Phone"),
            _("Accessibility needs"),
            _("Language"),
            _("Registered"),
            _("Checked in"),
        ]
    )
    for row in Registration.objects.for_event(event).order_by("status", "created_at", "pk"):
        writer.writerow(
            [
                row.get_status_display(),
                row.places,
                _spreadsheet_safe(row.name),
                _spreadsheet_safe(row.email),
                _spreadsheet_safe(row.phone),
                _spreadsheet_safe(row.accessibility_needs),
                row.language,
                timezone.localtime(row.created_at, event.zone).strftime("%Y-%m-%d %H:%M"),
                timezone.localtime(row.checked_in_at, event.zone).strftime("%Y-%m-%d %H:%M")
                if row.checked_in_at
                else "",
            ]
        )
    return response


def _spreadsheet_safe(value: str) -> str:
    """Stop a typed '=…' from running as a formula when staff open the file."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@require_POST
def message_registrants(request, page_id: int):
    event = _event_for(request, page_id)
    form = MessageRegistrantsForm(request.POST)
    if form.is_valid():
        sent = services.email_registrants(
            event=event,
            subject=form.cleaned_data["subject"],
            message=form.cleaned_data["message"],
            include_waiting=form.cleaned_data["include_waiting"],
        )
        messages.success(request, _("Message queued for %(count)d people.") % {"count": sent})
    else:
        messages.error(request, _("Write a subject and a message."))
    return _back(event)
