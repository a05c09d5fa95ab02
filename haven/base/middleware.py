from csp.middleware import CSPMiddleware
from django.conf import settings
from django.utils.cache import patch_cache_control

PRIVATE_PREFIXES = ("/admin/", "/django-admin/")
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
    "display-capture=(), browsing-topics=()"
)


class PublicCacheMiddleware:
    """Mark what an anonymous reader gets as shareable by any proxy or CDN.

    It runs after the session middleware has answered, so it sees whether the
    response sets a cookie; anything personal (a cookie sent or set, the
    admin, an unsafe method) is left alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.cookies
            and not response.has_header("Cache-Control")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(PRIVATE_PREFIXES)
        ):
            patch_cache_control(response, public=True, max_age=settings.HAVEN_PUBLIC_CACHE_SECONDS)
        return response


class SecurityHeadersMiddleware:
    """Headers Django does not send itself, and the admin's own exceptions.

    Public pages send `Referrer-Policy: no-referrer`; under that policy a
    browser posts forms with `Origin: null`, which Django's CSRF check rightly
    refuses, so the admin uses `same-origin` (the address still never leaves
    the site). The admin also shows previews of pages in a frame of its own.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.headers.get("Content-Encoding") == "None":
            # Wagtail's document download sends the literal text "None".
            del response.headers["Content-Encoding"]
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if request.path.startswith(PRIVATE_PREFIXES):
            response.headers["Referrer-Policy"] = "same-origin"
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        return response


class HavenCSPMiddleware(CSPMiddleware):
    """The strict policy everywhere; the admin's own, looser one under /admin/ only."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path.startswith(PRIVATE_PREFIXES):
            parts.config = settings.HAVEN_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
