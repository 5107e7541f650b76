"""HR-XML 2.x PositionOpening input: the mapping (docs/hr-xml.md), XPaths in messages, the
samples, the streaming batch reader and hostile XML.

Documents are built from docs/samples/bakker.xml (the reference vacancy in HR-XML) by editing
its tree, so every test changes exactly one thing.
"""

from __future__ import annotations

import copy
import datetime as dt
import gc
import io
import json
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.cache import cache
from lxml import etree

from tests.conftest import EXAMPLE_PATH, ApiClient
from werkpost.core.messages import Message, Severity
from werkpost.vacancies import parsing
from werkpost.vacancies.document import VacancyDocument
from werkpost.vacancies.hrxml import (
    HRXML_NS,
    WP_NS,
    XML_LANG,
    count_hrxml_items,
    iter_hrxml_items,
    parse_hrxml,
    secure_parser,
)
from werkpost.vacancies.parsing import Parsed, ParseError
from werkpost.vacancies.validation import CheckContext, validate_document

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "docs" / "samples"
XSD_PATH = ROOT / "docs" / "hr-xml" / "werkpost-position-opening.xsd"
BAKKER = (SAMPLES / "bakker.xml").read_bytes()
TODAY = dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.UTC)
NS = {"h": HRXML_NS, "wp": WP_NS}
PO = "/PositionOpening"
PROFILE = PO + "/PositionProfile"
DETAIL = PROFILE + "/PositionDetail"
XML = "application/xml"


@pytest.fixture(autouse=True)
def _frozen_clock() -> Iterator[None]:
    with time_machine.travel(TODAY, tick=False):
        yield


# --- helpers -------------------------------------------------------------------------------------


