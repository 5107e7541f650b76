"""Content rules: no fees asked from job seekers, no pyramid selling, a real job.

Asking job seekers to pay for being recruited or hired is prohibited (ILO Convention 181, art. 7,
and the Flemish decree of 10 December 2010 on private employment agencies): a vacancy that asks
for it is rejected. Pyramid schemes, where income comes from bringing in new participants rather
than from selling, are a prohibited commercial practice (art. VI.100, 14° of the Belgian Code of
Economic Law; Directive 2005/29/EC, annex I, 14), and VDAB ends its cooperation with employers
suspected of pyramid or chain selling; network marketing as such is legal, but it is not a job
with a wage.

Each rule looks for a trigger and then reads the clause around it, so "wij betalen je
opleiding", "geen inschrijvingsgeld" or "inschrijvingsgeld wordt terugbetaald" are not flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import gettext_lazy as _

from werkpost.core.messages import Message, Severity
from werkpost.quality.engine import Category, define, rule
from werkpost.quality.text import HTML_FIELDS, paragraph_text
from werkpost.vacancies.document import VacancyDocument
from werkpost.vacancies.validation import CheckContext

FEES_ASKED = define(
    "quality.content.fees_asked",
    Severity.ERROR,
    category=Category.FAIRNESS,
    text=_("The text asks job seekers to pay: %(found)s."),
    explanation=_(
        "Job seekers may not be charged, directly or indirectly, for being recruited, selected or hired: "
        "no registration or administration fees, no paid training or starter kit as a condition, no deposit "
        "(ILO Convention 181 and the Flemish decree on private employment agencies)."
    ),
    fix=_(
        "Remove the fee. If the employer pays or refunds a cost (training, a licence), say so explicitly: "
        "“wij betalen je opleiding”."
    ),
)

PYRAMID_SELLING = define(
    "quality.content.pyramid_selling",
    Severity.WARNING,
    category=Category.FAIRNESS,
    text=_("The text has signs of network marketing or pyramid selling: %(found)s."),
    explanation=_(
        "Income earned mainly by bringing in new participants is a pyramid scheme, which Belgian law "
        "prohibits (Code of Economic Law, art. VI.100, 14°): such a vacancy is rejected. Network marketing "
        "vocabulary (“passief inkomen”, “bouw je eigen team”, “MLM”) gets a warning: it "
        "describes an independent sales activity, not a job with a wage, and VDAB does not work with "
        "employers suspected of pyramid or chain selling."
    ),
    fix=_(
        "Describe the job, the employer and the pay (a wage, or commission on your own sales). Do not "
        "publish recruitment for a network-marketing organisation as a vacancy."
    ),
)

NOT_A_REAL_JOB = define(
    "quality.content.not_a_real_job",
    Severity.WARNING,
    category=Category.CORRECTNESS,
    text=_("The text does not read like a real job: %(found)s."),
    explanation=_(
        "Only real jobs may be published. Promises of easy money (“verdien €5000 per week”), "
        "side income from home without any requirement, or a text saying it is not a real job are typical "
        "of scams and recruitment for other schemes."
    ),
    fix=_(
        "Describe the actual job: the tasks, the employer, the contract and a realistic wage. Remove income "
        "promises; put the wage in the salary field."
    ),
)


# --- the texts, cut at paragraphs and list items ------------------------------------------------

_STOPS = ("!", "?", ";", "\n", "\u2022")  # and ". ": a sentence or list item ends there
_QUOTE_MAX = 120
_QUOTE_CONTEXT = 50


@dataclass(frozen=True, slots=True)
class Text:
    path: str  # JSON Pointer of the field
    text: str
    lowered: str  # text.lower(), of the same length: anchors are looked up in it


def _text(path: str, value: str) -> Text:
    lowered = value.lower()
    if len(lowered) != len(value):  # "İ" lowers to two characters: keep the positions right
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in value)
    return Text(path, value, lowered)


@lru_cache(maxsize=256)
def _collected(
    title: str, description: str, profile: str | None, offer: str | None, instructions: str | None
) -> tuple[tuple[Text, ...], str]:
    found = [_text("/title", title)]
    for field, value in zip(HTML_FIELDS, (description, profile, offer), strict=True):
        if value:
            found.append(_text(f"/{field}", paragraph_text(value)))
    if instructions:
        found.append(_text("/application/instructions", instructions))
    return tuple(found), " ".join(t.lowered for t in found)


def texts(doc: VacancyDocument) -> tuple[tuple[Text, ...], str]:
    """What a job seeker reads (title, HTML fields as text, application instructions), and all of it
    lower-cased in one string for a quick look before any pattern runs."""
    return _collected(doc.title, doc.description, doc.profile, doc.offer, doc.application.instructions)


type Screen = tuple[tuple[str, tuple[str, ...]], ...]


def screen(anchors: tuple[str, ...]) -> Screen:
    """A quick test, built once, of whether a text contains one of `anchors` (see `mentions`).

    Each `in` scans the whole text and most texts contain no anchor, so the fewer scans the
    better: an anchor that contains another is dropped (the shorter one finds it too), and the
    anchors that share their first four letters are only looked for once those letters are found.
    """
    kept = [a for a in dict.fromkeys(anchors) if not any(other != a and other in a for other in anchors)]
    groups: dict[str, list[str]] = {}
    for anchor in kept:
        groups.setdefault(anchor[:4], []).append(anchor)
    return tuple((members[0], ()) if len(members) == 1 else (key, tuple(members)) for key, members in groups.items())


def mentions(lowered: str, anchors: Screen) -> bool:
    """Whether `lowered` contains one of the anchors `anchors` was built from."""
    for key, members in anchors:  # a loop: cheaper than any() over a generator
        if key in lowered:
            if not members:
                return True
            for member in members:
                if member in lowered:
                    return True
    return False


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence or list item around text[start:end]."""
    left, right = 0, len(text)
    for stop in (*_STOPS, ". "):
        if (before := text.rfind(stop, 0, start)) >= left:
            left = before + 1
        if 0 <= (after := text.find(stop, end)) < right:
            right = after
    if right == len(text) and text.endswith("."):
        right -= 1
    return left, max(left, right)


