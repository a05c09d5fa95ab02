from django.conf import settings
from django.utils.cache import patch_cache_control

PRIVATE_PREFIXES = ("/admin/", "/django-admin/")


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


class AdminReferrerPolicyMiddleware:
    """Let the admin's own forms say where they come from.

    Public pages send `Referrer-Policy: no-referrer`. Under that policy a
    browser posts forms with `Origin: null`, which Django's CSRF check rightly
    refuses, so staff could not sign in. Admin pages use `same-origin`: the
    origin still never leaves the site.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(PRIVATE_PREFIXES):
            response.headers["Referrer-Policy"] = "same-origin"
        return response
