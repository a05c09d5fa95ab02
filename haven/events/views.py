"""Thin views: read the form, call one service, turn its refusals into messages."""

import json

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from haven.base.models import SiteSettings
from haven.base.security import same_origin_post

from . import calendar, services
from .emails import event_in_language, local_text
from .forms import RegistrationForm, registrant_details
from .models import EventIndexPage, EventPage, RegistrationStatus, past_events, upcoming_events_query
from .structured_data import event_json_ld

EVENTS_PER_PAGE = 20


def _absolute(request, url: str) -> str:
    return request.build_absolute_uri(url)


def _json_ld_script(data: dict):
    payload = json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308


def event_page(request, event: EventPage, *, form: RegistrationForm | None = None, status: int = 200):
    anchor = event.registration_anchor
    state = services.registration_state(event=anchor)
    if form is None and state in ("open", "waiting_list"):
        form = RegistrationForm(event=anchor)
    site_settings = SiteSettings.for_request(request)
    image_url = ""
    if event.image_id:
        image_url = _absolute(request, event.image.get_rendition("fill-1200x675").url)
    json_ld = event_json_ld(
        event,
        page_url=_absolute(request, event.url),
        organiser_name=site_settings.organisation_name,
        image_url=image_url,
    )
    response = event.render(
        request,
        context_overrides={
            "registration_state": state,
            "closed_message": services.CLOSED_MESSAGES.get(state, ""),
            "seats_left": anchor.seats_left() if anchor.capacity is not None else None,
            "form": form,
            "json_ld": _json_ld_script(json_ld),
        },
    )
    response.status_code = status
    return response


# The public site sets no cookie, so Django's CSRF token (a cookie) cannot
# protect its forms; same_origin_post refuses cross-site posts instead.
@csrf_exempt
@same_origin_post
@require_http_methods(["GET", "HEAD", "POST"])
def register(request, page_id: int):
    event = get_object_or_404(EventPage.objects.live().specific(), pk=page_id)
    if event.get_view_restrictions().exists():
        raise Http404
    if request.method != "POST":
        return HttpResponseRedirect(event.url)
    anchor = event.registration_anchor
    form = RegistrationForm(request.POST, event=anchor)
    if not form.is_valid():
        return event_page(request, event, form=form, status=400)
    try:
        outcome = services.register(
            event=anchor,
            **registrant_details(form),
            language=get_language(),
        )
    except services.RegistrationError as refusal:
        form.add_error(refusal.field if refusal.field in form.fields else None, str(refusal.message))
        status = 409 if isinstance(refusal, services.AlreadyRegistered | services.EventFull) else 400
        return event_page(request, event, form=form, status=status)
    registration = outcome.registration
    url = reverse(
        "events:registration",
        kwargs={"registration_id": registration.pk, "token": services.registration_token(registration)},
    )
    return HttpResponseRedirect(f"{url}?new=1", status=303)


def _private(response):
    """A person's own page: never stored by a browser cache or proxy, never indexed."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@csrf_exempt
@same_origin_post
@require_http_methods(["GET", "HEAD", "POST"])
def registration_page(request, registration_id: int, token: str):
    registration = services.find_registration(registration_id=registration_id, token=token)
    if registration is None:
        raise Http404(_("This link does not work. It may be mistyped, or the registration was deleted."))
    event = event_in_language(registration.event, get_language())
    error = ""
    done = ""
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "cancel":
                services.cancel(registration=registration)
                done = _("Your registration is cancelled. Thank you for letting us know.")
            elif action == "accept":
                services.accept_offer(registration=registration)
                done = _("The place is yours: your registration is confirmed.")
            else:
                error = _("Choose what to do with your registration.")
        except services.RegistrationError as refusal:
            error = str(refusal.message)
        registration.refresh_from_db()
    holds_place = registration.status == RegistrationStatus.CONFIRMED
    response = TemplateResponse(
        request,
        "events/registration.html",
        {
            "page": event,
            "event": event,
            "registration": registration,
            "token": token,
            "just_registered": request.GET.get("new") == "1" and request.method != "POST",
            "online_link": event.online_link if holds_place and event.is_online_now else "",
            "error": error,
            "done": done,
            "can_cancel": registration.status in services.ACTIVE_STATUSES and not event.has_ended,
            "offer_expires": local_text(registration.offer_expires_at, event),
        },
        status=400 if error else 200,
    )
    return _private(response)


@require_safe
def registration_calendar(request, registration_id: int, token: str):
    registration = services.find_registration(registration_id=registration_id, token=token)
    if registration is None:
        raise Http404
    event = event_in_language(registration.event, get_language())
    holds_place = registration.status == RegistrationStatus.CONFIRMED
    online_link = event.online_link if holds_place and event.is_online_now else ""
    body = calendar.build_calendar([(event, _absolute(request, event.url))], private_link=online_link)
    return _private(_ics_response(body, filename=f"{event.slug}.ics"))


def _ics_response(body: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=calendar.ICS_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_calendar(request, event: EventPage):
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405)
    body = calendar.build_calendar([(event, _absolute(request, event.url))])
    return _ics_response(body, filename=f"{event.slug}.ics")


def calendar_feed(request, index: EventIndexPage):
    """Every upcoming event in this language, for calendar apps to subscribe to."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405)
    events = (
        EventPage.objects.live()
        .filter(locale_id=index.locale_id, end__gte=timezone.now())
        .select_related("venue")
        .order_by("start", "pk")
    )
    site_settings = SiteSettings.for_request(request)
    body = calendar.build_calendar(
        [(event, _absolute(request, event.url)) for event in events],
        name=f"{site_settings.organisation_name}: {index.title}",
    )
    response = HttpResponse(body, content_type=calendar.ICS_CONTENT_TYPE)
    response["Content-Disposition"] = 'inline; filename="events.ics"'
    return response


def event_list(request, index: EventIndexPage, *, archive: bool):
    events = (
        past_events(locale_id=index.locale_id)
        if archive
        else upcoming_events_query(locale_id=index.locale_id)
    )
    paginator = Paginator(events, EVENTS_PER_PAGE)
    page_of_events = paginator.get_page(request.GET.get("page"))
    return index.render(
        request,
        context_overrides={"events": page_of_events, "paginator": paginator, "archive": archive},
    )