def anchored(text: Text, anchors: tuple[str, ...]) -> list[tuple[int, int]]:
    """The clauses of a text that contain an anchor.

    Every alternative of each pattern below contains one of its anchors, so a pattern can only match
    inside these clauses; running it there only (Python's re is slow on long alternations) keeps the
    rules at a few microseconds on an ordinary vacancy."""
    spans: set[tuple[int, int]] = set()
    for anchor in anchors:
        at = text.lowered.find(anchor)
        while at >= 0:
            spans.add(clause(text.text, at, at + len(anchor)))
            at = text.lowered.find(anchor, at + len(anchor))
    return sorted(spans)


def matches(
    found: tuple[Text, ...], pattern: re.Pattern[str], anchors: tuple[str, ...]
) -> Iterator[tuple[Text, re.Match[str]]]:
    for text in found:
        for left, right in anchored(text, anchors):
            for match in pattern.finditer(text.text, left, right):
                yield text, match


def quote(text: str, start: int, end: int) -> str:
    """The clause around a finding, shortened around the finding when it is long."""
    left, right = clause(text, start, end)
    if right - left > _QUOTE_MAX:
        left, right = max(left, start - _QUOTE_CONTEXT), min(right, end + _QUOTE_CONTEXT)
    return "\u201c" + " ".join(text[left:right].split()).rstrip(".") + "\u201d"


# --- fees asked from job seekers ---------------------------------------------------------------

