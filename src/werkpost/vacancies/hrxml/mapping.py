"""One PositionOpening element → the JSON API's document (camelCase, the same dict a partner
would PUT as JSON) plus, for every JSON Pointer, the XPath of the element it came from — or
where it should be, so that a message about a missing field names the element to add. The
mapping is documented in docs/hr-xml.md."""

from __future__ import annotations

import datetime as dt
import html
import re
import typing
from dataclasses import replace
from typing import Any

from werkpost.core import clock
from werkpost.core.messages import Message, MessageType
from werkpost.vacancies.hrxml.messages import (
    CONTRACT_TYPE_MISSING,
    DESCRIPTION_BLOCK_IGNORED,
    DESCRIPTION_MISSING,
    ENTERPRISE_NUMBER_MISSING,
    LANGUAGE_MISSING,
    OCCUPATION_MISSING,
    OWNER_MISSING,
    PAY_INTERVAL_UNSUPPORTED,
    PROFILE_IGNORED,
    REGIME_MISSING,
    UNKNOWN_EXTENSION,
    UNKNOWN_POSITION_CLASSIFICATION,
    UNKNOWN_POSITION_SCHEDULE,
    USER_AREA_IGNORED,
)
from werkpost.vacancies.hrxml.vocabulary import (
    _CLASSIFICATIONS,
    _COMPETENCIES,
    _EXTENSIONS,
    _PAY_PERIODS,
    _REGIMES,
    _TEXT_BLOCKS,
    _WORK_SYSTEMS,
    _WP_TAG,
    _WP_TAG_LEN,
    WP_NS,
    XML_LANG,
    _key,
)
from werkpost.vacancies.parsing import Parsed

type Element = Any  # lxml.etree._Element (lxml ships no type stubs)

# Elements that stand for a list item: their XPath always carries a position, e.g. PhysicalLocation[1].
_INDEXED = frozenset({"PhysicalLocation", "JobCategory", "FormattedPositionDescription", "Competency"})
_INDEXED_NAMES = _INDEXED | {"wp:" + name for name in _INDEXED}

# \A…\Z (never ^…$, where `$` lets a final newline through); digits are ASCII digits.
_DATE = re.compile(r"\A(\d{4}-\d{2}-\d{2})(?:T[0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\Z", re.ASCII)
_INT = re.compile(r"\A[+-]?\d+\Z", re.ASCII)
_NUMBER = re.compile(r"\A[+-]?(\d+([.,]\d*)?|[.,]\d+)\Z", re.ASCII)
_LANG = re.compile(r"\A([A-Za-z]{2,3})(?:[-_]|\Z)")
_ISCED = re.compile(r"\A(?:isced)?[\s_-]*([0-8])\Z", re.I)
_CEFR = re.compile(r"\A[ABC][12]\Z")
_ADDRESS_LINE = re.compile(r"\A(.*?[^\d\s,])[\s,]+(\d+\s?[A-Za-z]?(?:\s*(?:bus|box|b\.|/|-)\s*\w+)?)\Z", re.I)
_POSTING_DAYS = re.compile(r"\AP?(\d+)D?\Z", re.I | re.ASCII)


# --- element helpers -----------------------------------------------------------------------------


def _local(el: Element) -> str:
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _ns(el: Element) -> str:
    tag = el.tag
    return tag[1:].partition("}")[0] if isinstance(tag, str) and tag.startswith("{") else ""


def _text(el: Element | None) -> str | None:
    """The stripped text of an element (its first text child if it wraps one, as AnyDate does)."""
    if el is None:
        return None
    text = el.text
    if text is not None and (text := text.strip()):
        return typing.cast("str", text)
    if len(el):
        text = (el[0].text or "").strip()
    return text or None


def _descendant(el: Element | None, name: str) -> Element | None:
    if el is None:
        return None
    for found in el.iterdescendants("{*}" + name):
        if not found.tag.startswith(_WP_TAG):
            return found
    return None


