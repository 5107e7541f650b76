"""Where webhooks may go: public HTTPS hosts only, checked at registration and again before
each delivery, with the name resolved once so that the address we checked is the one we connect to."""

from __future__ import annotations

import ipaddress
import re
import socket
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

from werkpost.core.errors import CodedError
from werkpost.portal import messages as m

type IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

MAX_URL_LENGTH = 500
LOOPBACK = ipaddress.IPv4Address("127.0.0.1")
LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".home.arpa")
GLOBAL_UNICAST = ipaddress.IPv6Network("2000::/3")
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # well-known prefix, IPv4 in the last 32 bits
TEREDO = ipaddress.IPv6Network("2001::/32")
# Not global although Python's `is_global` (3.12.1) says so.
NOT_GLOBAL = (
    ipaddress.IPv4Network("192.88.99.0/24"),  # deprecated 6to4 relay anycast
    ipaddress.IPv6Network("3fff::/20"),  # documentation (RFC 9637)
)
_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?")
_NUMERIC_LABEL = re.compile(r"[0-9]+|0x[0-9a-f]*")


def loopback_http_allowed() -> bool:
    """Tests (and local development) may deliver to http://127.0.0.1; production never."""
    return bool(settings.WERKPOST_WEBHOOK_ALLOW_LOOPBACK_HTTP)


def address_is_public(address: IPAddress) -> bool:
    """A global unicast address; IPv6 forms that carry an IPv4 address count as that address."""
    if isinstance(address, ipaddress.IPv4Address):
        return (
            address.is_global
            and not (address.is_multicast or address.is_reserved or address.is_private)
            and not any(address in net for net in NOT_GLOBAL)
        )
    if address.scope_id:
        return False  # a zone only means something on a link of ours
    if address in NAT64:
        return address_is_public(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    # Outside 2000::/3 lie loopback, unspecified, IPv4-mapped and -compatible, the local-use
    # NAT64 prefix 64:ff9b:1::/48, discard, unique-local, link-local, site-local and multicast.
    if address not in GLOBAL_UNICAST or address in TEREDO or any(address in net for net in NOT_GLOBAL):
        return False
    if address.sixtofour is not None and not address_is_public(address.sixtofour):
        return False
    return address.is_global and not address.is_private


@dataclass(frozen=True)
class WebhookTarget:
    """A checked webhook URL, split into what the connection needs."""

    scheme: str
    host: str  # the ASCII host name, or an IP address without brackets
    port: int
    request_target: str  # path and query
    address: IPAddress | None  # when the host is an IP address


def webhook_target(url: str, *, loopback_http: bool) -> WebhookTarget:
    """Check a webhook URL without resolving it; raises CodedError. `loopback_http` allows
    http://127.0.0.1 (the test switch)."""
    if len(url) > MAX_URL_LENGTH:
        raise CodedError(m.WEBHOOK_URL_INVALID, reason=f"longer than {MAX_URL_LENGTH} characters")
    # urlsplit silently drops tabs and line breaks ("exa\tmple.com" becomes "example.com"):
    # refuse them, and every other invisible character, before splitting.
    if any(char.isspace() or unicodedata.category(char).startswith("C") for char in url):
        raise CodedError(m.WEBHOOK_URL_CHARACTERS)
    try:
        parts = urlsplit(url)
        port = parts.port  # raises on a bad port
    except ValueError:
        raise CodedError(m.WEBHOOK_URL_INVALID, reason="not a URL") from None
    host = parts.hostname or ""
    if "@" in parts.netloc:
        raise CodedError(m.WEBHOOK_URL_INVALID, reason="no user name or password in the URL")
    if parts.fragment:
        raise CodedError(m.WEBHOOK_URL_INVALID, reason="no #fragment")
    request_target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    if parts.scheme == "http" and host == str(LOOPBACK) and loopback_http:
        return WebhookTarget("http", host, 80 if port is None else port, request_target, LOOPBACK)
    if parts.scheme != "https" or not host:
        raise CodedError(m.WEBHOOK_URL_INVALID, reason="https:// is required")
    port = 443 if port is None else port
    if "[" in parts.netloc:
        try:
            address: IPAddress = ipaddress.IPv6Address(host)
        except ValueError:
            raise CodedError(m.WEBHOOK_HOST_INVALID, host=host) from None
        if not address_is_public(address):
            raise CodedError(m.WEBHOOK_ADDRESS_NOT_PUBLIC)
        return WebhookTarget("https", host, port, request_target, address)
    name = _ascii_host(host)
    try:
        address = ipaddress.IPv4Address(name)  # four decimal numbers, no leading zeros
    except ValueError:
        pass
    else:
        if not address_is_public(address):
            raise CodedError(m.WEBHOOK_ADDRESS_NOT_PUBLIC)
        return WebhookTarget("https", name, port, request_target, address)
    _check_host_name(name)
    return WebhookTarget("https", name, port, request_target, None)


def _ascii_host(host: str) -> str:
    """The host as the DNS and TLS see it (IDNA), so that what we check is what we use:
    full-width digits and dots, for one, become an ordinary dotted quad."""
    try:
        return host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise CodedError(m.WEBHOOK_HOST_INVALID, host=host) from None


def _check_host_name(name: str) -> None:
    # A numeric last label makes resolvers read the name as an IPv4 address in one of the
    # forms inet_aton accepts: 127.1, 0x7f.0.0.1, 0177.0.0.1, 2130706433. No TLD is numeric.
    bare = name.removesuffix(".")
    if _NUMERIC_LABEL.fullmatch(bare.rsplit(".", 1)[-1]):
        raise CodedError(m.WEBHOOK_HOST_NUMERIC)
    if bare == "localhost" or bare.endswith(LOCAL_SUFFIXES) or "." not in bare:
        raise CodedError(m.WEBHOOK_HOST_LOCAL, host=bare)
    if name.endswith(".") or len(name) > 253 or not all(_LABEL.fullmatch(label) for label in name.split(".")):
        raise CodedError(m.WEBHOOK_HOST_INVALID, host=name)


def webhook_target_addresses(target: WebhookTarget) -> list[str]:
    """The addresses to connect to, each one checked. The name is resolved here, once per
    connection: connecting to a fresh resolution would let a DNS answer that changes between
    the two (rebinding) reach an internal address. Raises CodedError when any address is not
    public, OSError when the name does not resolve."""
    if target.address is not None:
        return [str(target.address)]
    addresses: list[str] = []
    for *_, sockaddr in socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM):
        address = ipaddress.ip_address(sockaddr[0])
        if not address_is_public(address):
            # The address itself stays out of the message: it would tell the partner about
            # the PES's internal DNS.
            raise CodedError(m.WEBHOOK_HOST_NOT_PUBLIC, host=target.host)
        if str(address) not in addresses:
            addresses.append(str(address))
    if not addresses:
        raise OSError("no address")
    return addresses