_FEE_OBJECT = (
    r"(?:(?:een|de|het|je|jouw|uw)\s+)?(?:(?:kleine|eenmalige|beperkte|symbolische|bescheiden|verplichte)\s+)?"
    r"(?:bijdrage|inschrijving\w*|opleiding|cursus|training|vorming|starters?pakket|startpakket|starterskit|kit"
    r"|waarborg|borg\w*|som|bedrag|kost|kosten|deelname\w*|lidgeld|licentie|[€$£]\s?\d|\d[\d.,]*\s?(?:€|euro\b))"
)
_SOON = r"(?:(?:zelf|eerst|eenmalig|vooraf|wel)\s+)*"
# Phrases that say by themselves that the job seeker pays.
_FEE_SELF = re.compile(
    rf"\b(?:je|jij|u)\s+(?:moet\s+|dient\s+|zal\s+|zult\s+)?{_SOON}betaalt?\s+{_SOON}{_FEE_OBJECT}"
    rf"|\bbetaal\s+(?:je|jij|u)\s+{_SOON}{_FEE_OBJECT}"
    rf"|\b(?:moet|moeten|dient|dienen)\s+(?:je|jij|u|de\s+kandidaat|kandidaten)\s+{_SOON}{_FEE_OBJECT}"
    r"\s+(?:[^\W\d_]+\s+){0,3}?(?:te\s+)?betalen\b"
    r"|\bbetalende\s+(?:opleiding|cursus|training|vorming)\s+(?:is\s+)?verplicht"
    r"|\bverplichte\s+betalende\s+(?:opleiding|cursus|training|vorming)"
    r"|\b(?:starters?pakket|startpakket|starterskit|startkit|starter\s+kit)\s+(?:[^\W\d_]+\s+){0,3}?"
    r"(?:aan\s*kopen|kopen|aanschaffen|bestellen|betalen|buy|purchase)"
    r"|\b(?:aankoop|aanschaf|koop|kopen|aankopen|buy|purchase)\s+(?:[^\W\d_]+\s+){0,3}?"
    r"(?:starters?pakket|startpakket|starterskit|startkit|starter\s+kit)"
    r"|\b(?:waarborg|borgsom|borg|deposit)\s+(?:van\s+|of\s+)?(?:[€$£]\s?\d|\d[\d.,]*\s?(?:€|euro\b|eur\b))"
    r"|\bpay\s+(?:for\s+)?(?:your|the|a|an)\s+(?:own\s+|small\s+|one-time\s+|one-off\s+|mandatory\s+)?"
    r"(?:training|course|starter\s+kit|kit|registration|uniform|certification|fee|deposit|contribution)\b",
    re.IGNORECASE,
)
# Costs that job seekers may or may not be asked to pay: the clause decides.
_FEE_NOUN = re.compile(
    r"\b(?:inschrijvings?(?:geld|kost|kosten|bijdrage|prijs|som)|inschrijfgeld|inschrijfkost(?:en)?"
    r"|deelname(?:kost|kosten|prijs|bijdrage|geld)|instap(?:kost|kosten|prijs|bedrag|geld)"
    r"|administratie(?:ve)?\s+kost(?:en)?|administratiekost(?:en)?|dossierkost(?:en)?|dossierbijdrage|lidgeld"
    r"|opleidingskost(?:en)?|cursusgeld|cursuskost(?:en)?|examengeld|examenkost(?:en)?|eigen\s+bijdrage"
    r"|betalende\s+(?:opleiding|cursus|training|vorming)|tegen\s+betaling"
    r"|(?:application|registration|enrol?ment|enrollment|joining|sign[- ]?up|training|placement|processing"
    r"|administration|administrative)\s+fees?"
    r"|frais\s+d['\u2019]inscription|frais\s+de\s+dossier|frais\s+administratifs)\b",
    re.IGNORECASE,
)
_FEE_CONTEXT = re.compile(
    r"[€$£]\s?\d|\d[\d.,]*\s?(?:€|euro\b|eur\b)"
    r"|\b(?:betaal|betaalt|betalen|bedraagt|bedragen|kost|aangerekend|aanrekenen|verschuldigd|storten|stort"
    r"|overschrijven|vragen|vraagt|gevraagd|verplicht\w*|vereist|vooraf|eerst|eenmalig\w*)\b"
    r"|\b(?:voor|door|ten\s+laste\s+van|voor\s+rekening\s+van)\s+(?:de\s+)?"
    r"(?:kandida(?:at|ten)|sollicitant(?:en)?|werkzoekenden?|deelnemers?|jou|u)\b"
    r"|\beigen\s+(?:rekening|kosten)\b|\bzelf\b"
    r"|\b(?:you|your|applicants?|candidates?)\b.*\b(?:pay|pays|paid|payable|charged?)\b"
    r"|\b(?:pay|payable|charged?|required|mandatory|upfront|in\s+advance|due|payer|obligatoire)\b",
    re.IGNORECASE,
)
# Every alternative of _FEE_SELF contains one of these, of _FEE_NOUN one of those.
_FEE_SELF_ANCHORS = (
    "beta", "borg", "deposit", "pay", "startpakket", "starterspakket", "starterpakket", "starterskit",
    "starterkit", "startkit", "starter kit",
)  # fmt: skip
_FEE_NOUN_ANCHORS = (
    "inschrij", "deelname", "instap", "administrati", "dossier", "lidgeld", "opleidingskost", "cursusgeld",
    "cursuskost", "examengeld", "examenkost", "bijdrage", "beta", " fee", "frais",
)  # fmt: skip
_TRAINING_OR_AMOUNT = re.compile(
    r"\b(?:opleiding|cursus|training|vorming|inschrijving|deelname|starter\w*|pakket|kit)\b|[€$£]|\d\s?(?:euro|eur)\b",
    re.IGNORECASE,
)
_FEE_WAIVED = re.compile(
    r"\b(?:gratis|kosteloos|kostenloos|gratuit\w*|free\s+of\s+charge|for\s+free|at\s+no\s+cost|no\s+fees?)\b"
    r"|\b(?:terugbetaald|terugbetaling|terugbetalen|terugbetaalt|vergoed|vergoeden|vergoedt|reimburs\w*"
    r"|rembours\w*)\b"
    r"|\b(?:wij|we|werkgever|bedrijf|onderneming|firma|organisatie|company|employer|nous|l['\u2019]employeur)"
    r"\s+(?:[^\W\d_]+\s+){0,3}?(?:betalen|betaalt|nemen|neemt|dragen|draagt|pay|pays|cover|covers|payons"
    r"|prenons|prend)\b"
    r"|\b(?:ten\s+laste\s+van|op\s+kosten\s+van|betaald\s+door|gedragen\s+door|voor\s+rekening\s+van|paid\s+by"
    r"|covered\s+by|at\s+the\s+expense\s+of|[àa]\s+charge\s+de)\s+(?:ons|onze|de\s+werkgever|het\s+bedrijf"
    r"|de\s+onderneming|de\s+firma|de\s+organisatie|us|our|the\s+employer|the\s+company|l['\u2019]employeur)\b"
    r"|\b(?:at\s+our\s+expense|op\s+onze\s+kosten|voor\s+onze\s+rekening)\b"
    r"|\bkost\s+(?:je\s+|u\s+)?niets\b|\bcosts?\s+(?:you\s+)?nothing\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:geen|zonder|no|without|nooit|never|aucuns?|aucune|sans|pas\s+de)\s+(?:\S+\s+){0,2}$", re.I)


