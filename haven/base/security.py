"""Server-side checks that replace what a cookie would otherwise do."""

import re
from functools import wraps

from django.http import HttpResponseForbidden
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

_EXTERNAL_LINK = re.compile(r'<a href="(https?://[^"]*)"(?![^>]*\brel=)')


def add_noreferrer(html: str) -> SafeString:
    """Mark every link to another site in editor-written HTML rel="noreferrer"."""
    return mark_safe(_EXTERNAL_LINK.sub(r'<a href="\1" rel="noreferrer"', str(html)))  # noqa: S308


def is_same_origin_request(request) -> bool:
    """Whether an unsafe request (a form post) comes from one of this site's own pages.

    Public forms must work without a cookie, so Django's CSRF token cannot be
    used. Browsers say where a request comes from in `Sec-Fetch-Site`; older
    ones only in `Origin`. Pages send `Referrer-Policy: no-referrer`, under
    which a form post carries `Origin: null`, so `null` proves nothing and is
    refused when `Sec-Fetch-Site` is missing too.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        return origin == f"{request.scheme}://{request.get_host()}"
    return False


def same_origin_post(view):
    """Refuse form posts made from another site (cross-site request forgery)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD", "OPTIONS") and not is_same_origin_request(request):
            return HttpResponseForbidden(
                _(
                    "This form can only be sent from this website. Go back to the page, reload it and try again."
                )
            )
        return view(request, *args, **kwargs)

    return wrapped
