"""The webhook address policy: which URLs, host names and addresses a webhook may go to, and
that a name is resolved once, with every address checked. No test here opens a connection."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from werkpost.core.errors import CodedError
from werkpost.portal.webhook_addresses import (
    IPAddress,
    WebhookTarget,
    address_is_public,
    webhook_target,
    webhook_target_addresses,
)

PUBLIC_V4 = "93.184.215.14"
PUBLIC_V6 = "2606:2800:21f:cb07:6820:80da:af6b:8b2c"
REAL_GETADDRINFO = socket.getaddrinfo
PROPERTY_SETTINGS = settings(max_examples=300, deadline=None, database=None)

# The forms a probe registered, and more of the same kind, with the code that refuses each.
REFUSED_URLS = [
    ("https://127.1/", "portal.webhook.host_numeric_form"),
    ("https://0x7f.0.0.1/", "portal.webhook.host_numeric_form"),
    ("https://0177.0.0.1/", "portal.webhook.host_numeric_form"),
    ("https://2130706433/", "portal.webhook.host_numeric_form"),
    ("https://8.8.8.8./", "portal.webhook.host_numeric_form"),
    ("https://\uff11\uff12\uff17.\uff10.\uff10.\uff11/", "portal.webhook.address_not_public"),  # full-width 127.0.0.1
    ("https://localhost./", "portal.webhook.host_local"),
    ("https://localhost/", "portal.webhook.host_local"),
    ("https://api.localhost/", "portal.webhook.host_local"),
    ("https://printer.local/", "portal.webhook.host_local"),
    ("https://intranet/", "portal.webhook.host_local"),
    ("https://example.com./", "portal.webhook.host_invalid"),
    ("https://-bad-.example.com/", "portal.webhook.host_invalid"),
    ("https://[v1.fe]/", "portal.webhook.host_invalid"),
    ("https://exa\tmple.com/", "portal.webhook.url_characters"),
    ("https://example.com/a b", "portal.webhook.url_characters"),
    ("https://example.com/\u200b", "portal.webhook.url_characters"),
    ("https://user@example.com/", "portal.webhook.invalid_url"),
    ("https://@example.com/", "portal.webhook.invalid_url"),
    ("https://example.com\\@127.0.0.1/", "portal.webhook.invalid_url"),
    ("http://example.com/", "portal.webhook.invalid_url"),
    ("https://[64:ff9b::7f00:1]:8443/", "portal.webhook.address_not_public"),  # NAT64 of 127.0.0.1
    ("https://[64:ff9b:1::808:808]/", "portal.webhook.address_not_public"),  # local-use NAT64
    ("https://[2002:7f00:1::]/", "portal.webhook.address_not_public"),  # 6to4 of 127.0.0.1
    ("https://[::ffff:127.0.0.1]/", "portal.webhook.address_not_public"),
    ("https://[::ffff:8.8.8.8]/", "portal.webhook.address_not_public"),  # mapped: never needed
    ("https://[::8.8.8.8]/", "portal.webhook.address_not_public"),  # IPv4-compatible
    ("https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "portal.webhook.address_not_public"),  # Teredo
    ("https://[fe80::1]/", "portal.webhook.address_not_public"),
    ("https://[fe80::1%25eth0]/", "portal.webhook.address_not_public"),
    ("https://[fd00::1]/", "portal.webhook.address_not_public"),
    ("https://[fec0::1]/", "portal.webhook.address_not_public"),  # site-local
    ("https://[ff0e::1]/", "portal.webhook.address_not_public"),
    ("https://[2001:db8::1]/", "portal.webhook.address_not_public"),
    ("https://[3fff::1]/", "portal.webhook.address_not_public"),
    ("https://[::]/", "portal.webhook.address_not_public"),
    ("https://[::1]/", "portal.webhook.address_not_public"),
    ("https://10.0.0.1/", "portal.webhook.address_not_public"),
    ("https://169.254.169.254/", "portal.webhook.address_not_public"),
    ("https://100.64.0.1/", "portal.webhook.address_not_public"),
    ("https://0.0.0.0/", "portal.webhook.address_not_public"),
    ("https://224.0.0.1/", "portal.webhook.address_not_public"),
    ("https://192.0.2.1/", "portal.webhook.address_not_public"),
    ("https://240.0.0.1/", "portal.webhook.address_not_public"),
]


@pytest.mark.parametrize(("url", "code"), REFUSED_URLS)
def test_refused_urls_have_their_code(url: str, code: str, dns: FakeDns) -> None:
    with pytest.raises(CodedError) as info:
        webhook_target(url, loopback_http=True)
    assert info.value.code == code
    assert dns.calls == []  # refused before any resolution


@pytest.mark.parametrize(
    ("url", "host", "port", "request_target"),
    [
        ("https://hooks.example.com/werkpost?x=1", "hooks.example.com", 443, "/werkpost?x=1"),
        ("https://Hooks.Example.COM:8443", "hooks.example.com", 8443, "/"),
        ("https://b\u00fccher.example/h", "xn--bcher-kva.example", 443, "/h"),
        ("https://8.8.8.8/h", "8.8.8.8", 443, "/h"),
        ("https://[2001:4860:4860::8888]:8443/h", "2001:4860:4860::8888", 8443, "/h"),
        ("https://[64:ff9b::808:808]/h", "64:ff9b::808:808", 443, "/h"),  # NAT64 of a public address
        ("https://[2002:808:808::1]/h", "2002:808:808::1", 443, "/h"),  # 6to4 of a public address
        ("http://127.0.0.1:8000/h", "127.0.0.1", 8000, "/h"),  # the test switch
    ],
)
def test_accepted_urls_are_split_for_the_connection(url: str, host: str, port: int, request_target: str) -> None:
    target = webhook_target(url, loopback_http=True)
    assert (target.host, target.port, target.request_target) == (host, port, request_target)


def test_plain_http_to_loopback_needs_the_test_switch() -> None:
    with pytest.raises(CodedError) as info:
        webhook_target("http://127.0.0.1:8000/h", loopback_http=False)
    assert info.value.code == "portal.webhook.invalid_url"
    with pytest.raises(CodedError):
        webhook_target("https://127.0.0.1/h", loopback_http=True)  # the switch allows plain http only


# --- resolution ---------------------------------------------------------------------------------


@dataclass
class FakeDns:
    """socket.getaddrinfo for the names in `answers` (successive answers, the last one repeats;
    an empty answer does not resolve); other names go to the real resolver."""

    answers: dict[str, list[list[str]]] = field(default_factory=dict)
    calls: list[str] = field(default_factory=list)

    def __call__(self, host: Any, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        if host not in self.answers:
            return REAL_GETADDRINFO(host, port, *args, **kwargs)
        self.calls.append(host)
        queue = self.answers[host]
        addresses = queue.pop(0) if len(queue) > 1 else queue[0]
        if not addresses:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [
            (socket.AF_INET6, socket.SOCK_STREAM, 6, "", (a, port, 0, 0))
            if ":" in a
            else (socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
            for a in addresses
        ]


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> FakeDns:
    fake = FakeDns()
    monkeypatch.setattr(socket, "getaddrinfo", fake)
    return fake


def test_a_name_is_resolved_once_and_every_address_checked(dns: FakeDns) -> None:
    dns.answers["hooks.example.com"] = [[PUBLIC_V6, PUBLIC_V4, PUBLIC_V4]]
    target = webhook_target("https://hooks.example.com/h", loopback_http=False)
    assert webhook_target_addresses(target) == [PUBLIC_V6, PUBLIC_V4]
    assert dns.calls == ["hooks.example.com"]


@pytest.mark.parametrize("internal", ["10.1.2.3", "127.0.0.1", "fd12::1", "64:ff9b::a01:203", "::ffff:10.1.2.3"])
def test_a_name_with_any_internal_address_is_refused_without_naming_it(dns: FakeDns, internal: str) -> None:
    dns.answers["hooks.example.com"] = [[PUBLIC_V4, internal]]
    target = webhook_target("https://hooks.example.com/h", loopback_http=False)
    with pytest.raises(CodedError) as info:
        webhook_target_addresses(target)
    assert info.value.code == "portal.webhook.host_not_public"
    assert internal not in str(info.value)
    assert "hooks.example.com" in str(info.value)


def test_an_unresolvable_name_raises_oserror(dns: FakeDns) -> None:
    dns.answers["gone.example.com"] = [[]]
    with pytest.raises(OSError, match="not known"):
        webhook_target_addresses(webhook_target("https://gone.example.com/", loopback_http=False))


def test_an_address_in_the_url_is_not_resolved(dns: FakeDns) -> None:
    assert webhook_target_addresses(webhook_target("https://8.8.8.8/", loopback_http=False)) == ["8.8.8.8"]
    assert dns.calls == []


# --- properties ------------------------------------------------------------------------------


def embedded_ipv4(address: IPAddress) -> list[ipaddress.IPv4Address]:
    """Every IPv4 address an IPv6 address carries in one of the standard forms."""
    if isinstance(address, ipaddress.IPv4Address):
        return []
    found = [a for a in (address.ipv4_mapped, address.sixtofour) if a is not None]
    if address.teredo:
        found.extend(address.teredo)
    low = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address in ipaddress.IPv6Network("64:ff9b::/96") or int(address) >> 32 == 0:  # NAT64, IPv4-compatible
        found.append(low)
    return found


ipv4 = st.ip_addresses(v=4)


def carrying(kind: str, v4: ipaddress.IPv4Address, low: int) -> ipaddress.IPv6Address:
    """An IPv6 address that carries `v4` in one of the standard forms."""
    if kind == "6to4":
        return ipaddress.IPv6Address((0x2002 << 112) | (int(v4) << 80) | low)
    prefix = {"compatible": 0, "mapped": 0xFFFF << 32, "nat64": 0x64FF9B << 96}[kind]
    return ipaddress.IPv6Address(prefix | int(v4))


# Random IPv6 addresses rarely fall in the prefixes that carry an IPv4 address: build those too.
ipv6_with_ipv4 = st.builds(
    carrying, st.sampled_from(["compatible", "mapped", "nat64", "6to4"]), ipv4, st.integers(0, 2**80 - 1)
)
teredo = st.builds(
    lambda server, client, flags: ipaddress.IPv6Address(
        (0x20010000 << 96) | (int(server) << 64) | (flags << 48) | (int(client) ^ 0xFFFFFFFF)
    ),
    ipv4,
    ipv4,
    st.integers(0, 0xFFFF),
)
addresses = ipv4 | st.ip_addresses(v=6) | st.ip_addresses(v=6, network="2000::/3") | ipv6_with_ipv4 | teredo


@PROPERTY_SETTINGS
@given(address=addresses)
def test_only_global_addresses_are_accepted(address: IPAddress) -> None:
    if address_is_public(address):
        assert address.is_global
        assert not address.is_multicast
        assert all(v4.is_global and not v4.is_multicast for v4 in embedded_ipv4(address))
        assert not isinstance(address, ipaddress.IPv6Address) or address.ipv4_mapped is None


@PROPERTY_SETTINGS
@given(address=ipv4)
def test_an_ipv4_address_is_accepted_exactly_when_global(address: ipaddress.IPv4Address) -> None:
    expected = address.is_global and not address.is_multicast and address not in ipaddress.IPv4Network("192.88.99.0/24")
    assert address_is_public(address) == expected


@PROPERTY_SETTINGS
@given(v4=ipv4)
def test_nat64_and_6to4_follow_the_ipv4_address_they_carry(v4: ipaddress.IPv4Address) -> None:
    nat64 = ipaddress.IPv6Address((0x64FF9B << 96) | int(v4))
    sixtofour = ipaddress.IPv6Address((0x2002 << 112) | (int(v4) << 80) | 1)
    assert address_is_public(nat64) == address_is_public(v4)
    assert not address_is_public(sixtofour) or address_is_public(v4)
    assert not address_is_public(ipaddress.IPv6Address((0xFFFF << 32) | int(v4)))  # mapped: never


url_texts = st.text(max_size=80) | st.builds(
    lambda scheme, host, rest: f"{scheme}://{host}{rest}",
    st.sampled_from(["https", "http", "ftp", "HTTPS"]),
    st.text(
        alphabet=st.characters(codec="utf-8") | st.sampled_from(list("0123456789abcdefx.:[]%@\\/-")),
        max_size=40,
    ),
    st.text(max_size=20),
)


def checked(url: str) -> WebhookTarget | str:
    """The target, or the code that refuses the URL."""
    try:
        return webhook_target(url, loopback_http=False)
    except CodedError as exc:
        return exc.code


@PROPERTY_SETTINGS
@given(url=url_texts)
def test_any_text_is_refused_with_a_code_or_accepted(url: str) -> None:
    target = checked(url)
    if isinstance(target, str):
        assert target.startswith("portal.webhook.")
        return
    assert target.scheme == "https"
    assert target.host.isascii()
    if target.address is not None:
        assert address_is_public(target.address)