def _number(text: str) -> Any:
    """A number as JSON would carry it; text that is no number stays text (the schema says so)."""
    if _INT.match(text):
        return int(text)
    if _NUMBER.match(text):
        value = float(text.replace(",", ".") if "." not in text else text)
        return int(value) if value.is_integer() else value
    return text


def _date(text: str) -> str:
    match = _DATE.match(text)
    return match.group(1) if match else text


def _inner_html(el: Element) -> str:
    """Markup written as XML elements inside Value (instead of CDATA) as plain HTML: local names,
    no attributes but href. Text stays as it is: the text of a Value is HTML (usually CDATA), and
    the sanitiser of the validate step decides what remains."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):
            name = _local(child).lower()
            href = child.get("href") if name == "a" else None
            attrs = f' href="{html.escape(href)}"' if href else ""
            parts.append(f"<{name}{attrs}>" if name == "br" else f"<{name}{attrs}>{_inner_html(child)}</{name}>")
        parts.append(child.tail or "")
    return "".join(parts)


def _markup(el: Element | None) -> str | None:
    if el is None:
        return None
    value = (el.text or "") if not len(el) else _inner_html(el)
    return value.strip() or None


_NONE: list[Element] = []  # shared, never changed


_NAMES: dict[str, str] = {}  # tag → name in _index (tags repeat from item to item)


def _index(po: Element, base: str) -> tuple[dict[Element, dict[str, list[Element]]], dict[Element, str]]:
    """One pass over the item: the children of every element by name (the local name, our
    extension's as "wp:Name"), and the XPath of every element: Name, or Name[n] when the name
    repeats among its siblings or stands for a list item."""
    kids: dict[Element, dict[str, list[Element]]] = {}
    names = _NAMES
    for el in po.iterdescendants():  # one iterator in document order: cheaper in lxml than one per parent
        tag = el.tag
        name = names.get(tag)
        if name is None:
            if not isinstance(tag, str):
                continue  # comments and processing instructions are removed when parsing
            name = "wp:" + tag[_WP_TAG_LEN:] if tag.startswith(_WP_TAG) else tag.rpartition("}")[2]
            if len(names) < 4096:  # the tags come from the content: keep the cache bounded
                names[tag] = name
        parent = el.getparent()
        found = kids.get(parent)
        if found is None:
            kids[parent] = {name: [el]}
        elif (same := found.get(name)) is None:
            found[name] = [el]
        else:
            same.append(el)
    paths: dict[Element, str] = {po: base}
    for parent, found in kids.items():  # in document order of the first child: parents come first
        prefix = paths[parent] + "/"
        for name, same in found.items():
            if len(same) == 1 and name not in _INDEXED_NAMES:
                paths[same[0]] = prefix + name
            else:
                for n, el in enumerate(same, 1):
                    paths[el] = f"{prefix}{name}[{n}]"
    return kids, paths


# --- the mapping ---------------------------------------------------------------------------------


class _Mapper:
    """One PositionOpening element → the JSON API document, its XPaths and format messages."""

    def __init__(self, po: Element, base: str) -> None:
        self.po = po
        self.base = base
        self.data: dict[str, Any] = {}
        self.xpaths: dict[str, str] = {"": base}
        self.messages: list[Message] = []
        self.ext: dict[str, list[Element]] = {}
        self.kids, self.paths = _index(po, base)

    # locations (the children by name and every element's XPath, from one pass over the item)

    def xp(self, el: Element) -> str:
        return self.paths[el]

    def children(self, el: Element | None, name: str) -> list[Element]:
        if el is None:
            return _NONE
        found = self.kids.get(el)
        return _NONE if found is None else found.get(name, _NONE)

    def child(self, el: Element | None, *names: str) -> Element | None:
        kids = self.kids
        for name in names:
            found = kids.get(el)  # None for None: no element is None
            same = found.get(name) if found is not None else None
            if same is None:
                return None
            el = same[0]
        return el

    def loc(self, el: Element | None, path: str, *names: str) -> tuple[Element | None, str]:
        """Walk child names from `el` (at XPath `path`): the element found, and its XPath — or
        the XPath where it should be."""
        kids = self.kids
        for i, name in enumerate(names):
            found = kids.get(el)
            same = found.get(name) if found is not None else None
            if same is None:
                return None, "/".join((self.paths[el] if i else path, *names[i:]))
            el = same[0]
        return el, (self.paths[el] if names else path)

    def note(self, mtype: MessageType, pointer: str, xpath: str, **params: Any) -> None:
        self.messages.append(replace(mtype(pointer, **params), xpath=xpath))

    def extension(self, name: str) -> tuple[Element | None, str | None, str]:
        """Our UserArea element `name`: the element, its text and its XPath (or where it belongs)."""
        found = self.ext.get(name)
        if found:
            return found[0], _text(found[0]), self.xp(found[0])
        area = self.child(self.po, "UserArea")
        return None, None, (self.xp(area) if area is not None else self.base + "/UserArea") + f"/wp:{name}"

    # the document

    def run(self) -> Parsed:
        po = self.po
        self.read_user_areas()
        profiles = self.children(po, "PositionProfile")
        profile = profiles[0] if profiles else None
        if len(profiles) > 1:
            self.note(PROFILE_IGNORED, "", self.xp(profiles[1]), count=len(profiles) - 1)
        p_xp = self.xp(profile) if profile is not None else self.base + "/PositionProfile"
        detail, d_xp = self.loc(profile, p_xp, "PositionDetail")

        id_el, id_xp = self.loc(po, self.base, "PositionRecordInfo", "Id", "IdValue")
        self.xpaths["/vacancyId"] = id_xp
        if (vacancy_id := _text(id_el)) is not None:
            self.data["vacancyId"] = vacancy_id

        title_el, self.xpaths["/title"] = self.loc(detail, d_xp, "PositionTitle")
        if (title := _text(title_el)) is not None:
            self.data["title"] = title

        self.occupation(detail, d_xp)
        self.texts(profile, p_xp)
        self.language(profile, p_xp)

        count_el, self.xpaths["/positions"] = self.loc(po, self.base, "NumberToFill")
        if (count := _text(count_el)) is not None:
            self.data["positions"] = _number(count)

        self.owner(profile, p_xp, detail)
        contract_type = self.contract(profile, p_xp, detail, d_xp)
        self.intermediary(contract_type)
        self.workplaces(detail, d_xp)
        _el, remote, self.xpaths["/remote"] = self.extension("Remote")
        if remote is not None:
            self.data["remote"] = remote.lower()
        self.salary(detail, d_xp)
        self.requirements(detail, d_xp)
        self.application(profile, p_xp)
        self.publication()
        return Parsed(self.data, self.xpaths, self.messages, plain_text=True)  # XML allows no control characters

    def read_user_areas(self) -> None:
        for area in self.po.iter("{*}UserArea"):
            if next(area.iterancestors("{*}UserArea"), None) is not None:
                continue  # reported with the outer one
            ignored: list[str] = []
            if (area.text or "").strip():
                ignored.append("text")
            for child in area:
                if not isinstance(child.tag, str):
                    continue
                name = _local(child)
                if _ns(child) != WP_NS:
                    ignored.append(name)
                elif name in _EXTENSIONS:
                    self.ext.setdefault(name, []).append(child)
                else:
                    self.note(UNKNOWN_EXTENSION, "", self.xp(child), element=name)
                if (child.tail or "").strip():
                    ignored.append("text")
            if ignored:
                names = list(dict.fromkeys(ignored))
                shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
                self.note(USER_AREA_IGNORED, "", self.xp(area), elements=shown)

    def occupation(self, detail: Element | None, d_xp: str) -> None:
        categories = self.children(detail, "JobCategory")
        chosen: tuple[Element, str] | None = None
        bare: tuple[Element, str] | None = None  # a 4-digit code without taxonomy name
        for category in categories:
            code_el = self.child(category, "CategoryCode")
            code = _text(code_el)
            if code is None:
                continue
            taxonomy = _text(self.child(category, "TaxonomyName"))
            if taxonomy is not None and _key(taxonomy).startswith("isco"):
                chosen = (code_el, code)
                break
            if taxonomy is None and bare is None and re.fullmatch(r"\d{4}", code):
                bare = (code_el, code)
        chosen = chosen or bare
        if chosen is not None:
            self.data["occupationCode"] = chosen[1]
            self.xpaths["/occupationCode"] = self.xp(chosen[0])
        else:
            xpath = self.xp(categories[0]) if categories else d_xp + "/JobCategory"
            self.xpaths["/occupationCode"] = xpath
            self.note(OCCUPATION_MISSING, "/occupationCode", xpath)

    def texts(self, profile: Element | None, p_xp: str) -> None:
        found: dict[str, list[str]] = {"description": [], "profile": [], "offer": []}
        for block in self.children(profile, "FormattedPositionDescription"):
            value_el = self.child(block, "Value")
            value = _markup(value_el)
            if value is None:
                continue
            name = _text(self.child(block, "Name"))
            target = "description" if name is None else _TEXT_BLOCKS.get(_key(name))
            if target is None:
                self.note(DESCRIPTION_BLOCK_IGNORED, "", self.xp(block), name=name)
                continue
            found[target].append(value)
            self.xpaths.setdefault(f"/{target}", self.xp(value_el))
        for target, values in found.items():
            if values:
                self.data[target] = "\n".join(values)
            else:
                self.xpaths.setdefault(f"/{target}", p_xp + "/FormattedPositionDescription")
        if not found["description"]:
            self.note(DESCRIPTION_MISSING, "/description", self.xpaths["/description"])

    def language(self, profile: Element | None, p_xp: str) -> None:
        _el, value, xpath = self.extension("Language")
        if value is None:
            for holder, holder_xp in ((profile, p_xp), (self.po, self.base)):
                lang = holder.get(XML_LANG) if holder is not None else None
                if lang and (match := _LANG.match(lang.strip())):
                    value, xpath = match.group(1).lower(), holder_xp + "/@xml:lang"
                    break
        if value is None:
            xpath = p_xp + "/@xml:lang"
            self.note(LANGUAGE_MISSING, "/language", xpath)
        else:
            self.data["language"] = value
        self.xpaths["/language"] = xpath

    def owner(self, profile: Element | None, p_xp: str, detail: Element | None) -> None:
        organizations = self.children(profile, "Organization") or self.children(self.po, "Organization")
        org = organizations[0] if organizations else None
        o_xp = self.xp(org) if org is not None else p_xp + "/Organization"
        self.xpaths["/owner"] = o_xp
        owner: dict[str, Any] = {}
        name_el, self.xpaths["/owner/name"] = self.loc(org, o_xp, "OrganizationName")
        if name_el is None and (company := self.child(detail, "Company", "Name")) is not None:
            name_el = company
            self.xpaths["/owner/name"] = self.xp(company)
        if (name := _text(name_el)) is not None:
            owner["name"] = name
        enterprise: Element | None = None
        establishment: Element | None = None
        for ident in self.children(org, "OrganizationId"):
            owner_key = _key(ident.get("idOwner", "") + ident.get("schemeName", ""))
            if any(word in owner_key for word in ("vestiging", "establishment", "etablissement")):
                establishment = establishment if establishment is not None else ident
            elif enterprise is None:
                enterprise = ident
        for field, ident in (("enterpriseNumber", enterprise), ("establishmentNumber", establishment)):
            value_el, self.xpaths[f"/owner/{field}"] = self.loc(
                ident, self.xp(ident) if ident is not None else o_xp + "/OrganizationId", "IdValue"
            )
            if (value := _text(value_el)) is not None:
                owner[field] = value
        website = _descendant(org, "InternetWebAddress")
        if (url := _text(website)) is not None:
            owner["website"] = url
            self.xpaths["/owner/website"] = self.xp(website)
        country = _descendant(org, "CountryCode")
        if (code := _text(country)) is not None:
            owner["countryCode"] = code.upper()
            self.xpaths["/owner/countryCode"] = self.xp(country)
        if org is None and not owner:
            self.note(OWNER_MISSING, "/owner", o_xp)
            return
        self.data["owner"] = owner
        if "enterpriseNumber" not in owner and owner.get("countryCode", "BE") == "BE":
            self.note(ENTERPRISE_NUMBER_MISSING, "/owner/enterpriseNumber", self.xpaths["/owner/enterpriseNumber"])

    def contract(self, profile: Element | None, p_xp: str, detail: Element | None, d_xp: str) -> str | None:
        contract: dict[str, Any] = {}
        self.xpaths["/contract"] = d_xp
        # type and duration: PositionClassification (text), or our explicit codes
        classification = next(
            (el for el in self.children(detail, "PositionClassification") if not len(el) and _text(el)), None
        )
        if classification is None:  # tolerated: a plain-text PositionClassification in the profile
            classification = next(
                (el for el in self.children(profile, "PositionClassification") if not len(el) and _text(el)), None
            )
        cls_xp = self.xp(classification) if classification is not None else d_xp + "/PositionClassification"
        self.xpaths["/contract/type"] = self.xpaths["/contract/duration"] = cls_xp
        _el, explicit_type, type_xp = self.extension("ContractType")
        if explicit_type is not None:
            contract["type"] = explicit_type
            self.xpaths["/contract/type"] = type_xp
        elif classification is not None:
            value = _text(classification) or ""
            mapped = _CLASSIFICATIONS.get(_key(value))
            if mapped is None:
                self.note(UNKNOWN_POSITION_CLASSIFICATION, "/contract/type", cls_xp, value=value)
            else:
                contract["type"] = mapped[0]
                if mapped[1] is not None:
                    contract["duration"] = mapped[1]
        else:
            self.note(CONTRACT_TYPE_MISSING, "/contract/type", cls_xp)
        _el, duration, duration_xp = self.extension("ContractDuration")
        if duration is not None:
            contract["duration"] = duration
            self.xpaths["/contract/duration"] = duration_xp
        # regime and work systems: PositionSchedule
        systems: list[tuple[str, str]] = []
        unknown: tuple[str, str] | None = None
        schedules = self.children(detail, "PositionSchedule")
        self.xpaths["/contract/regime"] = d_xp + "/PositionSchedule"
        for schedule in schedules:
            said = _text(schedule)
            key = _key(said or "")
            if said is not None and key in _REGIMES:
                if "regime" not in contract:
                    contract["regime"] = _REGIMES[key]
                    self.xpaths["/contract/regime"] = self.xp(schedule)
            elif said is not None and key in _WORK_SYSTEMS:
                systems.append((_WORK_SYSTEMS[key], self.xp(schedule)))
            elif said is None and isinstance(percentage := _number(schedule.get("percentage", "x")), (int, float)):
                if "regime" not in contract:  # <PositionSchedule percentage="80"/>
                    contract["regime"] = "full_time" if percentage >= 100 else "part_time"
                    self.xpaths["/contract/regime"] = self.xp(schedule) + "/@percentage"
            elif unknown is None:
                unknown = (said or "", self.xp(schedule))
        if "regime" not in contract:
            if unknown is not None:
                self.note(UNKNOWN_POSITION_SCHEDULE, "/contract/regime", unknown[1], value=unknown[0])
                self.xpaths["/contract/regime"] = unknown[1]
            else:
                self.note(REGIME_MISSING, "/contract/regime", self.xpaths["/contract/regime"])
        # hours per week: our extension, else a weekly Shift
        _el, hours, hours_xp = self.extension("HoursPerWeek")
        if hours is None:
            for shift in self.children(detail, "Shift"):
                hours_el = self.child(shift, "Hours")
                if _key(shift.get("shiftPeriod", "")) == "weekly" and (hours := _text(hours_el)) is not None:
                    hours_xp = self.xp(hours_el)
                    break
        self.xpaths["/contract/hoursPerWeek"] = hours_xp
        if hours is not None:
            contract["hoursPerWeek"] = _number(hours)
        for ext_el in self.ext.get("WorkSystem", []):
            if (code := _text(ext_el)) is not None:
                systems.append((code, self.xp(ext_el)))
        codes: list[str] = []
        for code, xpath in systems:
            if code not in codes:
                self.xpaths[f"/contract/workSystems/{len(codes)}"] = xpath
                codes.append(code)
        if codes:
            contract["workSystems"] = codes
        start_el, self.xpaths["/contract/startDate"] = self.loc(profile, p_xp, "PositionDateInfo", "StartDate")
        if (start := _text(start_el)) is not None:
            contract["startDate"] = _date(start)
        self.data["contract"] = contract
        return typing.cast("str | None", contract.get("type"))

    def intermediary(self, contract_type: str | None) -> None:
        agent = next(
            (s for s in self.children(self.po, "PositionSupplier") if _key(s.get("relationship", "")) == "agent"), None
        )
        type_el, explicit_type, type_xp = self.extension("IntermediaryType")
        number_el, number, number_xp = self.extension("RecognitionNumber")
        if agent is None and type_el is None and number_el is None:
            return
        intermediary: dict[str, Any] = {}
        a_xp = self.xp(agent) if agent is not None else type_xp
        self.xpaths["/intermediary"] = a_xp
        if explicit_type is not None:
            intermediary["type"] = explicit_type
            self.xpaths["/intermediary/type"] = type_xp
        else:
            intermediary["type"] = "temp_agency" if contract_type == "temp_agency_work" else "recruitment_agency"
            self.xpaths["/intermediary/type"] = a_xp + "/@relationship" if agent is not None else type_xp
        name_el, self.xpaths["/intermediary/name"] = self.loc(agent, a_xp, "EntityName")
        if (name := _text(name_el)) is not None:
            intermediary["name"] = name
        self.xpaths["/intermediary/recognitionNumber"] = number_xp
        if number is not None:
            intermediary["recognitionNumber"] = number
        self.data["intermediary"] = intermediary

    def workplaces(self, detail: Element | None, d_xp: str) -> None:
        locations = self.children(detail, "PhysicalLocation")
        self.xpaths["/workplaces"] = self.xp(locations[0]) if locations else d_xp + "/PhysicalLocation"
        places: list[dict[str, Any]] = []
        for i, location in enumerate(locations):
            l_xp = self.xp(location)
            pointer = f"/workplaces/{i}"
            self.xpaths[pointer] = l_xp
            place: dict[str, Any] = {}
            address, a_xp = self.loc(location, l_xp, "PostalAddress")
            areas = {_key(a.get("type", "")): a for a in self.children(location, "Area")}
            for name, element, area in (
                ("countryCode", "CountryCode", "countrycode"),
                ("postalCode", "PostalCode", "postalcode"),
                ("municipality", "Municipality", "municipality"),
            ):
                el, xpath = self.loc(address, a_xp, element)
                if el is None and area in areas:  # tolerated: <Area type="municipality"><Value>…
                    el, xpath = self.loc(areas[area], self.xp(areas[area]), "Value")
                self.xpaths[f"{pointer}/{name}"] = xpath
                if (value := _text(el)) is not None:
                    place[name] = value.upper() if name == "countryCode" else value
            delivery, dl_xp = self.loc(address, a_xp, "DeliveryAddress")
            street_el, street_xp = self.loc(delivery, dl_xp, "StreetName")
            number_el, number_xp = self.loc(delivery, dl_xp, "BuildingNumber")
            street, number = _text(street_el), _text(number_el)
            line_el = self.child(delivery, "AddressLine")
            if street is None and (line := _text(line_el)) is not None:
                match = _ADDRESS_LINE.match(line)
                street, number = (match.group(1), number or match.group(2)) if match else (line, number)
                street_xp = self.xp(line_el)
                if number_el is None:
                    number_xp = street_xp
            self.xpaths[f"{pointer}/street"] = street_xp
            self.xpaths[f"{pointer}/houseNumber"] = number_xp
            if street is not None:
                place["street"] = street
            if number is not None:
                place["houseNumber"] = number
            places.append(place)
        if places:
            self.data["workplaces"] = places

    def salary(self, detail: Element | None, d_xp: str) -> None:
        pay, pay_xp = self.loc(detail, d_xp, "RemunerationPackage", "BasePay")
        self.xpaths["/salary"] = pay_xp
        if pay is None:
            return
        salary: dict[str, Any] = {}
        for field, name in (("min", "BasePayAmountMin"), ("max", "BasePayAmountMax")):
            el, self.xpaths[f"/salary/{field}"] = self.loc(pay, pay_xp, name)
            if (amount := _text(el)) is not None:
                salary[field] = _number(amount)
        if not salary:
            return
        self.xpaths["/salary/currency"] = pay_xp + "/@currencyCode"
        if currency := pay.get("currencyCode", "").strip():
            salary["currency"] = currency.upper()
        self.xpaths["/salary/period"] = pay_xp + "/@baseInterval"
        if interval := pay.get("baseInterval", "").strip():
            period = _PAY_PERIODS.get(_key(interval))
            if period is None:
                self.note(PAY_INTERVAL_UNSUPPORTED, "/salary", pay_xp + "/@baseInterval", value=interval)
                return
            salary["period"] = period
        self.data["salary"] = salary

    def requirements(self, detail: Element | None, d_xp: str) -> None:
        requirements: dict[str, Any] = {}
        lists: dict[str, list[Any]] = {"languages": [], "drivingLicences": [], "certificates": []}
        self.xpaths["/requirements"] = d_xp
        for competency in self.children(detail, "Competency"):
            kind = _COMPETENCIES.get(_key(competency.get("name", "")))
            if kind is None:
                continue  # skills and other competencies have no field of their own
            c_xp = self.xp(competency)
            ident = self.child(competency, "CompetencyId")
            ident_value = (ident.get("id") or "").strip() if ident is not None else ""
            ident_xp = self.xp(ident) + "/@id" if ident is not None else c_xp + "/CompetencyId/@id"
            evidence = self.child(competency, "CompetencyEvidence")
            string_el = self.child(evidence, "StringValue")
            numeric_el = self.child(evidence, "NumericValue")
            if kind == "education":
                value = ident_value or _text(string_el)
                if value:
                    match = _ISCED.match(value)
                    requirements["educationLevel"] = f"isced-{match.group(1)}" if match else value
                    self.xpaths["/requirements/educationLevel"] = (
                        ident_xp if ident_value else (self.xp(string_el) if string_el is not None else c_xp)
                    )
            elif kind == "experience" and evidence is not None and (amount := _text(numeric_el)) is not None:
                months = _number(amount)
                unit = _key(" ".join(filter(None, (evidence.get("name"), evidence.get("typeDescription")))))
                if isinstance(months, (int, float)) and ("year" in unit or "jaar" in unit):
                    months = months * 12
                if isinstance(months, float) and months.is_integer():
                    months = int(months)
                requirements["experienceMonths"] = months
                self.xpaths["/requirements/experienceMonths"] = self.xp(numeric_el)
            elif kind == "language" and ident_value:
                pointer = f"/requirements/languages/{len(lists['languages'])}"
                match = _LANG.match(ident_value)
                language: dict[str, Any] = {"code": match.group(1).lower() if match else ident_value}
                self.xpaths[pointer] = c_xp
                self.xpaths[f"{pointer}/code"] = ident_xp
                if (level := _text(string_el)) is not None:
                    language["level"] = level.upper() if _CEFR.match(level.upper()) else level
                    self.xpaths[f"{pointer}/level"] = self.xp(string_el)
                lists["languages"].append(language)
            elif kind in ("driving_licence", "certificate"):
                field = "drivingLicences" if kind == "driving_licence" else "certificates"
                value = ident_value or _text(string_el)
                if value:
                    self.xpaths[f"/requirements/{field}/{len(lists[field])}"] = ident_xp if ident_value else c_xp
                    lists[field].append(value.upper() if kind == "driving_licence" else value)
        for field, values in lists.items():
            if values:
                requirements[field] = values
        if requirements:
            self.data["requirements"] = requirements

    def application(self, profile: Element | None, p_xp: str) -> None:
        how, h_xp = self.loc(profile, p_xp, "HowToApply")
        method, m_xp = self.loc(how, h_xp, "ApplicationMethod")
        self.xpaths["/application"] = m_xp
        app: dict[str, Any] = {}
        for field, name in (("url", "InternetWebAddress"), ("email", "InternetEmailAddress")):
            el, self.xpaths[f"/application/{field}"] = self.loc(method, m_xp, name)
            if (value := _text(el)) is not None:
                app[field] = value
        phone_el, phone_xp = self.loc(method, m_xp, "Telephone")
        formatted, formatted_xp = self.loc(phone_el, phone_xp, "FormattedNumber")
        self.xpaths["/application/phone"] = formatted_xp if formatted is not None else phone_xp
        phone = _text(formatted)
        if phone is None and phone_el is not None:
            country = _text(self.child(phone_el, "InternationalCountryCode"))
            local = " ".join(
                filter(None, (_text(self.child(phone_el, n)) for n in ("AreaCityCode", "SubscriberNumber")))
            )
            phone = (f"+{country.lstrip('+')} {local}" if country else local) or None
        if phone is not None:
            app["phone"] = phone
        person, person_xp = self.loc(how, h_xp, "PersonName")
        name_el, self.xpaths["/application/contact/name"] = self.loc(person, person_xp, "FormattedName")
        contact = _text(name_el)
        if contact is None and person is not None:
            parts = (_text(self.child(person, n)) for n in ("GivenName", "FamilyName"))
            contact = " ".join(filter(None, parts)) or None
            self.xpaths["/application/contact/name"] = person_xp
        if contact is not None:
            app["contact"] = {"name": contact}
        instructions, self.xpaths["/application/instructions"] = self.loc(
            method, m_xp, "InPerson", "AdditionalInstructions"
        )
        if (text := _text(instructions)) is not None:
            app["instructions"] = text
        self.data["application"] = app

    def publication(self) -> None:
        postings = self.children(self.child(self.po, "PositionPostings"), "PositionPosting")
        for posting in postings:
            p_xp = self.xp(posting)
            ident = self.child(posting, "Id")
            start_el, end_el = self.child(posting, "StartDate"), self.child(posting, "EndDate")
            duration_el = self.child(posting, "PostingDuration")
            start, start_xp = _text(start_el), self.xp(start_el) if start_el is not None else ""
            end, end_xp = _text(end_el), self.xp(end_el) if end_el is not None else ""
            if start is None and ident is not None and ident.get("validFrom"):
                start, start_xp = ident.get("validFrom").strip(), self.xp(ident) + "/@validFrom"
            if end is None and ident is not None and ident.get("validTo"):
                end, end_xp = ident.get("validTo").strip(), self.xp(ident) + "/@validTo"
            if end is None and (days := _text(duration_el)) is not None:
                end_xp = self.xp(duration_el)
                match = _POSTING_DAYS.match(days)
                first = _DATE.match(start) if start else None
                end = days  # not a number of days: reported as an invalid date, at PostingDuration
                if match is not None:
                    try:
                        origin = dt.date.fromisoformat(first.group(1)) if first else clock.today()
                        end = (origin + dt.timedelta(days=int(match.group(1)))).isoformat()
                    except (ValueError, OverflowError):
                        end = None  # an impossible start date: reported at StartDate
            if start is None and end is None:
                continue
            publication: dict[str, Any] = {}
            self.xpaths["/publication"] = p_xp
            if start is not None:
                publication["start"] = _date(start)
                self.xpaths["/publication/start"] = start_xp
            if end is not None:
                publication["end"] = _date(end)
                self.xpaths["/publication/end"] = end_xp
            self.data["publication"] = publication
            return


def _map(po: Element, base: str) -> Parsed:
    return _Mapper(po, base).run()