def edited(change: Callable[[Any], None], source: bytes = BAKKER) -> bytes:
    """The sample with `change(root)` applied to its tree."""
    root = etree.fromstring(source, secure_parser())
    change(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def one(root: Any, path: str) -> Any:
    found = root.xpath(path, namespaces=NS)
    assert len(found) == 1, path
    return found[0]


def remove(path: str) -> Callable[[Any], None]:
    def change(root: Any) -> None:
        el = one(root, path)
        el.getparent().remove(el)

    return change


def set_text(path: str, text: str) -> Callable[[Any], None]:
    def change(root: Any) -> None:
        one(root, path).text = text

    return change


def set_attr(path: str, name: str, value: str) -> Callable[[Any], None]:
    def change(root: Any) -> None:
        one(root, path).set(name, value)

    return change


def add(parent_path: str, xml: str, index: int | None = None) -> Callable[[Any], None]:
    """Insert an element (written without namespace: it gets the HR-XML one unless it has its own)."""

    def change(root: Any) -> None:
        parent = one(root, parent_path)
        el = etree.fromstring(f'<x xmlns="{HRXML_NS}" xmlns:wp="{WP_NS}">{xml}</x>')[0]
        parent.insert(len(parent) if index is None else index, el)

    return change


def remove_lang(root: Any) -> None:
    one(root, "//h:PositionProfile").attrib.pop(XML_LANG)


def parsed(change: Callable[[Any], None] | None = None) -> Parsed:
    return parse_hrxml(edited(change) if change else BAKKER)


def codes(messages: list[Message]) -> list[str]:
    return [msg.code for msg in messages]


def by_code(messages: list[Message], code: str) -> Message:
    found = [msg for msg in messages if msg.code == code]
    assert found, f"{code} not in {codes(messages)}"
    return found[0]


def canonical(data: dict[str, Any]) -> dict[str, Any]:
    data = dict(data)
    data.pop("vacancyId", None)
    return VacancyDocument.model_validate(data).canonical()


def checked(p: Parsed) -> list[Message]:
    """The parse messages plus every check of the validate step (what the pipeline adds)."""
    data = dict(p.data)
    data.pop("vacancyId", None)
    doc = VacancyDocument.model_validate(data)
    _doc, found = validate_document(doc, CheckContext(today=TODAY.date(), environment="test"))
    return p.messages + found


def problem(body: bytes, **kwargs: Any) -> tuple[ParseError, float]:
    started = time.perf_counter()
    with pytest.raises(ParseError) as info:
        parse_hrxml(body, **kwargs)
    return info.value, time.perf_counter() - started


# --- the reference sample --------------------------------------------------------------------------


def test_bakker_maps_to_exactly_the_reference_document() -> None:
    p = parse_hrxml(BAKKER)
    assert p.data["vacancyId"] == "REQ-2026-0042"
    assert canonical(p.data) == canonical(json.loads(EXAMPLE_PATH.read_text()))
    assert p.messages == []


def test_xpaths_name_the_source_elements() -> None:
    x = parse_hrxml(BAKKER).xpaths
    assert x["/title"] == DETAIL + "/PositionTitle"
    assert x["/workplaces/0/postalCode"] == DETAIL + "/PhysicalLocation[1]/PostalAddress/PostalCode"
    assert x["/occupationCode"] == DETAIL + "/JobCategory[1]/CategoryCode"
    assert x["/description"] == PROFILE + "/FormattedPositionDescription[1]/Value"
    assert x["/vacancyId"] == PO + "/PositionRecordInfo/Id/IdValue"
    assert x["/remote"] == PO + "/UserArea/wp:Remote"
    assert x["/salary/period"] == DETAIL + "/RemunerationPackage/BasePay/@baseInterval"
    assert x["/language"] == PROFILE + "/@xml:lang"
    # a pointer without its own entry resolves to its nearest mapped ancestor
    assert parse_hrxml(BAKKER).xpath_for("/requirements/languages/0/nothing") == DETAIL + "/Competency[3]"


# --- the mapping, element by element (the table in docs/hr-xml.md) -----------------------------------

MAPPING: list[tuple[str, Callable[[Any], None], str, Any]] = [
    # vacancyId, title, occupation
    ("id", set_text("//h:PositionRecordInfo/h:Id/h:IdValue", "X-1"), "/vacancyId", "X-1"),
    ("title", set_text("//h:PositionTitle", " Bakker (gezel) "), "/title", "Bakker (gezel)"),
    ("isco name", set_text("//h:JobCategory/h:TaxonomyName", "ISCO"), "/occupationCode", "7512"),
    ("isco bare", remove("//h:JobCategory/h:TaxonomyName"), "/occupationCode", "7512"),
    # texts
    ("description", set_text("//h:FormattedPositionDescription[1]/h:Name", "Description"), "/description", None),
    ("profile en", set_text("//h:FormattedPositionDescription[2]/h:Name", "Requirements"), "/profile", None),
    ("offer en", set_text("//h:FormattedPositionDescription[3]/h:Name", "We offer"), "/offer", None),
    # language
    ("lang region", set_attr("//h:PositionProfile", XML_LANG, "FR-be"), "/language", "fr"),
    ("lang of the opening", lambda r: (remove_lang(r), r.set(XML_LANG, "de")), "/language", "de"),
    ("lang ext", add("h:UserArea", "<wp:Language>en</wp:Language>"), "/language", "en"),
    # positions
    ("positions", set_text("h:NumberToFill", "3"), "/positions", 3),
    ("positions text", set_text("h:NumberToFill", "drie"), "/positions", "drie"),
    # owner
    ("owner name", set_text("//h:OrganizationName", "Janssens BV"), "/owner/name", "Janssens BV"),
    ("owner number", set_text("//h:OrganizationId/h:IdValue", "0456217823"), "/owner/enterpriseNumber", "0456217823"),
    (
        "owner site",
        set_text("//h:Organization//h:InternetWebAddress", "https://j.example"),
        "/owner/website",
        "https://j.example",
    ),
    (
        "owner establishment",
        add(
            "//h:Organization",
            '<OrganizationId idOwner="vestigingseenheid"><IdValue>2.123.456.791</IdValue></OrganizationId>',
            2,
        ),
        "/owner/establishmentNumber",
        "2.123.456.791",
    ),
    # workplaces
    ("street", set_text("//h:StreetName", "Kouter"), "/workplaces/0/street", "Kouter"),
    ("number", set_text("//h:BuildingNumber", "1A"), "/workplaces/0/houseNumber", "1A"),
    ("municipality", set_text("//h:Municipality", "Gent"), "/workplaces/0/municipality", "Gent"),
    ("country upper", set_text("//h:PhysicalLocation//h:CountryCode", "nl"), "/workplaces/0/countryCode", "NL"),
    ("postal", set_text("//h:PostalCode", "9050"), "/workplaces/0/postalCode", "9050"),
    # contract
    ("temporary", set_text("//h:PositionClassification", "Temporary"), "/contract/type", "temporary"),
    ("contract", set_text("//h:PositionClassification", "Contract"), "/contract/duration", "fixed_term"),
    ("temp to hire", set_text("//h:PositionClassification", "Temp to Hire"), "/contract/type", "temp_agency_work"),
    ("internship", set_text("//h:PositionClassification", "Internship"), "/contract/type", "internship"),
    ("uitzend", set_text("//h:PositionClassification", "Uitzendarbeid"), "/contract/type", "temp_agency_work"),
    ("ext type", add("h:UserArea", "<wp:ContractType>flexi</wp:ContractType>"), "/contract/type", "flexi"),
    (
        "ext duration",
        add("h:UserArea", "<wp:ContractDuration>specific_work</wp:ContractDuration>"),
        "/contract/duration",
        "specific_work",
    ),
    ("part time", set_text("//h:PositionSchedule", "Part Time"), "/contract/regime", "part_time"),
    ("deeltijds", set_text("//h:PositionSchedule", "Deeltijds"), "/contract/regime", "part_time"),
    ("voltijds", set_text("//h:PositionSchedule", "Voltijds"), "/contract/regime", "full_time"),
    ("hours", set_text("//h:Shift/h:Hours", "32.5"), "/contract/hoursPerWeek", 32.5),
    ("ext hours", add("h:UserArea", "<wp:HoursPerWeek>20</wp:HoursPerWeek>"), "/contract/hoursPerWeek", 20),
    (
        "start",
        set_text("//h:PositionDateInfo/h:StartDate", "2027-02-01T00:00:00Z"),
        "/contract/startDate",
        "2027-02-01",
    ),
    (
        "work system",
        add("//h:PositionDetail", "<PositionSchedule>x:Night Work</PositionSchedule>", 5),
        "/contract/workSystems",
        ["night", "day"],
    ),
    # remote
    ("remote", set_text("h:UserArea/wp:Remote", "hybrid"), "/remote", "hybrid"),
    # salary
    ("salary min", set_text("//h:BasePayAmountMin", "2450.50"), "/salary/min", 2450.5),
    ("salary comma", set_text("//h:BasePayAmountMax", "2900,75"), "/salary/max", 2900.75),
    ("hourly", set_attr("//h:BasePay", "baseInterval", "Hourly"), "/salary/period", "hour"),
    ("yearly", set_attr("//h:BasePay", "baseInterval", "Yearly"), "/salary/period", "year"),
    ("annually", set_attr("//h:BasePay", "baseInterval", "Annually"), "/salary/period", "year"),
    ("currency", set_attr("//h:BasePay", "currencyCode", "usd"), "/salary/currency", "USD"),
    # requirements
    ("isced", set_attr("//h:Competency[1]/h:CompetencyId", "id", "ISCED 6"), "/requirements/educationLevel", "isced-6"),
    ("cefr", set_text("//h:Competency[3]//h:StringValue", "c1"), "/requirements/languages/0/level", "C1"),
    ("lang code", set_attr("//h:Competency[3]/h:CompetencyId", "id", "fr-BE"), "/requirements/languages/0/code", "fr"),
    (
        "licence",
        add("//h:PositionDetail", '<Competency name="Drivers License"><CompetencyId id="c"/></Competency>', 8),
        "/requirements/drivingLicences",
        ["C"],
    ),
    (
        "years",
        set_attr("//h:Competency[2]/h:CompetencyEvidence", "name", "years"),
        "/requirements/experienceMonths",
        144,
    ),
    # application
    (
        "url",
        set_text("//h:ApplicationMethod/h:InternetWebAddress", "https://a.example/x"),
        "/application/url",
        "https://a.example/x",
    ),
    ("email", set_text("//h:InternetEmailAddress", "hr@a.example"), "/application/email", "hr@a.example"),
    (
        "phone",
        add("//h:ApplicationMethod", "<Telephone><FormattedNumber>09 234 56 78</FormattedNumber></Telephone>", 0),
        "/application/phone",
        "09 234 56 78",
    ),
    ("contact", set_text("//h:HowToApply//h:FormattedName", "Jan Peeters"), "/application/contact/name", "Jan Peeters"),
    (
        "instructions",
        add(
            "//h:ApplicationMethod", "<InPerson><AdditionalInstructions>Bel eerst.</AdditionalInstructions></InPerson>"
        ),
        "/application/instructions",
        "Bel eerst.",
    ),
    # publication
    (
        "posting dates",
        add(
            ".",
            "<PositionPostings><PositionPosting><StartDate>2026-12-01</StartDate><EndDate>2027-01-31</EndDate></PositionPosting></PositionPostings>",
            1,
        ),
        "/publication",
        {"start": "2026-12-01", "end": "2027-01-31"},
    ),
    (
        "posting id validity",
        add(
            ".",
            '<PositionPostings><PositionPosting><Id validFrom="2026-12-01" validTo="2027-02-01">'
            "<IdValue>P</IdValue></Id></PositionPosting></PositionPostings>",
            1,
        ),
        "/publication",
        {"start": "2026-12-01", "end": "2027-02-01"},
    ),
    (
        "posting duration",
        add(
            ".",
            "<PositionPostings><PositionPosting><StartDate>2026-12-01</StartDate><PostingDuration>30</PostingDuration></PositionPosting></PositionPostings>",
            1,
        ),
        "/publication",
        {"start": "2026-12-01", "end": "2026-12-31"},
    ),
    (
        "posting duration from today",
        add(
            ".",
            "<PositionPostings><PositionPosting><PostingDuration>P10D</PostingDuration></PositionPosting></PositionPostings>",
            1,
        ),
        "/publication",
        {"end": "2026-12-02"},
    ),
]


def _at(data: Any, pointer: str) -> Any:
    for part in pointer.strip("/").split("/"):
        data = data[int(part)] if isinstance(data, list) else data[part]
    return data


@pytest.mark.parametrize(("change", "pointer", "expected"), [m[1:] for m in MAPPING], ids=[m[0] for m in MAPPING])
def test_mapping(change: Callable[[Any], None], pointer: str, expected: Any) -> None:
    p = parsed(change)
    value = _at(p.data, pointer)
    if expected is None:  # a renamed text block keeps its target
        assert value
    else:
        assert value == expected
    assert p.xpath_for(pointer), pointer


def test_unnamed_and_repeated_text_blocks_are_appended_to_their_field() -> None:
    p = parsed(
        add(
            "//h:PositionProfile",
            "<FormattedPositionDescription><Value>Nog meer uitleg.</Value></FormattedPositionDescription>",
            7,
        )
    )
    assert p.data["description"].endswith("</ul>\nNog meer uitleg.")


def test_text_written_as_xml_elements_becomes_html() -> None:
    def change(root: Any) -> None:
        value = one(root, "//h:FormattedPositionDescription[2]/h:Value")
        value.text = None
        markup = '<p>Je bent <b>vroeg</b> op &amp; <a href="https://x.example" onclick="x">fit</a><br/>!</p>'
        value.append(etree.fromstring(f'<p xmlns="{HRXML_NS}">{markup[3:-4]}</p>'))

    expected = '<p>Je bent <b>vroeg</b> op & <a href="https://x.example">fit</a><br>!</p>'
    assert parsed(change).data["profile"] == expected


def test_address_line_is_split_into_street_and_number() -> None:
    def change(root: Any) -> None:
        delivery = one(root, "//h:DeliveryAddress")
        delivery[:] = [
            etree.fromstring(f'<AddressLine xmlns="{HRXML_NS}">Sint-Pietersnieuwstraat 41 bus 2</AddressLine>')
        ]

    p = parsed(change)
    place = p.data["workplaces"][0]
    assert (place["street"], place["houseNumber"]) == ("Sint-Pietersnieuwstraat", "41 bus 2")
    assert p.xpaths["/workplaces/0/street"] == DETAIL + "/PhysicalLocation[1]/PostalAddress/DeliveryAddress/AddressLine"
    for line, street, number in (
        ("Industrieweg 7", "Industrieweg", "7"),
        ("Rue du 8 Mai 12A", "Rue du 8 Mai", "12A"),
        ("Kapel ter Bede 84-86", "Kapel ter Bede", "84-86"),
        ("Grote Markt", "Grote Markt", None),
    ):
        p = parsed(lambda r, line=line: (change(r), setattr(one(r, "//h:AddressLine"), "text", line)))
        assert (p.data["workplaces"][0]["street"], p.data["workplaces"][0].get("houseNumber")) == (street, number)


def test_several_workplaces_are_indexed_in_order() -> None:
    second = (
        "<PhysicalLocation><PostalAddress><CountryCode>BE</CountryCode><PostalCode>2000</PostalCode>"
        "<Municipality>Antwerpen</Municipality></PostalAddress></PhysicalLocation>"
    )
    p = parsed(add("//h:PositionDetail", second, 1))
    assert [w["municipality"] for w in p.data["workplaces"]] == ["Gent", "Antwerpen"]
    assert p.xpaths["/workplaces/1/postalCode"] == DETAIL + "/PhysicalLocation[2]/PostalAddress/PostalCode"


def test_area_values_stand_in_for_a_missing_postal_address() -> None:
    def change(root: Any) -> None:
        location = one(root, "//h:PhysicalLocation")
        location[:] = [
            etree.fromstring(f'<Area xmlns="{HRXML_NS}" type="countrycode"><Value>be</Value></Area>'),
            etree.fromstring(f'<Area xmlns="{HRXML_NS}" type="municipality"><Value>Gent</Value></Area>'),
        ]

    p = parsed(change)
    assert p.data["workplaces"] == [{"countryCode": "BE", "municipality": "Gent"}]
    assert p.xpaths["/workplaces/0/municipality"] == DETAIL + "/PhysicalLocation[1]/Area[2]/Value"
    assert p.xpaths["/workplaces/0/postalCode"] == DETAIL + "/PhysicalLocation[1]/PostalAddress/PostalCode"


@pytest.mark.parametrize(
    ("value", "contract_type", "duration"),
    [
        ("Vast contract", "permanent", "indefinite"),
        ("Bepaalde duur", "temporary", "fixed_term"),
        ("Interim", "temp_agency_work", None),
        ("Stage", "internship", None),
        ("Seasonal", "seasonal", "fixed_term"),
        ("Jobstudent", "student", None),
        ("Freelance", "freelance", None),
        ("Flexi-job", "flexi", None),
        ("Vervangingscontract", "replacement", "fixed_term"),
        ("x:Direct Hire", "permanent", "indefinite"),
    ],
)
def test_classification_vocabulary(value: str, contract_type: str, duration: str | None) -> None:
    contract = parsed(set_text("//h:PositionClassification", value)).data["contract"]
    assert (contract["type"], contract.get("duration")) == (contract_type, duration)


def test_percentage_alone_gives_the_regime() -> None:
    def change(root: Any) -> None:
        schedule = one(root, "//h:PositionSchedule")
        schedule.text = None
        schedule.set("percentage", "50")

    assert parsed(change).data["contract"]["regime"] == "part_time"


def test_composed_telephone_and_person_name_parts() -> None:
    def change(root: Any) -> None:
        method = one(root, "//h:ApplicationMethod")
        method.insert(
            0,
            etree.fromstring(
                f'<Telephone xmlns="{HRXML_NS}"><InternationalCountryCode>32</InternationalCountryCode>'
                "<AreaCityCode>9</AreaCityCode><SubscriberNumber>234 56 78</SubscriberNumber></Telephone>"
            ),
        )
        person = one(root, "//h:HowToApply/h:PersonName")
        person[:] = [
            etree.fromstring(f'<GivenName xmlns="{HRXML_NS}">An</GivenName>'),
            etree.fromstring(f'<FamilyName xmlns="{HRXML_NS}">Peeters</FamilyName>'),
        ]

    app = parsed(change).data["application"]
    assert app["phone"] == "+32 9 234 56 78"
    assert app["contact"] == {"name": "An Peeters"}


def test_organization_in_the_opening_and_company_name_are_tolerated() -> None:
    def change(root: Any) -> None:
        org = one(root, "//h:Organization")
        org.getparent().remove(org)
        root.insert(1, org)

    assert parsed(change).data["owner"]["name"] == "Bakkerij Janssens"

    def company_only(root: Any) -> None:
        one(root, "//h:OrganizationName").getparent().remove(one(root, "//h:OrganizationName"))
        detail = one(root, "//h:PositionDetail")
        detail.insert(0, etree.fromstring(f'<Company xmlns="{HRXML_NS}"><Name>Janssens</Name></Company>'))

    assert parsed(company_only).data["owner"]["name"] == "Janssens"


def test_foreign_owner_country_comes_from_its_address() -> None:
    def change(root: Any) -> None:
        remove("//h:OrganizationId")(root)
        add(
            "//h:Organization/h:ContactInfo/h:ContactMethod",
            "<PostalAddress><CountryCode>nl</CountryCode></PostalAddress>",
        )(root)

    p = parsed(change)
    assert p.data["owner"]["countryCode"] == "NL"
    assert "hrxml.enterprise_number_missing" not in codes(p.messages)


def test_intermediary_from_position_supplier_and_extension() -> None:
    agent = '<PositionSupplier relationship="agent"><EntityName>Flexpro</EntityName></PositionSupplier>'

    def change(root: Any) -> None:
        add(".", agent, 1)(root)
        add("h:UserArea", "<wp:RecognitionNumber>VG.1/BU</wp:RecognitionNumber>")(root)
        set_text("//h:PositionClassification", "Temp to Hire")(root)

    p = parsed(change)
    assert p.data["intermediary"] == {"type": "temp_agency", "name": "Flexpro", "recognitionNumber": "VG.1/BU"}
    assert p.xpaths["/intermediary/name"] == PO + "/PositionSupplier/EntityName"
    # a recruiter (not temp work) and a supplier that is the employer itself
    p = parsed(add(".", agent, 1))
    assert p.data["intermediary"]["type"] == "recruitment_agency"
    employer = '<PositionSupplier relationship="self"><EntityName>X</EntityName></PositionSupplier>'
    assert "intermediary" not in parsed(add(".", employer, 1)).data

    def explicit_type(root: Any) -> None:
        add(".", agent, 1)(root)
        add("h:UserArea", "<wp:IntermediaryType>service_company</wp:IntermediaryType>")(root)

    explicit = parsed(explicit_type)
    assert explicit.data["intermediary"]["type"] == "service_company"


@pytest.mark.django_db
def test_missing_temp_agency_recognition_number_points_at_the_extension() -> None:
    def change(root: Any) -> None:
        add(".", '<PositionSupplier relationship="agent"><EntityName>Flexpro</EntityName></PositionSupplier>', 1)(root)
        set_text("//h:PositionClassification", "Uitzendarbeid")(root)

    p = parsed(change)
    msg = by_code(checked(p), "intermediary.recognition_number_required")
    assert p.xpath_for(msg.path) == PO + "/UserArea/wp:RecognitionNumber"


# --- tolerance --------------------------------------------------------------------------------------


def _without_namespace(source: bytes) -> bytes:
    root = etree.fromstring(source, secure_parser())
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.startswith(f"{{{HRXML_NS}}}"):
            el.tag = etree.QName(el).localname
    etree.cleanup_namespaces(root)
    return etree.tostring(root)


def _reprefixed(source: bytes) -> bytes:
    """The same document with the HR-XML namespace bound to the prefix x: instead of the default."""

    def copy_el(el: Any, nsmap: dict[str, str] | None = None) -> Any:
        new = etree.Element(el.tag, attrib=dict(el.attrib), nsmap=nsmap)
        new.text, new.tail = el.text, el.tail
        new.extend(copy_el(child) for child in el)
        return new

    root = etree.fromstring(source, secure_parser())
    return etree.tostring(copy_el(root, {"x": HRXML_NS, "wp": WP_NS}))


def test_no_namespace_and_other_prefixes_map_the_same() -> None:
    plain = parse_hrxml(_without_namespace(BAKKER))
    prefixed_body = _reprefixed(BAKKER)
    assert b"<x:PositionTitle>" in prefixed_body
    prefixed = parse_hrxml(prefixed_body)
    assert plain.data == parse_hrxml(BAKKER).data
    assert prefixed.data == parse_hrxml(BAKKER).data
    assert plain.xpaths == parse_hrxml(BAKKER).xpaths


def test_other_hrxml_namespace_versions_are_read_too() -> None:
    p = parse_hrxml(BAKKER.replace(HRXML_NS.encode(), b"http://ns.hr-xml.org/2006-02-28"))
    assert canonical(p.data) == canonical(parse_hrxml(BAKKER).data)


def test_unknown_user_area_content_is_ignored_with_info() -> None:
    p = parsed(add("h:UserArea", "<Vendor><Secret>x</Secret></Vendor>"))
    msg = by_code(p.messages, "hrxml.user_area_ignored")
    assert msg.severity == Severity.INFO
    assert msg.xpath == PO + "/UserArea"
    assert msg.params == {"elements": "Vendor"}
    assert canonical(p.data) == canonical(parse_hrxml(BAKKER).data)
    # an empty UserArea, or one with only our elements, says nothing
    assert parsed(add("//h:PositionDetail", "<UserArea/>")).messages == []


def test_unknown_extension_element_is_a_warning() -> None:
    p = parsed(add("h:UserArea", "<wp:Langauge>nl</wp:Langauge>"))
    msg = by_code(p.messages, "hrxml.unknown_extension")
    assert (msg.severity, msg.params, msg.xpath) == (
        Severity.WARNING,
        {"element": "Langauge"},
        PO + "/UserArea/wp:Langauge",
    )


def test_unnamed_block_names_that_are_unknown_are_reported() -> None:
    p = parsed(
        add(
            "//h:PositionProfile",
            "<FormattedPositionDescription><Name>Mode</Name><Value>premium</Value></FormattedPositionDescription>",
            7,
        )
    )
    msg = by_code(p.messages, "hrxml.description_block_ignored")
    assert msg.params == {"name": "Mode"}
    assert msg.xpath == PROFILE + "/FormattedPositionDescription[4]"


def test_only_the_first_profile_is_read() -> None:
    p = parsed(lambda r: r.insert(3, copy.deepcopy(one(r, "h:PositionProfile"))))
    assert by_code(p.messages, "hrxml.profile_ignored").params == {"count": 1}
    assert p.xpaths["/title"] == PO + "/PositionProfile[1]/PositionDetail/PositionTitle"


def test_envelope_with_exactly_one_opening() -> None:
    body = b'<?xml version="1.0"?><Envelope><Header/>' + BAKKER.split(b"?>", 1)[1].split(b"-->", 1)[1] + b"</Envelope>"
    p = parse_hrxml(body)
    assert canonical(p.data) == canonical(parse_hrxml(BAKKER).data)
    assert p.xpaths["/title"] == "/Envelope/PositionOpening[1]/PositionProfile/PositionDetail/PositionTitle"


def test_not_a_position_opening_and_several() -> None:
    err, _ = problem(b"<Vacancy><Title>Bakker</Title></Vacancy>")
    assert (err.problem.code, err.params, err.problem.status) == (
        "request.xml_not_position_opening",
        {"root": "Vacancy"},
        400,
    )
    body = b"<Envelope>" + (BAKKER.split(b"-->", 1)[1] * 2) + b"</Envelope>"
    err, _ = problem(body)
    assert (err.problem.code, err.params) == ("request.xml_several_position_openings", {"count": 2})


# --- messages for what HR-XML cannot give us ---------------------------------------------------------


def test_missing_title_is_schema_required_with_the_xpath_where_it_belongs() -> None:
    p = parsed(remove("//h:PositionTitle"))
    assert "title" not in p.data
    assert p.xpath_for("/title") == DETAIL + "/PositionTitle"


MISSING: list[tuple[str, Callable[[Any], None], str, str, str]] = [
    (
        "no JobCategory",
        remove("//h:JobCategory"),
        "hrxml.occupation_missing",
        "/occupationCode",
        DETAIL + "/JobCategory",
    ),
    (
        "ONET only",
        set_text("//h:JobCategory/h:TaxonomyName", "O*NET"),
        "hrxml.occupation_missing",
        "/occupationCode",
        DETAIL + "/JobCategory[1]",
    ),
    ("no Organization", remove("//h:Organization"), "hrxml.owner_missing", "/owner", PROFILE + "/Organization"),
    (
        "no OrganizationId",
        remove("//h:OrganizationId"),
        "hrxml.enterprise_number_missing",
        "/owner/enterpriseNumber",
        PROFILE + "/Organization/OrganizationId/IdValue",
    ),
    (
        "no xml:lang",
        remove_lang,
        "hrxml.language_missing",
        "/language",
        PROFILE + "/@xml:lang",
    ),
    (
        "no description",
        lambda r: [b.getparent().remove(b) for b in r.xpath("//h:FormattedPositionDescription", namespaces=NS)],
        "hrxml.description_missing",
        "/description",
        PROFILE + "/FormattedPositionDescription",
    ),
    (
        "no classification",
        remove("//h:PositionClassification"),
        "hrxml.contract_type_missing",
        "/contract/type",
        DETAIL + "/PositionClassification",
    ),
    (
        "odd classification",
        set_text("//h:PositionClassification", "Volunteer"),
        "hrxml.unknown_position_classification",
        "/contract/type",
        DETAIL + "/PositionClassification",
    ),
    (
        "no schedule",
        remove("//h:PositionSchedule"),
        "hrxml.regime_missing",
        "/contract/regime",
        DETAIL + "/PositionSchedule",
    ),
    (
        "odd schedule",
        set_text("//h:PositionSchedule", "Sometimes"),
        "hrxml.unknown_position_schedule",
        "/contract/regime",
        DETAIL + "/PositionSchedule",
    ),
]


@pytest.mark.parametrize(("change", "code", "pointer", "xpath"), [m[1:] for m in MISSING], ids=[m[0] for m in MISSING])
def test_underivable_required_fields_say_which_element_to_add(
    change: Callable[[Any], None], code: str, pointer: str, xpath: str
) -> None:
    p = parsed(change)
    msg = by_code(p.messages, code)
    assert (msg.severity, msg.path, msg.xpath) == (Severity.ERROR, pointer, xpath)
    assert p.xpath_for(pointer) == xpath


def test_unsupported_pay_interval_drops_the_salary_with_a_warning() -> None:
    p = parsed(set_attr("//h:BasePay", "baseInterval", "Weekly"))
    assert "salary" not in p.data
    msg = by_code(p.messages, "hrxml.pay_interval_unsupported")
    assert (msg.severity, msg.params) == (Severity.WARNING, {"value": "Weekly"})


@pytest.mark.django_db
def test_unknown_isco_code_is_reported_at_the_job_category() -> None:
    p = parsed(set_text("//h:JobCategory/h:CategoryCode", "9999"))
    msg = by_code(checked(p), "reference.unknown_code")
    assert msg.path == "/occupationCode"
    assert p.xpath_for(msg.path) == DETAIL + "/JobCategory[1]/CategoryCode"


def test_every_message_code_is_registered_with_texts() -> None:
    from werkpost.core.messages import CATALOGUE

    hrxml_codes = [code for code in CATALOGUE if code.startswith("hrxml.") or code.startswith("request.xml")]
    assert "request.invalid_xml" in CATALOGUE
    assert len(hrxml_codes) >= 15
    for code in hrxml_codes:
        mtype = CATALOGUE[code]
        assert str(mtype.text)
        assert str(mtype.explanation)
        assert str(mtype.fix)
        assert (mtype.status == 400) == code.startswith("request.")


# --- the samples ---------------------------------------------------------------------------------


SAMPLE_FILES = sorted(p.name for p in SAMPLES.glob("*.xml") if p.name != "batch-envelope.xml")


def test_there_are_the_documented_samples() -> None:
    assert {"bakker.xml", "no-namespace.xml", "uitzendkracht.xml"} <= set(SAMPLE_FILES)
    assert (SAMPLES / "batch-envelope.xml").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_samples_pass_the_checks(name: str) -> None:
    p = parse_hrxml((SAMPLES / name).read_bytes())
    found = checked(p)
    assert not [msg for msg in found if msg.severity == Severity.ERROR], found


@pytest.mark.django_db
def test_batch_envelope_items_pass_the_checks() -> None:
    with (SAMPLES / "batch-envelope.xml").open("rb") as stream:
        items = list(iter_hrxml_items(stream))
    assert [i for i, _p in items] == [0, 1, 2]
    for _index, item in items:
        assert isinstance(item, Parsed)
        assert not [msg for msg in checked(item) if msg.severity == Severity.ERROR]
    assert [p.data["vacancyId"] for _i, p in items if isinstance(p, Parsed)] == ["BATCH-001", "BATCH-002", "BATCH-003"]


def test_sample_details() -> None:
    plain = parse_hrxml((SAMPLES / "no-namespace.xml").read_bytes())
    assert plain.data["occupationCode"] == "4321"  # the bare four-digit code, not O*NET
    assert plain.data["owner"]["establishmentNumber"] == "2.123.456.791"
    assert plain.data["publication"] == {"end": "2027-01-21"}  # 60 days from today
    assert set(codes(plain.messages)) == {"hrxml.user_area_ignored", "hrxml.description_block_ignored"}
    agency = parse_hrxml((SAMPLES / "uitzendkracht.xml").read_bytes())
    assert agency.data["intermediary"] == {
        "type": "temp_agency",
        "name": "Flexpro Uitzendkantoor Kortrijk",
        "recognitionNumber": "VG.1234/BU",
    }
    assert agency.data["contract"]["workSystems"] == ["three_shifts"]
    assert agency.data["requirements"] == {"experienceMonths": 12, "certificates": ["haccp"]}


def _schema() -> Any:
    return etree.XMLSchema(etree.parse(str(XSD_PATH), secure_parser()))


def _namespaced(el: Any) -> Any:
    """A PositionOpening in the HR-XML namespace (the XSD describes the namespaced form)."""
    el = copy.deepcopy(el)
    for node in el.iter():
        if isinstance(node.tag, str) and not node.tag.startswith("{"):
            node.tag = f"{{{HRXML_NS}}}{node.tag}"
    return el


@pytest.mark.parametrize("name", [*SAMPLE_FILES, "batch-envelope.xml"])
def test_samples_validate_against_the_profile_xsd(name: str) -> None:
    schema = _schema()
    root = etree.parse(str(SAMPLES / name), secure_parser()).getroot()
    openings = (
        [root]
        if etree.QName(root).localname == "PositionOpening"
        else list(root.iter(f"{{{HRXML_NS}}}PositionOpening"))
    )
    assert openings
    for opening in openings:
        doc = _namespaced(opening)
        assert schema.validate(doc), schema.error_log


def test_xsd_rejects_what_the_profile_does_not_allow() -> None:
    schema = _schema()
    root = etree.fromstring(BAKKER, secure_parser())
    assert schema.validate(root)
    one(root, "//h:BasePay").set("baseInterval", "Fortnightly")
    assert not schema.validate(root)


# --- the API, end to end -------------------------------------------------------------------------


@pytest.fixture
def xml_api(api: ApiClient) -> Iterator[ApiClient]:
    saved = dict(parsing.PARSERS)
    parsing.register_parser((XML, "text/xml"), parse_hrxml)
    cache.clear()
    yield api
    parsing.PARSERS.clear()
    parsing.PARSERS.update(saved)


@pytest.mark.django_db
def test_put_bakker_xml_is_accepted(xml_api: ApiClient) -> None:
    response = xml_api.put("/vacancies/REQ-2026-0042", BAKKER, content_type=XML)
    assert response.status_code == 201, response.json()["messages"]
    assert response.json()["outcome"] == "accepted"


@pytest.mark.django_db
def test_put_without_title_is_422_with_path_and_xpath(xml_api: ApiClient) -> None:
    response = xml_api.put("/vacancies/REQ-2026-0042", edited(remove("//h:PositionTitle")), content_type=XML)
    assert response.status_code == 422
    messages = response.json()["messages"]
    title = next(msg for msg in messages if msg["path"] == "/title")
    assert (title["code"], title["xpath"]) == ("schema.required", DETAIL + "/PositionTitle")


@pytest.mark.django_db
@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_validate_accepts_every_sample(xml_api: ApiClient, name: str) -> None:
    response = xml_api.post("/validate", (SAMPLES / name).read_bytes(), content_type=XML)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["outcome"] in ("accepted", "accepted_with_warnings"), body
    if name == "bakker.xml":
        assert body["outcome"] == "accepted", body
    for msg in body["messages"]:
        assert msg["xpath"].startswith("/PositionOpening"), msg


@pytest.mark.django_db
def test_validate_answers_hostile_xml_with_a_problem(xml_api: ApiClient) -> None:
    response = xml_api.post("/validate", XXE, content_type=XML)
    assert response.status_code == 400
    assert response.json()["code"] == "request.xml_doctype_forbidden"
    assert "root:" not in response.content.decode()


# --- streaming batches ---------------------------------------------------------------------------


def _item(vacancy_id: str) -> bytes:
    body = BAKKER.split(b"-->", 1)[1]
    return body.replace(b"REQ-2026-0042", vacancy_id.encode())


def test_iterator_yields_every_item_in_order_with_its_xpath() -> None:
    stream = io.BytesIO(b"<Batch>" + b"".join(_item(f"V{i}") for i in range(5)) + b"</Batch>")
    items = list(iter_hrxml_items(stream))
    assert [(i, p.data["vacancyId"]) for i, p in items if isinstance(p, Parsed)] == [(i, f"V{i}") for i in range(5)]
    last = items[4][1]
    assert isinstance(last, Parsed)
    assert last.xpaths["/title"] == "/Batch/PositionOpening[5]/PositionProfile/PositionDetail/PositionTitle"


def test_a_broken_item_does_not_stop_the_others() -> None:
    deep = _item("DEEP").replace(b"<PositionTitle>", b"<x>" * 70 + b"</x>" * 70 + b"<PositionTitle>")
    many = _item("ATTRS").replace(
        b"<PositionTitle>", b"<PositionTitle " + b" ".join(b'a%d="1"' % i for i in range(40)) + b">"
    )
    untitled = edited(remove("//h:PositionTitle"), _item("NOTITLE")).split(b"?>", 1)[1]
    stream = io.BytesIO(b"<Batch>" + _item("A") + deep + many + untitled + _item("B") + b"</Batch>")
    items = list(iter_hrxml_items(stream))
    assert [i for i, _p in items] == [0, 1, 2, 3, 4]
    deep_error, crowded_error, untitled_item = items[1][1], items[2][1], items[3][1]
    assert isinstance(deep_error, ParseError)
    assert deep_error.problem.code == "request.xml_too_deep"
    assert isinstance(crowded_error, ParseError)
    assert crowded_error.problem.code == "request.xml_too_many_attributes"
    assert isinstance(untitled_item, Parsed)
    assert "title" not in untitled_item.data  # rejected later, by the pipeline
    assert [p.data["vacancyId"] for _i, p in (items[0], items[4]) if isinstance(p, Parsed)] == ["A", "B"]


def test_malformed_xml_raises_from_the_iterator_after_the_good_items() -> None:
    stream = io.BytesIO(b"<Batch>" + _item("A") + b"<PositionOpening><oops></PositionOpening></Batch>")
    seen: list[int] = []

    def consume() -> None:
        for index, _p in iter_hrxml_items(stream):
            seen.append(index)

    with pytest.raises(ParseError) as info:
        consume()
    assert seen == [0]
    assert info.value.problem.code == "request.invalid_xml"
    assert info.value.params["line"] >= 1


def test_doctype_raises_from_the_iterator_and_the_counter() -> None:
    body = b'<!DOCTYPE Batch [<!ENTITY x "y">]><Batch>' + _item("A") + b"</Batch>"
    with pytest.raises(ParseError) as info:
        list(iter_hrxml_items(io.BytesIO(body)))
    assert info.value.problem.code == "request.xml_doctype_forbidden"
    with pytest.raises(ParseError):
        count_hrxml_items(io.BytesIO(body))


def test_counter_counts_items_at_any_depth_and_namespace() -> None:
    body = (
        b"<a><b>"
        + _item("1")
        + b"</b><PositionOpening/>"
        + _item("2").replace(b'xmlns="http', b'xmlns:q="urn:q" xmlns="http')
        + b"</a>"
    )
    assert count_hrxml_items(io.BytesIO(body)) == 3
    assert count_hrxml_items(io.BytesIO(b"<a/>")) == 0


def test_batch_size_limit_is_enforced_while_reading() -> None:
    body = b"<Batch>" + _item("A") * 3 + b"</Batch>"
    with pytest.raises(ParseError) as info:
        list(iter_hrxml_items(io.BytesIO(body), max_bytes=len(body) // 2))
    assert info.value.problem.code == "request.body_too_large"


COMPACT_ITEM = b"""<PositionOpening xmlns="http://ns.hr-xml.org/2007-04-15">
  <PositionRecordInfo><Id><IdValue>ID-XXXXXX</IdValue></Id></PositionRecordInfo>
  <PositionProfile xml:lang="nl">
    <PositionDateInfo/>
    <Organization><OrganizationName>Bakkerij Janssens</OrganizationName>
      <OrganizationId><IdValue>0403.170.701</IdValue></OrganizationId></Organization>
    <PositionDetail>
      <PhysicalLocation><PostalAddress><CountryCode>BE</CountryCode><PostalCode>9000</PostalCode></PostalAddress></PhysicalLocation>
      <JobCategory><TaxonomyName>ISCO</TaxonomyName><CategoryCode>7512</CategoryCode></JobCategory>
      <PositionTitle>Bakker</PositionTitle>
      <PositionClassification>Direct Hire</PositionClassification>
      <PositionSchedule>Full Time</PositionSchedule>
    </PositionDetail>
    <FormattedPositionDescription><Name>description</Name><Value>Brood bakken.</Value></FormattedPositionDescription>
    <HowToApply><ApplicationMethod><InternetEmailAddress>jobs@example.be</InternetEmailAddress>
    </ApplicationMethod></HowToApply>
  </PositionProfile>
</PositionOpening>
"""


class _GeneratedBatch(io.RawIOBase):
    """An envelope of `count` items, generated while it is read (never held in memory)."""

    def __init__(self, count: int, item: bytes = COMPACT_ITEM) -> None:
        self.parts = self._parts(count, item)
        self.buffer = b""
        self.size = 0

    @staticmethod
    def _parts(count: int, item: bytes) -> Iterator[bytes]:
        yield b'<?xml version="1.0" encoding="UTF-8"?>\n<Batch>'
        for i in range(count):
            yield item.replace(b"ID-XXXXXX", b"ID-%06d" % i)
        yield b"</Batch>"

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        while len(self.buffer) < size:
            part = next(self.parts, None)
            if part is None:
                break
            self.buffer += part
        chunk, self.buffer = self.buffer[:size], self.buffer[size:]
        self.size += len(chunk)
        return chunk


def _rss() -> int:
    """Resident memory of this process (Linux), 0 where unknown."""
    try:
        return int(Path("/proc/self/statm").read_text().split()[1]) * 4096
    except (OSError, IndexError, ValueError):
        return 0


def test_generated_items_are_complete_vacancies() -> None:
    (_index, item), *_rest = iter_hrxml_items(_GeneratedBatch(1))
    assert isinstance(item, Parsed)
    assert {
        "vacancyId",
        "title",
        "occupationCode",
        "description",
        "language",
        "owner",
        "contract",
        "workplaces",
    } <= set(item.data)


def test_memory_stays_flat_for_20000_items() -> None:
    gc.collect()
    rss_before = _rss()
    batch = _GeneratedBatch(20_000)
    tracemalloc.start()
    try:
        started = time.perf_counter()
        count, last = 0, ""
        for index, item in iter_hrxml_items(batch):
            assert isinstance(item, Parsed)
            count, last = index + 1, item.data["vacancyId"]
        elapsed = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (count, last) == (20_000, "ID-019999")
    assert peak < 4 * 1024 * 1024, f"traced peak {peak / 1e6:.1f} MB"
    # libxml2's own memory is not traced: the tree must not grow with the file either
    assert _rss() - rss_before < 32 * 1024 * 1024, (
        f"{batch.size / 1e6:.0f} MB read, RSS grew {(_rss() - rss_before) / 1e6:.0f} MB"
    )
    size = batch.size / 1e6
    print(f"\n20,000 items ({size:.1f} MB) in {elapsed:.1f}s with tracemalloc, traced peak {peak / 1e6:.2f} MB")


def test_counting_20000_items_is_flat() -> None:
    gc.collect()
    rss_before = _rss()
    batch = _GeneratedBatch(20_000, _item("ID-XXXXXX"))  # full-size items: 80 MB of XML
    started = time.perf_counter()
    assert count_hrxml_items(batch) == 20_000
    elapsed = time.perf_counter() - started
    assert _rss() - rss_before < 32 * 1024 * 1024
    print(f"\ncounted 20,000 items ({batch.size / 1e6:.0f} MB) in {elapsed:.1f}s")


# --- hostile XML ---------------------------------------------------------------------------------

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE PositionOpening [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<PositionOpening><PositionProfile><PositionDetail><PositionTitle>&xxe;</PositionTitle></PositionDetail></PositionProfile></PositionOpening>"""

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol0 "lol">\n'
    + b"".join(b' <!ENTITY lol%d "%s">\n' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10))
    + b"]>\n<PositionOpening><PositionProfile><PositionDetail><PositionTitle>&lol9;</PositionTitle>"
    + b"</PositionDetail></PositionProfile></PositionOpening>"
)

QUADRATIC = (
    b'<?xml version="1.0"?><!DOCTYPE PositionOpening [<!ENTITY a "'
    + b"x" * 50_000
    + b'">]><PositionOpening><PositionProfile><PositionDetail><PositionTitle>'
    + b"&a;" * 20_000
    + b"</PositionTitle></PositionDetail></PositionProfile></PositionOpening>"
)

HOSTILE: list[tuple[str, bytes, str]] = [
    ("xxe", XXE, "request.xml_doctype_forbidden"),
    ("billion laughs", BILLION_LAUGHS, "request.xml_doctype_forbidden"),
    ("quadratic blow-up", QUADRATIC, "request.xml_doctype_forbidden"),
    (
        "external dtd",
        b'<?xml version="1.0"?><!DOCTYPE PositionOpening SYSTEM "http://127.0.0.1:9/evil.dtd"><PositionOpening/>',
        "request.xml_doctype_forbidden",
    ),
    (
        "parameter entities",
        b'<!DOCTYPE x [<!ENTITY % remote SYSTEM "file:///etc/passwd"> %remote; '
        b"<!ENTITY % e \"<!ENTITY f 'g'>\"> %e;]><x>&f;</x>",
        "request.xml_doctype_forbidden",
    ),
    (
        "doctype after a comment, lower case",
        b"<?xml version='1.0'?>\n<!-- export -->\n<!doctype x SYSTEM 'file:///etc/passwd'><x/>",
        "request.xml_doctype_forbidden",
    ),
    (
        "undefined entity without dtd",
        BAKKER.replace(b"<PositionTitle>Bakker", b"<PositionTitle>&xxe;"),
        "request.invalid_xml",
    ),
    (
        "10,000 levels",
        b"<PositionOpening>" + b"<a>" * 10_000 + b"</a>" * 10_000 + b"</PositionOpening>",
        "request.xml_too_deep",
    ),
    ("65 levels", b"<PositionOpening>" + b"<a>" * 64 + b"</a>" * 64 + b"</PositionOpening>", "request.xml_too_deep"),
    (
        "many attributes",
        b"<PositionOpening " + b" ".join(b'a%d="1"' % i for i in range(50_000)) + b"/>",
        "request.xml_too_many_attributes",
    ),
    (
        "invalid utf-8",
        BAKKER.replace(b"Bakker</PositionTitle>", b"Bakker \xff\xfe</PositionTitle>"),
        "request.invalid_encoding",
    ),
    (
        "overlong utf-8",
        BAKKER.replace(b"Bakker</PositionTitle>", b"Bakker \xc0\xbc</PositionTitle>"),
        "request.invalid_encoding",
    ),
    (
        "latin-1 declared and encoded",
        BAKKER.replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"').replace(
            b"Bakker</PositionTitle>", b"Bakker caf\xe9</PositionTitle>"
        ),
        "request.xml_encoding_unsupported",
    ),
    (
        "utf-16 declared and encoded",
        BAKKER.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"),
        "request.xml_encoding_unsupported",
    ),
    (
        "utf-16 without bom",
        BAKKER.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le"),
        "request.xml_encoding_unsupported",
    ),
    ("not xml", b"title=Bakker&occupationCode=7512", "request.invalid_xml"),
    ("empty", b"", "request.invalid_xml"),
    ("json", json.dumps({"title": "Bakker"}).encode(), "request.invalid_xml"),
    ("truncated", BAKKER[: len(BAKKER) // 2], "request.invalid_xml"),
    ("two roots", BAKKER + b"<PositionOpening/>", "request.invalid_xml"),
    ("too large", b"<PositionOpening>" + b" " * (1024 * 1024) + b"</PositionOpening>", "request.body_too_large"),
]


@pytest.mark.parametrize(("body", "code"), [h[1:] for h in HOSTILE], ids=[h[0] for h in HOSTILE])
def test_hostile_xml_gets_a_coded_4xx_in_milliseconds(body: bytes, code: str) -> None:
    err, elapsed = problem(body)
    assert err.problem.code == code
    assert err.problem.status is not None
    assert 400 <= err.problem.status < 500
    assert elapsed < 0.25, f"{elapsed * 1000:.0f} ms"
    leaked = json.dumps(err.params, default=str) + str(err)
    for secret in ("root:", "/bin/", "lollol"):
        assert secret not in leaked
    # streaming answers the same: raised for the whole stream, or as the error of the item
    try:
        seen = [
            item.problem.code
            for _i, item in iter_hrxml_items(io.BytesIO(body), max_bytes=1024 * 1024)
            if isinstance(item, ParseError)
        ]
    except ParseError as exc:
        seen = [exc.problem.code]
    assert code in seen


def test_timings_of_hostile_inputs_are_reported(capsys: pytest.CaptureFixture[str]) -> None:
    lines = []
    for name, body, _code in HOSTILE:
        started = time.perf_counter()
        with pytest.raises(ParseError):
            parse_hrxml(body)
        lines.append(f"{name}: {(time.perf_counter() - started) * 1000:.2f} ms")
    with capsys.disabled():
        print("\n" + "\n".join(lines))


XI_INCLUDE = b'<xi:include href="file:///etc/passwd" parse="text"/>'


def test_xinclude_is_not_processed() -> None:
    body = BAKKER.replace(
        b"<PositionTitle>Bakker</PositionTitle>",
        b'<PositionTitle xmlns:xi="http://www.w3.org/2001/XInclude">Bakker' + XI_INCLUDE + b"</PositionTitle>",
    ).replace(
        b"<Value><![CDATA[<p>Je hebt",
        b'<Value xmlns:xi="http://www.w3.org/2001/XInclude">' + XI_INCLUDE + b"<![CDATA[<p>Je hebt",
    )
    p = parse_hrxml(body)
    assert "root:" not in json.dumps(p.data)
    assert p.data["title"] == "Bakker"


def test_external_references_in_user_area_or_schema_location_are_not_fetched() -> None:
    body = BAKKER.replace(
        b'xmlns:wp="urn:werkpost:hrxml:1">',
        b'xmlns:wp="urn:werkpost:hrxml:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        b'xsi:schemaLocation="http://ns.hr-xml.org/2007-04-15 http://127.0.0.1:9/PositionOpening.xsd">',
    )
    started = time.perf_counter()
    assert parse_hrxml(body).data["title"] == "Bakker"
    assert time.perf_counter() - started < 0.25


def test_a_2_mb_text_node_within_limits_is_fine() -> None:
    text = "Lange tekst. " * (2 * 1024 * 1024 // 13)
    body = BAKKER.replace(
        b"Een vast contract, een correct loon", text.encode() + b"Een vast contract, een correct loon"
    )
    assert len(body) > 2 * 1024 * 1024
    started = time.perf_counter()
    p = parse_hrxml(body, max_bytes=4 * 1024 * 1024)
    assert len(p.data["offer"]) > 2 * 1024 * 1024
    assert time.perf_counter() - started < 1
    err, _ = problem(body)  # over the single-vacancy body limit (1 MB) without an explicit larger one
    assert err.problem.code == "request.body_too_large"


def test_utf8_bom_comments_and_processing_instructions_are_fine() -> None:
    body = b"\xef\xbb\xbf" + BAKKER.replace(b"<PositionTitle>", b"<?pi data?><!-- c --><PositionTitle>")
    assert parse_hrxml(body).data["title"] == "Bakker"
    assert parse_hrxml(BAKKER.replace(b'encoding="UTF-8"', b"encoding='utf8'")).data["title"] == "Bakker"


def test_invalid_xml_names_line_and_column() -> None:
    err, _ = problem(b'<?xml version="1.0"?>\n<PositionOpening>\n  <PositionTitle>Bakker</Title>\n</PositionOpening>')
    assert err.problem.code == "request.invalid_xml"
    assert err.params["line"] == 3
    assert err.params["column"] > 0
    assert "PositionTitle" in err.params["reason"]