def _fee_waived(text: str, start: int, end: int) -> bool:
    """Whether the clause says the job seeker does not pay: "geen inschrijvingsgeld", "wij betalen…"."""
    left, right = clause(text, start, end)
    return bool(_NEGATED.search(text, left, start) or _FEE_WAIVED.search(text[left:right]))


def _fee_asked(found: tuple[Text, ...]) -> tuple[Text, int, int] | None:
    """Where a text asks a fee from the job seeker, if one does."""
    for text, match in matches(found, _FEE_SELF, _FEE_SELF_ANCHORS):
        if not _fee_waived(text.text, *match.span()):
            return text, *match.span()
    for text, match in matches(found, _FEE_NOUN, _FEE_NOUN_ANCHORS):
        start, end = match.span()
        left, right = clause(text.text, start, end)
        around = text.text[left:start] + " " + text.text[end:right]
        needed = _TRAINING_OR_AMOUNT if match.group().casefold().startswith("tegen") else _FEE_CONTEXT
        if needed.search(around) and not _fee_waived(text.text, start, end):
            return text, start, end
    return None


_FEE_SCREEN = screen(_FEE_SELF_ANCHORS + _FEE_NOUN_ANCHORS)


@rule
def no_fees_asked(doc: VacancyDocument, context: CheckContext) -> Iterator[Message]:
    found, lowered = texts(doc)
    if not mentions(lowered, _FEE_SCREEN):
        return
    if asked := _fee_asked(found):
        text, start, end = asked
        yield FEES_ASKED(text.path, found=quote(text.text, start, end))


