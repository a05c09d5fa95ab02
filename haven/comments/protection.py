"""Defences that work without a cookie, a session or another company's service.

- The form carries a signed token saying when it was served (the time trap).
- Visitors are counted per client under a keyed hash of their address, never the address.
"""

import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from haven.base.privacy import client_ip

TOKEN_SALT = "haven.comments.form-token"  # noqa: S105  (a signing namespace, not a secret)
# Every reader within this many seconds gets the same token, so the page's
# bytes are the same for everyone (and a cache may keep it); a token is at
# most this much older than the page view, which only makes the trap kinder.
TOKEN_SHARED_SECONDS = 5
TOKEN_CACHE_KEY = "haven:comments:form-token"  # noqa: S105


def issue_form_token(*, issued_at: float | None = None) -> str:
    return signing.dumps(int(issued_at if issued_at is not None else time.time()), salt=TOKEN_SALT)


def current_form_token() -> str:
    """The token to put in forms served now (shared for a few seconds)."""
    token = cache.get(TOKEN_CACHE_KEY)
    if token is None:
        token = issue_form_token()
        cache.set(TOKEN_CACHE_KEY, token, TOKEN_SHARED_SECONDS)
    return token


def form_token_age(token: str, *, now: float | None = None) -> float | None:
    """Seconds since the form was served, or None when the token is missing or forged."""
    try:
        issued_at = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(issued_at, int):
        return None
    return (now if now is not None else time.time()) - issued_at


def client_key(request) -> str:
    """A stand-in for the visitor's address: the same visitor gives the same key, and it cannot be reversed."""
    return salted_hmac("haven.comments.client", client_ip(request), algorithm="sha256").hexdigest()


def take_rate_limit_slot(key: str, *, now: float | None = None) -> bool:
    """Count one comment for this client; False when it has sent its share for now."""
    window = settings.HAVEN_COMMENT_RATE_WINDOW_MINUTES * 60
    bucket = int((now if now is not None else time.time()) // window)
    cache_key = f"haven:comments:rate:{key}:{bucket}"
    cache.add(cache_key, 0, window + 60)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, window + 60)
        count = 1
    return count <= settings.HAVEN_COMMENT_RATE_LIMIT
