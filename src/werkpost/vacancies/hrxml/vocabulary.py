"""The HR-XML vocabulary werkpost reads: namespaces, our UserArea extension elements, and the
value lists mapped to API codes (keys normalised by `_key`: lower case, letters and digits only)."""

from __future__ import annotations

import re

HRXML_NS = "http://ns.hr-xml.org/2007-04-15"
WP_NS = "urn:werkpost:hrxml:1"  # our UserArea extension
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_WP_TAG = "{" + WP_NS + "}"
_WP_TAG_LEN = len(_WP_TAG)

# --- vocabularies (keys: lower case, letters and digits only) -----------------------------------

_CLASSIFICATIONS: dict[str, tuple[str, str | None]] = {}
for _keys, _value in (
    (
        "directhire permanent regular vast vastcontract vastebetrekking onbepaaldeduur cdi",
        ("permanent", "indefinite"),
    ),
    ("temporary contract fixedterm tijdelijk tijdelijkcontract bepaaldeduur cdd", ("temporary", "fixed_term")),
    (
        "temptohire temptoperm uitzendarbeid uitzend uitzendwerk interim tempagency temporaryagencywork agencywork",
        ("temp_agency_work", None),
    ),
    ("internship stage intern traineeship", ("internship", None)),
    ("seasonal seizoensarbeid seizoenwerk", ("seasonal", "fixed_term")),
    ("student studentenjob jobstudent studentjob", ("student", None)),
    ("freelance zelfstandige selfemployed", ("freelance", None)),
    ("flexi flexijob", ("flexi", None)),
    ("replacement vervanging vervangingscontract", ("replacement", "fixed_term")),
):
    for _key_word in _keys.split():
        _CLASSIFICATIONS[_key_word] = _value

_REGIMES = {
    **dict.fromkeys(("fulltime", "full", "voltijds", "voltijd", "voltijdse", "tempsplein"), "full_time"),
    **dict.fromkeys(("parttime", "part", "deeltijds", "deeltijd", "deeltijdse", "tempspartiel"), "part_time"),
}
_WORK_SYSTEMS = {
    **dict.fromkeys(("day", "daywork", "dagwerk", "dayshift"), "day"),
    **dict.fromkeys(("night", "nightwork", "nachtwerk", "nightshift"), "night"),
    **dict.fromkeys(("weekend", "weekendwork", "weekendwerk"), "weekend"),
    **dict.fromkeys(("twoshifts", "2shifts", "tweeploegen", "tweeploegenstelsel"), "two_shifts"),
    **dict.fromkeys(("threeshifts", "3shifts", "drieploegen", "drieploegenstelsel"), "three_shifts"),
    **dict.fromkeys(("continuous", "volcontinu", "continuousshifts"), "continuous"),
    **dict.fromkeys(("splitshift", "onderbrokendienst"), "split_shift"),
    **dict.fromkeys(("flexible", "flexiblehours", "flexibeleuren", "flextime"), "flexible"),
}
_PAY_PERIODS = {
    **dict.fromkeys(("hourly", "hour", "perhour", "uur", "peruur"), "hour"),
    **dict.fromkeys(("monthly", "month", "permonth", "maand", "permaand"), "month"),
    **dict.fromkeys(("yearly", "annually", "annual", "year", "peryear", "jaar", "perjaar"), "year"),
}
_TEXT_BLOCKS = {
    **dict.fromkeys(
        (
            "description",
            "functieomschrijving",
            "omschrijving",
            "jobdescription",
            "positiondescription",
            "summarydescription",
            "functie",
            "vacaturetekst",
            "taken",
            "tasks",
            "responsibilities",
        ),
        "description",
    ),
    **dict.fromkeys(
        (
            "profile",
            "profiel",
            "requirements",
            "candidateprofile",
            "qualifications",
            "vereisten",
            "functievereisten",
            "jouwprofiel",
            "uwprofiel",
            "gevraagdprofiel",
        ),
        "profile",
    ),
    **dict.fromkeys(
        ("offer", "aanbod", "weoffer", "whatweoffer", "onsaanbod", "wijbieden", "wijbiedenjou", "benefits"),
        "offer",
    ),
}
_COMPETENCIES = {
    **dict.fromkeys(
        ("educationlevel", "education", "opleidingsniveau", "opleiding", "isced", "levelofeducation"), "education"
    ),
    **dict.fromkeys(("experience", "workexperience", "ervaring", "werkervaring"), "experience"),
    **dict.fromkeys(("language", "languages", "taal", "talenkennis", "languageskill"), "language"),
    **dict.fromkeys(
        ("driverslicense", "driverslicence", "drivinglicense", "drivinglicence", "rijbewijs"), "driving_licence"
    ),
    **dict.fromkeys(("certificate", "certification", "attest", "certificaat"), "certificate"),
}
_EXTENSIONS = frozenset(
    {
        "Language",
        "Remote",
        "WorkSystem",
        "HoursPerWeek",
        "ContractType",
        "ContractDuration",
        "IntermediaryType",
        "RecognitionNumber",
    }
)

_KEY = re.compile(r"[^a-z0-9]")


_KEYS: dict[str, str] = {}  # _key's results: the values are mostly a few words of a vocabulary


def _key(value: str) -> str:
    key = _KEYS.get(value)
    if key is None:
        key = value.strip().lower()
        if key.startswith("x:"):  # HR-XML's convention for values outside its own lists
            key = key[2:]
        key = _KEY.sub("", key)
        if len(_KEYS) < 4096 and len(value) <= 64:  # the values come from the content: keep the cache small
            _KEYS[value] = key
    return key
