"""The streaming HR-XML scanner: the envelope around the items (their XPaths, its limits, its
memory) and the order of what it reports, as an element-by-element scan would report it."""

from __future__ import annotations

import gc
import io
from pathlib import Path

import pytest

from werkpost.vacancies.hrxml import count_hrxml_items, iter_hrxml_items, map_hrxml_item, scan_hrxml_items
from werkpost.vacancies.parsing import Parsed, ParseError

ITEM = b"<PositionOpening><PositionRecordInfo><Id><IdValue>A</IdValue></Id></PositionRecordInfo></PositionOpening>"


def _xpaths(doc: bytes) -> list[str]:
    return [xpath for _index, xpath, _found in scan_hrxml_items(io.BytesIO(doc))]


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (
            b'<Env><Header a="1"><Sender>x</Sender></Header><Batch>'
            + ITEM
            + b"<Note/>"
            + ITEM
            + b"</Batch><Batch>"
            + ITEM
            + b"</Batch><Trailer/><Batch><Inner>"
            + ITEM
            + b"</Inner></Batch></Env>",
            [
                "/Env/Batch/PositionOpening[1]",
                "/Env/Batch/PositionOpening[2]",
                "/Env/Batch[2]/PositionOpening[1]",
                "/Env/Batch[3]/Inner/PositionOpening[1]",
            ],
        ),
        (
            b'<n:Env xmlns:n="urn:x"><n:PositionOpening/><PositionOpening/><x:PositionOpening xmlns:x="urn:y"/>'
            b"<n:Env><PositionOpening/></n:Env><n:Env/><n:Env><PositionOpening/></n:Env></n:Env>",
            [
                "/Env/PositionOpening[1]",
                "/Env/PositionOpening[2]",
                "/Env/PositionOpening[3]",
                "/Env/Env/PositionOpening[1]",
                "/Env/Env[3]/PositionOpening[1]",
            ],
        ),
        (
            b'<Env xmlns:wp="urn:werkpost:hrxml:1"><wp:PositionOpening>'
            + ITEM
            + b"</wp:PositionOpening><PositionOpening><PositionOpening/></PositionOpening></Env>",
            ["/Env/wp:PositionOpening/PositionOpening[1]", "/Env/PositionOpening[1]"],
        ),
        (ITEM, ["/PositionOpening"]),
    ],
    ids=["batches", "namespaces", "extension-and-nested", "root"],
)
def test_items_are_found_at_any_depth_with_their_xpath(doc: bytes, expected: list[str]) -> None:
    assert _xpaths(doc) == expected
    assert count_hrxml_items(io.BytesIO(doc)) == len(expected)


def test_envelope_limits_stop_the_scan_after_the_items_before_them() -> None:
    crowded = b"<Bad " + b" ".join(b'a%d="1"' % i for i in range(40)) + b"/>"
    items = scan_hrxml_items(io.BytesIO(b"<Env>\n" + ITEM + b"\n" + crowded + ITEM + b"</Env>"))
    index, _xpath, item = next(items)
    assert (index, isinstance(item, bytes)) == (0, True)
    with pytest.raises(ParseError) as caught:
        next(items)
    assert (caught.value.problem.code, caught.value.params) == (
        "request.xml_too_many_attributes",
        {"limit": 32, "line": 3},
    )
    deep = b"<Env>" + ITEM + b"<a>" * 70 + b"</a>" * 70 + b"</Env>"
    with pytest.raises(ParseError) as caught:
        list(scan_hrxml_items(io.BytesIO(deep)))
    assert caught.value.problem.code == "request.xml_too_deep"


def test_item_limits_spoil_only_that_item() -> None:
    deep = b"<PositionOpening>" + b"<a>" * 70 + b"</a>" * 70 + b"</PositionOpening>"
    crowded = b"<PositionOpening><b " + b" ".join(b'a%d="1"' % i for i in range(40)) + b"/></PositionOpening>"
    doc = b"<Env>" + ITEM + b"\n" + deep + crowded + ITEM + b"</Env>"
    found = [
        (i, x if isinstance(x, Parsed) else (x.problem.code, x.params)) for i, x in iter_hrxml_items(io.BytesIO(doc))
    ]
    assert [i for i, _x in found] == [0, 1, 2, 3]
    assert found[1][1] == ("request.xml_too_deep", {"limit": 64, "line": 2})
    assert found[2][1] == ("request.xml_too_many_attributes", {"limit": 32, "line": 2})
    assert isinstance(found[3][1], Parsed)
    assert found[3][1].data["vacancyId"] == "A"
    item = next(x for _i, _p, x in scan_hrxml_items(io.BytesIO(doc)) if isinstance(x, bytes))
    assert map_hrxml_item(item, "/Env/PositionOpening[1]").xpaths["/vacancyId"] == (
        "/Env/PositionOpening[1]/PositionRecordInfo/Id/IdValue"
    )


def _rss() -> int:
    try:
        return int(Path("/proc/self/statm").read_text().split()[1]) * 4096
    except (OSError, IndexError, ValueError):
        return 0


def test_an_envelope_without_items_is_released_as_it_is_read() -> None:
    doc = b"<Env>" + b"<Header><a/><b/></Header>" * 100_000 + b"</Env>"  # 2.5 MB, 300,000 elements
    gc.collect()
    before = _rss()
    assert count_hrxml_items(io.BytesIO(doc)) == 0
    assert _rss() - before < 24 * 1024 * 1024