# --- pyramid and chain selling ---------------------------------------------------------------

# Income from bringing in people: the definition of a prohibited pyramid scheme (an error).
_RECRUITS = r"(?:deelnemer|rekruut|distributeur|teamlid|recruit|distributor|persoon\s+die\s+je\s+aanbrengt)"
_RECRUIT_INCOME = re.compile(
    r"\b(?:verdien|verdient|verdienen|ontvang|ontvangt|krijg|krijgt)\s+(?:\S+\s+){0,5}?"
    rf"(?:op|aan|per|voor|bij)\s+(?:elke|iedere|ieder|elk)\s+(?:nieuwe?\s+)?{_RECRUITS}"
    r"|\b(?:bonus|commissie|premie|provisie)\s+(?:\S+\s+){0,3}?(?:per|voor\s+(?:elke|iedere|elk))\s+"
    rf"(?:nieuwe?\s+)?(?:aangebrachte?\s+)?{_RECRUITS}"
    r"|\bhoe\s+meer\s+(?:[^\W\d_]+\s+){0,3}?(?:mensen|personen|leden|deelnemers|rekruten)\s+(?:[^\W\d_]+\s+){0,4}?"
    r"(?:aanbrengt|rekruteert|inschrijft|werft|aansluit|laat\s+aansluiten)"
    r"|\b(?:commissie|bonus|provisie)\s+(?:[^\W\d_]+\s+){0,3}?op\s+(?:de\s+)?(?:inschrijvingen|aansluitingen)\s+"
    r"van\s+(?:je|jouw)\s+(?:team|netwerk|rekruten)\b"
    rf"|\bearn\s+(?:\S+\s+){{0,5}}?(?:for|on|from|per)\s+(?:every|each)\s+(?:new\s+)?{_RECRUITS}"
    r"|\bthe\s+more\s+people\s+you\s+(?:recruit|sign\s+up|bring\s+in)",
    re.IGNORECASE,
)
_RECRUIT_ANCHORS = (
    "elk", "ieder", "bonus", "commissie", "premie", "provisie", "hoe meer", "every", "each", "the more",
)  # fmt: skip
# Network-marketing vocabulary: one of these is enough for a warning.
_MLM = re.compile(
    r"\b(?:netwerk\s*-?\s*marketing|network\s*-?\s*marketing|multi\s*-?\s*level\s*-?\s*marketing|MLM"
    r"|piramide\w*|pyramid\s+scheme|sneeuwbal\w*|kettingverkoop|chain\s+selling|downlines?|uplines?"
    r"|passie[fv]e?\s+inkomens?|passive\s+income|residu(?:ee|e)le?\s+inkomens?|residual\s+income"
    r"|onbeperkt(?:e)?\s+(?:[^\W\d_]+\s+)?(?:verdienen|verdiensten|inkomsten|inkomen)"
    r"|unlimited\s+(?:earning|income|earnings)"
    r"|rekrute(?:er|ert|ren)\s+(?:[^\W\d_]+\s+){0,2}?(?:nieuwe\s+)?(?:leden|deelnemers|distributeurs)"
    r"|recruit\s+(?:new\s+)?(?:members|distributors))\b",
    re.IGNORECASE,
)
_MLM_ANCHORS = (
    "netwerk", "network", "multi", "mlm", "piramide", "pyramid", "sneeuwbal", "ketting", "chain", "downline",
    "upline", "passie", "passive", "residu", "onbeperkt", "unlimited", "rekrute", "recruit",
)  # fmt: skip
# Common in legitimate vacancies too: only two different ones together count.
_MLM_HINT = re.compile(
    r"(?P<boss>\b(?:word|wees|ben)\s+(?:je|jij|u)\s+eigen\s+baas|\bbe\s+your\s+own\s+boss)"
    r"|(?P<team>\bbouw\s+(?:je|jouw|uw)\s+eigen\s+(?:verkoop)?(?:team|netwerk|organisatie|business)"
    r"|\bbuild\s+your\s+own\s+(?:team|network|business))"
    r"|(?P<freedom>\bfinanci[eë]le\s+vrijheid|\bfinancial\s+freedom)"
    r"|(?P<independent>\bzelfstandig(?:e)?\s+(?:verdeler|distributeur|consulent)|\bindependent\s+(?:distributor|consultant))"
    r"|(?P<kit>\bstarters?pakket|\bstartpakket|\bstarter\s+kit)",
    re.IGNORECASE,
)
_HINT_ANCHORS = (
    "eigen baas", "own boss", "bouw", "build your own", "vrijheid", "freedom", "zelfstandig", "independent",
    "starter", "startpakket",
)  # fmt: skip
_MAX_QUOTED = 3
_RECRUIT_SCREEN, _MLM_SCREEN, _HINT_SCREEN = screen(_RECRUIT_ANCHORS), screen(_MLM_ANCHORS), screen(_HINT_ANCHORS)


