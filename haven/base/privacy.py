"""Keeping visitors' addresses out of everything Haven stores."""

import hashlib
import hmac
import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    if settings.SECURE_PROXY_SSL_HEADER and request.META.get("HTTP_X_FORWARDED_FOR"):
        return request.META["HTTP_X_FORWARDED_FOR"].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def pseudonymous_client_ip(request) -> str:
    """A stand-in for the visitor's IP address that cannot be turned back into it.

    Libraries that insist on an IP address (django-axes counts failed sign-ins
    per address) get an address in IPv6's documentation range (2001:db8::/32),
    made from a keyed hash of the real one: the same visitor maps to the same
    stand-in, and nobody without the secret key can tell who it was.
    """
    digest = hmac.new(settings.SECRET_KEY.encode(), client_ip(request).encode(), hashlib.sha256).digest()
    documentation_prefix = int(ipaddress.IPv6Address("2001:db8::"))
    return str(ipaddress.IPv6Address(documentation_prefix | int.from_bytes(digest[:12], "big")))
