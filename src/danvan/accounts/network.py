"""Who is on the other end: the client's address, behind the reverse proxies the deployment
trusts (DANVAN_TRUSTED_PROXIES) and no others, so that a client cannot pick its own address."""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(trusted: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(item, strict=False) for item in trusted)


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.DANVAN_TRUSTED_PROXIES)))


def client_address(request) -> str:
    """The peer's address; when the peer is a trusted proxy, the nearest address in
    X-Forwarded-For that is not itself a trusted proxy (read from the right, where each proxy
    appends what it saw; whatever the client wrote on the left is never believed over that)."""
    address = request.META.get("REMOTE_ADDR", "") or ""
    if not _trusted(address):
        return address
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed([part.strip() for part in forwarded.split(",") if part.strip()]):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            break  # a malformed entry: nothing to its left can be trusted either
        address = hop
        if not _trusted(hop):
            break
    return address