@rule
def no_pyramid_selling(doc: VacancyDocument, context: CheckContext) -> Iterator[Message]:
    found, lowered = texts(doc)
    strong: list[tuple[str, str]] = []
    signals: list[tuple[str, str]] = []
    hints: list[tuple[str, str]] = []
    kinds: set[str] = set()
    if mentions(lowered, _RECRUIT_SCREEN):
        strong = [(t.path, quote(t.text, *m.span())) for t, m in matches(found, _RECRUIT_INCOME, _RECRUIT_ANCHORS)]
    if mentions(lowered, _MLM_SCREEN):
        signals = [(t.path, f"\u201c{m.group()}\u201d") for t, m in matches(found, _MLM, _MLM_ANCHORS)]
    if mentions(lowered, _HINT_SCREEN):
        for t, m in matches(found, _MLM_HINT, _HINT_ANCHORS):
            hints.append((t.path, f"\u201c{m.group()}\u201d"))
            kinds.add(m.lastgroup or "")
    if not (strong or signals or len(kinds) > 1):
        return
    quoted = list(dict.fromkeys(fragment for _, fragment in strong + signals + hints))
    path = (strong or signals or hints)[0][0]
    shown = ", ".join(quoted[:_MAX_QUOTED])
    if strong:  # income from recruiting: the legal definition of a pyramid scheme
        yield PYRAMID_SELLING.at(Severity.ERROR, path, found=shown)
    else:
        yield PYRAMID_SELLING(path, found=shown)


# --- a real job ----------------------------------------------------------------------------

_NOT_A_JOB = re.compile(
    r"\bgeen\s+echte\s+(?:job|baan|vacature|betrekking)\b|\bnot\s+a\s+real\s+job\b"
    r"|\b(?:snel|makkelijk|gemakkelijk)\s+rijk\b|\bget\s+rich\s+quick\b"
    r"|\bgeld\s+verdienen\s+zonder\s+(?:te\s+)?werken\b|\bverdien\w*\s+(?:[^\W\d_]+\s+){0,2}?zonder\s+iets\s+te\s+doen\b",
    re.IGNORECASE,
)
_EARN_CLAIM = re.compile(
    r"\b(?:verdien\w*|earn\w*)\s+(?:tot\s+|meer\s+dan\s+|makkelijk\s+|gemakkelijk\s+|snel\s+|al\s+|zo['\u2019]?n\s+"
    r"|up\s+to\s+|over\s+|more\s+than\s+|easily\s+)*(?:[€$£]\s?)?(\d[\d.,]*)\s?(k\b)?\s?(?:€|euro\b|eur\b)?\s*"
    r"(?:netto\s+|bruto\s+|net\s+)?(?:per|/|a|an|in\s+een|op\s+een|elke|iedere|every|each)\s*"
    r"(uur|u|dag|week|maand|hour|day|month)\b",
    re.IGNORECASE,
)
# From these amounts per period on, an income promise is not realistic for a vacancy.
UNREALISTIC_EARNINGS = {"hour": 100, "day": 500, "week": 2_500, "month": 15_000}
_PERIODS = {"uur": "hour", "u": "hour", "dag": "day", "maand": "month"}
_SIDE_INCOME_HINTS = re.compile(
    r"(?P<side>\bbijverdienste\b|\bextra\s+inkomen\b|\bside\s+(?:income|hustle)\b)"
    r"|(?P<home>\b(?:van|vanuit|from)\s+(?:thuis\s*uit|thuis|huis\s+uit|(?:je|jouw)\s+(?:luie\s+)?zetel|home)\b)"
    r"|(?P<nothing>\b(?:geen|zonder|no)\s+(?:enkele\s+|voorafgaande\s+)?(?:ervaring|experience|diploma)\b)"
    r"|(?P<tools>\b(?:enkel|alleen|slechts|only)\s+(?:een\s+|a\s+)?(?:smartphone|gsm|laptop|computer|phone)\b)"
    r"|(?P<guarantee>\bgegarandeerd\s+inkomen\b|\bguaranteed\s+income\b)",
    re.IGNORECASE,
)
_SIDE_INCOME_MIN_HINTS = 3
_NOT_A_JOB_ANCHORS = ("echte", "real job", "rijk", "rich", "verdien")
_EARN_ANCHORS = ("verdien", "earn")
_SIDE_INCOME_ANCHORS = (
    ("bijverdienste", "extra inkomen", "side income", "side hustle"),
    ("thuis", "huis uit", "zetel", "home"),
    ("ervaring", "experience", "diploma"),
    ("smartphone", "gsm", "laptop", "computer", "phone"),
    ("gegarandeerd inkomen", "guaranteed income"),
)
_ALL_SIDE_INCOME_ANCHORS = tuple(anchor for anchors in _SIDE_INCOME_ANCHORS for anchor in anchors)
_NOT_A_JOB_SCREEN, _EARN_SCREEN = screen(_NOT_A_JOB_ANCHORS), screen(_EARN_ANCHORS)
_SIDE_INCOME_SCREENS = tuple(screen(anchors) for anchors in _SIDE_INCOME_ANCHORS)


_GROUPED = re.compile(r"\d{1,3}(?:[.,]\d{3})+")  # 5.000, 5,000: thousands separators


def _amount(text: str, thousands: bool) -> float | None:
    if _GROUPED.fullmatch(text):
        value = float(text.replace(".", "").replace(",", ""))
    else:
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            return None
    return value * 1000 if thousands else value


@rule
def is_a_real_job(doc: VacancyDocument, context: CheckContext) -> Iterator[Message]:
    found, lowered = texts(doc)
    if mentions(lowered, _NOT_A_JOB_SCREEN):
        for text, match in matches(found, _NOT_A_JOB, _NOT_A_JOB_ANCHORS):
            yield NOT_A_REAL_JOB(text.path, found=quote(text.text, *match.span()))
            return
    if mentions(lowered, _EARN_SCREEN):
        for text, claim in matches(found, _EARN_CLAIM, _EARN_ANCHORS):
            amount = _amount(claim.group(1), bool(claim.group(2)))
            period = claim.group(3).casefold()
            period = _PERIODS.get(period, period)
            if amount is not None and amount >= UNREALISTIC_EARNINGS[period]:
                yield NOT_A_REAL_JOB(text.path, found=quote(text.text, *claim.span()))
                return
    if sum(mentions(lowered, anchors) for anchors in _SIDE_INCOME_SCREENS) < _SIDE_INCOME_MIN_HINTS:
        return
    hints: dict[str, tuple[str, str]] = {}
    for text, hint in matches(found, _SIDE_INCOME_HINTS, _ALL_SIDE_INCOME_ANCHORS):
        hints.setdefault(hint.lastgroup or "", (text.path, hint.group()))
    if len(hints) >= _SIDE_INCOME_MIN_HINTS:
        first = next(iter(hints.values()))
        yield NOT_A_REAL_JOB(first[0], found=", ".join(f"\u201c{f}\u201d" for _, f in hints.values()))
