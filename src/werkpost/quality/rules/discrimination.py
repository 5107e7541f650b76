"""Rules: discrimination in the vacancy texts (Dutch and English).

Belgian anti-discrimination law (the federal Anti-discrimination Act of 10 May 2007, the Gender
Act and the Anti-racism Act of the same date, and the Flemish decree of 10 July 2008) forbids
selecting on age, gender, origin, religion or belief, disability and health, sexual orientation,
civil status, language, physical or genetic characteristics, social origin and birth, wealth,
and political or union belief, directly or indirectly, unless a legal exception applies.

The checker reads the title, description, profile and offer as a job seeker does and reports
each fragment that selects on one of these criteria, with a neutral wording to use instead.
It is made of deterministic, explainable rules (no model): patterns over case- and accent-folded
text, each with the *frame* that must hold around it (a negation, a restriction, a requirement
on the candidate), and with the contexts that switch it off: diversity statements ("ongeacht",
"regardless of", "zijn welkom"), legal exceptions (a minimum age set by law, student and
flexi-jobs, startbanen, genuine occupational requirements, ethos-based organisations), and the
cases where the words are about something else ("ervaring met kinderen", "machines van max
2 jaar oud", "jongeren tussen 16 en 25 jaar" as the people the job serves, "uiterlijk 15 maart",
"aantrekkelijk loon", "cloud-native").

Severity: every `discrimination.<criterion>` message is declared with the default severity
*warning* (indirect signals: "jonge, dynamische", "pas afgestudeerd", "representatief
uiterlijk"); explicit exclusions and requirements ("max. 35 jaar", "enkel mannen", "Belgische
nationaliteit vereist", "moedertaal Nederlands", "geen hoofddoek") are raised to *error* with
`MessageType.at`. An operator who changes a code's severity changes the default (the indirect
findings); explicit exclusions stay errors (see `core.settings_cache.apply`).

Birth (a criterion of the federal act) is reported under `social_origin` when it is about
family ("kinderen van personeelsleden krijgen voorrang") and under `origin` when it is about
the place of birth ("geboren in België"); a year of birth is an age limit. Pregnancy and
family plans are reported under `gender` (the Gender Act).

`find_discrimination(text)` is the checker itself, usable on any text; the rule below wraps it.

Speed (a normal vacancy takes about 0.1 ms): the text is folded once and split into words once;
a gate then wakes only the detectors whose words occur in it (anchors derived from each pattern's
first letters, or given), and a woken detector tries its pattern only where a match can start,
or in a window around the words that woke it. `tests/quality/test_discrimination.py` checks that
this gives exactly what searching every text with every detector gives.
"""

from __future__ import annotations

import re
import string
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import NamedTuple

from django.utils.translation import gettext_lazy as _

from werkpost.core.messages import Message, MessageType, Severity, Text
from werkpost.quality.engine import Category, define, rule
from werkpost.quality.rules import discrimination_lexicon as lex
from werkpost.quality.text import free_texts
from werkpost.vacancies.document import VacancyDocument
from werkpost.vacancies.validation import CheckContext

# --- the messages -----------------------------------------------------------------------------

_FIX_SELECT_ON_SKILLS = _(
    "Describe the tasks and the skills, knowledge and experience the job requires, and leave out who "
    "the candidate is. Use the suggested wording or a similar neutral one."
)


def _define(criterion: str, text: Text, explanation: Text, fix: Text = "") -> MessageType:
    return define(
        f"discrimination.{criterion}",
        Severity.WARNING,
        category=Category.FAIRNESS,
        text=text,
        explanation=explanation,
        fix=fix or _FIX_SELECT_ON_SKILLS,
    )


MESSAGES: dict[str, MessageType] = {
    "age": _define(
        "age",
        _('"%(fragment)s" selects candidates on age. Suggestion: %(suggestion)s'),
        _(
            "Belgian anti-discrimination law forbids selecting on age, directly (an age limit) or "
            'indirectly ("young", "recent graduate", a maximum of years of experience). A minimum age '
            "set by law, student jobs, flexi-jobs and startbanen are legal exceptions."
        ),
    ),
    "gender": _define(
        "gender",
        _('"%(fragment)s" selects candidates on gender. Suggestion: %(suggestion)s'),
        _(
            "The Gender Act forbids selecting on gender, pregnancy or family plans, and a text that "
            "addresses only men or only women deters the others. A genuine occupational requirement "
            "(e.g. casting a role) is an exception when the vacancy states it."
        ),
        _('Use a neutral job title with (m/v/x), address the candidate as "you" and leave out gender.'),
    ),
    "origin": _define(
        "origin",
        _('"%(fragment)s" selects candidates on origin or nationality. Suggestion: %(suggestion)s'),
        _(
            "The Anti-racism Act forbids selecting on nationality, so-called race, skin colour, descent "
            "or national or ethnic origin. Asking for the right to work in Belgium is allowed."
        ),
    ),
    "religion": _define(
        "religion",
        _('"%(fragment)s" selects candidates on religion or belief. Suggestion: %(suggestion)s'),
        _(
            "Anti-discrimination law forbids selecting on religion or belief, including a ban on one "
            "religious garment. A general neutrality policy and organisations whose ethos is based on "
            "religion may set conditions, within the limits of the law."
        ),
    ),
    "disability": _define(
        "disability",
        _('"%(fragment)s" selects candidates on disability or health. Suggestion: %(suggestion)s'),
        _(
            "Anti-discrimination law forbids selecting on a disability or on current or future health; "
            "employers must make reasonable adjustments. Describe the tasks, not the body."
        ),
    ),
    "sexual_orientation": _define(
        "sexual_orientation",
        _('"%(fragment)s" selects candidates on sexual orientation. Suggestion: %(suggestion)s'),
        _("Anti-discrimination law forbids selecting on sexual orientation."),
    ),
    "civil_status": _define(
        "civil_status",
        _('"%(fragment)s" selects candidates on civil status or family situation. Suggestion: %(suggestion)s'),
        _(
            "Anti-discrimination law forbids selecting on civil status (married, single) or family "
            "situation (children). Describe the hours and the travel the job involves instead."
        ),
    ),
    "language": _define(
        "language",
        _('"%(fragment)s" selects candidates on their language of origin. Suggestion: %(suggestion)s'),
        _(
            "The Flemish decree forbids selecting on language. Asking for the language skills the job "
            'needs is fine (e.g. Dutch at level B2); a mother tongue, a "native speaker" or an accent '
            "is about origin, not skill."
        ),
        _("Ask for the language level the job needs, on the CEFR scale (A1-C2)."),
    ),
    "physical": _define(
        "physical",
        _('"%(fragment)s" selects candidates on appearance or physical characteristics. Suggestion: %(suggestion)s'),
        _(
            "Anti-discrimination law forbids selecting on physical or genetic characteristics. Looks, "
            "height, size and a photo with the CV say nothing about how well someone does the job."
        ),
    ),
    "social_origin": _define(
        "social_origin",
        _('"%(fragment)s" selects candidates on social origin or birth. Suggestion: %(suggestion)s'),
        _(
            "Anti-discrimination law forbids selecting on social origin and birth: family, class or "
            "neighbourhood, or being the child of an employee."
        ),
    ),
    "wealth": _define(
        "wealth",
        _('"%(fragment)s" selects candidates on wealth. Suggestion: %(suggestion)s'),
        _(
            "Anti-discrimination law forbids selecting on wealth: property, savings, debts or living on "
            "benefits. Asking for your own car when the job needs one is fine."
        ),
    ),
    "political": _define(
        "political",
        _('"%(fragment)s" selects candidates on political or union belief. Suggestion: %(suggestion)s'),
        _("Anti-discrimination law forbids selecting on political belief or union membership."),
    ),
}

CRITERIA = tuple(MESSAGES)


# --- normalised text --------------------------------------------------------------------------


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        if len(base) == 1 and base != char:
            table[code] = base
    for chars, plain in (
        ("\u2018\u2019\u201a\u201b\u00b4`", "'"),
        ("\u201c\u201d\u201e", '"'),
        ("\u2010\u2011\u2012\u2013\u2014\u2212", "-"),
        ("\u00a0\u2009\u202f", " "),
    ):
        for char in chars:
            table[ord(char)] = plain
    return table


_FOLD = _fold_table()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_char(m: re.Match[str]) -> str:
    return _FOLD.get(ord(m.group()), m.group())


def normalise(text: str) -> str:
    """Lower case without accents, plain quotes and dashes; same length, so offsets carry over."""
    if not text.isascii():
        text = _NON_ASCII.sub(_fold_char, text)  # (str.translate with a dict is slow on long texts)
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_SENTENCE_END = re.compile(r"[.!?]+(?=\s+[\"'(\u2018\u201c]?[A-Z\u00c0-\u00de0-9]|\s*$)|[;\n\u2022]")
_CLAUSE_END = re.compile(r"[,:()\[\]/]|\s-\s|\b(?:want|maar|omdat|but|because|whereas)\b")
_WORD = re.compile(r"[a-z0-9'][a-z0-9'-]*")
_NL_HINTS = _wordset(
    "de het een en je jij u van voor met op bent hebt zijn onze ons niet geen als bij naar dat die wordt "
    "worden wij zoeken ervaring jaar"
)
_EN_HINTS = _wordset(
    "the a an and you your of for with on are our not no to will be must have we're looking experience years"
)


class _Text:
    """One text under scrutiny: the original, its folded form and its sentences and clauses."""

    def __init__(self, text: str, language: str | None) -> None:
        self.text = text
        self.norm = normalise(text)
        self.language = language
        self.spaced = b""  # set by the gate: `words` is only needed by the age detectors

    @cached_property
    def words(self) -> frozenset[bytes]:
        return frozenset(self.spaced.split())

    @cached_property
    def _sentence_ends(self) -> list[int]:
        return [m.end() for m in _SENTENCE_END.finditer(self.text)]

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        ends = self._sentence_ends
        i = bisect_right(ends, start)
        begin = ends[i - 1] if i else 0
        j = bisect_left(ends, end)
        return begin, (ends[j] if j < len(ends) else len(self.text))

    def clause_start(self, start: int) -> int:
        """Where the clause that holds `start` begins (a comma, colon, bracket or sentence end)."""
        begin, _end = self.sentence(start, start)
        last = begin
        for m in _CLAUSE_END.finditer(self.norm, begin, start):
            last = m.end()
        return last

    def clause_end(self, end: int) -> int:
        _begin, stop = self.sentence(end, end)
        m = _CLAUSE_END.search(self.norm, end, stop)
        return m.start() if m else stop

    def language_at(self, start: int, end: int) -> str:
        begin, stop = self.sentence(start, end)
        words = _WORD.findall(self.norm, begin, stop)
        dutch = sum(1 for w in words if w in _NL_HINTS)
        english = sum(1 for w in words if w in _EN_HINTS)
        if dutch == english:
            return self.language if self.language in ("nl", "en") else "nl"
        return "nl" if dutch > english else "en"


class _Where(NamedTuple):  # (a tuple: built for every woken detector, cheaper than a dataclass)
    """Where a detector looks: matches start at `starts`, or lie in `windows` (start, end)."""

    starts: tuple[int, ...] = ()
    windows: tuple[tuple[int, int], ...] = ()


type Where = _Where | None  # None: the whole text


def _scan(pattern: re.Pattern[str], t: _Text, where: Where) -> Iterator[re.Match[str]]:
    """The matches of `pattern` where the gate says (word boundaries and lookbehinds see the whole text)."""
    if where is None:
        yield from pattern.finditer(t.norm)
        return
    for start in where.starts:
        m = pattern.match(t.norm, start)
        if m:
            yield m
    for low, high in where.windows:
        yield from pattern.finditer(t.norm, low, high)


# --- findings ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """A fragment of the text that selects on a protected criterion."""

    criterion: str
    severity: Severity
    fragment: str  # as written in the text
    suggestion: str  # a neutral wording, in the language of the sentence
    start: int
    end: int
    rule: str  # which rule of the checker found it (for explanations and tests)


@dataclass(frozen=True)
class Detector:
    """A rule of the checker, with the words that must be in a text before it can match.

    `anchors` are word prefixes (2 to 4 characters; "hoof" for "hoofddoek"), `words` whole words;
    `ages` asks for a number that can be an age (16-75), `marks` for one of these characters. A
    text without any of them is not searched by this detector at all: most texts are clean, so
    most detectors never run.
    """

    name: str
    run: Callable[[_Text, Where], Iterator[Finding]]
    anchors: frozenset[str] = field(default_factory=frozenset)
    words: frozenset[str] = field(default_factory=frozenset)
    ages: bool = False
    marks: str = ""
    # Where matches can start: word prefixes taken from the pattern's own first letters (or, with
    # none, the `words`). The pattern is tried at those places only; a detector without either
    # searches around the words that woke it.
    starts: frozenset[str] = field(default_factory=frozenset)


_FRAGMENT_MAX = 120


def _finding(
    t: _Text,
    criterion: str,
    severity: Severity,
    start: int,
    end: int,
    suggestion: tuple[str, str],
    name: str,
    lang: str | None = None,
) -> Finding:
    fragment = t.text[start:end].strip(" ,;:")
    if len(fragment) > _FRAGMENT_MAX:
        fragment = fragment[: _FRAGMENT_MAX - 1].rstrip() + "\u2026"
    dutch = t.language_at(start, end) == "nl"
    text = suggestion[0] if dutch else suggestion[1]
    if "{lang}" in text:
        names = _LANGUAGE_NAMES.get(lang or "", ("Nederlands", "Dutch") if dutch else ("Engels", "English"))
        text = text.format(lang=names[0] if dutch else names[1])
    return Finding(criterion, severity, fragment, text, start, end, name)


_LANGUAGE_NAMES = {
    "nederlands": ("Nederlands", "Dutch"),
    "vlaams": ("Nederlands", "Dutch"),
    "dutch": ("Nederlands", "Dutch"),
    "flemish": ("Nederlands", "Dutch"),
    "frans": ("Frans", "French"),
    "french": ("Frans", "French"),
    "engels": ("Engels", "English"),
    "english": ("Engels", "English"),
    "duits": ("Duits", "German"),
    "german": ("Duits", "German"),
    "spaans": ("Spaans", "Spanish"),
    "spanish": ("Spaans", "Spanish"),
    "italiaans": ("Italiaans", "Italian"),
    "italian": ("Italiaans", "Italian"),
    "portugees": ("Portugees", "Portuguese"),
    "portuguese": ("Portugees", "Portuguese"),
    "arabisch": ("Arabisch", "Arabic"),
    "arabic": ("Arabisch", "Arabic"),
    "turks": ("Turks", "Turkish"),
    "turkish": ("Turks", "Turkish"),
    "pools": ("Pools", "Polish"),
    "polish": ("Pools", "Polish"),
    "roemeens": ("Roemeens", "Romanian"),
    "romanian": ("Roemeens", "Romanian"),
}


# --- frames: what must hold around a pattern ------------------------------------------------


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_NEGATED_BEFORE = _c(rf"\b(?:{lex.NEGATION})\b(?:\W+[\w'-]+){{0,4}}?\W*$")
_RESTRICTED_BEFORE = _c(rf"\b(?:{lex.RESTRICTION}|{lex.NEGATION})\b(?:\W+[\w'-]+){{0,3}}?\W*$")
_ONLY_BEFORE = _c(rf"\b(?:{lex.RESTRICTION})\b(?:\W+[\w'-]+){{0,3}}?\W*$")
_REQUIRED_BEFORE = _c(
    rf"\b(?:{lex.REQUIREMENT})\b(?:\s+(?:een|a|an|echte|zelf|ook|nog|heel|zeer|erg|very|really|truly|onze|our|"
    r"uw|jouw|je))*\s*$"
)
_REQUIRED_AFTER = _c(
    r"^\s*(?:is\s+(?:een\s+)?(?:vereiste|must|voorwaarde)|vereist|required|is\s+required|is\s+a\s+must|"
    r"gezocht|gevraagd|wanted|needed|only)\b"
)
_NEGATED_CLOSE = _c(r"\b(?:geen|zonder|no|without|never|nooit)\b(?:\W+[\w'-]+)?\W*$")
_NOT_REQUIRED_AFTER = _c(
    r"\s*(?:[\w'-]+\s+){0,3}?(?:is\s+|zijn\s+|are\s+|hoeft\s+)?(?:geen\s+(?:vereiste|must|voorwaarde|noodzaak|"
    r"verplichting)|niet\s+(?:vereist|nodig|noodzakelijk|verplicht)|not\s+(?:required|necessary|needed|mandatory|"
    r"a\s+(?:requirement|must))|optioneel|optional)\b"
)
_EXCLUSION = _c(lex.EXCLUSION)
_PREFERENCE = _c(lex.PREFERENCE)
_INCLUSIVE = _c(lex.INCLUSIVE)
_EXCEPTIONS = {criterion: _c(pattern) for criterion, pattern in lex.EXCEPTIONS.items()}
_ONLY_SPACE = _c(r"^[\s\"'.\-\u2022*]*$")
_LIST_ITEM_AFTER = _c(r"^\s*(?:en\b|and\b|,|\.|;|$)")


def _window_before(t: _Text, start: int) -> str:
    return t.norm[t.clause_start(start) : start]


def _sentence_after(t: _Text, end: int) -> str:
    return t.norm[end : t.sentence(end, end)[1]]


def _inclusive(t: _Text, start: int, end: int) -> bool:
    """Is the sentence a diversity statement? A question counts with its answer ("Ben je 50+? Welkom!")."""
    begin, stop = t.sentence(start, end)
    if t.text[begin:stop].rstrip().endswith("?") and stop < len(t.text):
        stop = t.sentence(stop + 1, stop + 1)[1]
    return _INCLUSIVE.search(t.norm, begin, stop) is not None


def _excepted(t: _Text, criterion: str, start: int, end: int) -> bool:
    pattern = _EXCEPTIONS.get(criterion)
    if pattern is None:
        return False
    begin, stop = t.sentence(start, end)
    return pattern.search(t.norm, begin, stop) is not None


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    explicit: bool  # restricted, excluded or preferred: an explicit condition


def _frame(t: _Text, spec: lex.Spec, m: re.Match[str]) -> _Hit | None:
    """Does the frame of `spec` hold around match `m`? The span to quote, and whether it is explicit."""
    start, end = m.span()
    before = _window_before(t, start)
    after = _sentence_after(t, end)
    restricted = _RESTRICTED_BEFORE.search(before)
    excluded = _EXCLUSION.search(after)
    preferred = _PREFERENCE.search(after)
    explicit = bool(_ONLY_BEFORE.search(before) or excluded or preferred)

    def span_with(prefix: re.Match[str] | None, suffix: re.Match[str] | None) -> _Hit:
        s = start - len(before) + prefix.start() if prefix else start
        e = end + suffix.end() if suffix and suffix.start() < 60 else end
        return _Hit(s, e, explicit)

    if spec.frame == "always":
        return span_with(restricted, (excluded or preferred) if explicit else None)
    if spec.frame == "negated":
        negated = _NEGATED_BEFORE.search(before)
        if negated or excluded:
            return span_with(negated, excluded)
        return None
    if spec.frame == "group":
        if restricted or excluded or preferred:
            return span_with(restricted, excluded or preferred)
        return None
    # required, sought
    required = _REQUIRED_BEFORE.search(before)
    if spec.frame == "sought":
        required = required or _SEEK_BEFORE.search(before)
        if _SEEK_AFTER.match(t.norm[end : t.clause_end(end)]):
            return _Hit(start, end, True)
    only = _ONLY_BEFORE.search(before)
    if required or only or preferred or _REQUIRED_AFTER.search(after):
        return span_with(required or only, preferred)
    if spec.start_ok and _ONLY_SPACE.match(before) and _LIST_ITEM_AFTER.match(after):
        return _Hit(start, end, False)
    return None


_ANCHOR_MIN, _ANCHOR_MAX, _START_MIN = 2, 4, 3


def _literal_prefixes(items: list[tuple[object, object]]) -> tuple[set[str], bool]:
    """The literal prefixes every match of a parsed pattern starts with (and whether they are whole).

    Follows literals, small character sets, groups and alternations from the start; stops at the
    first thing it cannot enumerate (the prefixes found so far are still prefixes of every match).
    """
    c = sre_constants
    found = {""}
    for op, av in items:
        if all(len(prefix) >= _ANCHOR_MAX for prefix in found):
            return found, False
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op is c.LITERAL:
            found = {prefix + chr(av) for prefix in found}  # type: ignore[arg-type]
        elif op is c.IN:
            chars: list[str] = []
            for kind, value in av:  # type: ignore[attr-defined]
                if kind is c.LITERAL:
                    chars.append(chr(value))
                elif kind is c.RANGE and value[1] - value[0] < 10:
                    chars.extend(chr(code) for code in range(value[0], value[1] + 1))
                else:
                    return found, False
            found = {prefix + char for prefix in found for char in chars}
        elif op is c.SUBPATTERN:
            inner, whole = _literal_prefixes(av[-1])  # type: ignore[index]
            found = {prefix + rest for prefix in found for rest in inner}
            if not whole:
                return found, False
        elif op is c.BRANCH:
            branches = [_literal_prefixes(branch) for branch in av[1]]  # type: ignore[index]
            found = {prefix + rest for prefix in found for inner, _ in branches for rest in inner}
            if not all(whole for _, whole in branches):
                return found, False
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:  # type: ignore[index]
            inner, _ = _literal_prefixes(av[2])  # type: ignore[index]
            return {prefix + rest for prefix in found for rest in inner}, False
        else:
            return found, False
    return found, True


def _starts_at_word(items: list[tuple[object, object]]) -> bool:
    """Does every match of a parsed pattern start at a word boundary (a leading \\b on every branch)?"""
    c = sre_constants
    if not items:
        return False
    op, av = items[0]
    if op is c.AT:
        return av is c.AT_BOUNDARY
    if op is c.SUBPATTERN:
        return _starts_at_word(list(av[-1]))  # type: ignore[index]
    if op is c.BRANCH:
        return all(_starts_at_word(list(branch)) for branch in av[1])  # type: ignore[index]
    return False


def _anchors(spec: lex.Spec) -> tuple[frozenset[str], frozenset[str]]:
    """The word prefixes that wake the spec (see `Detector`), and those its matches start with."""
    parsed = list(sre_parse.parse(spec.pattern))
    prefixes, _ = _literal_prefixes(parsed)
    derived = {re.split(r"[^a-z0-9]", prefix)[0][:_ANCHOR_MAX] for prefix in prefixes}
    # Short starts ("je", "a", "1") occur everywhere: looking them all up costs more than a search.
    usable = all(len(word) >= _START_MIN for word in derived) and _starts_at_word(parsed)
    starts = frozenset(derived) if usable else frozenset()
    gate = {anchor[:_ANCHOR_MAX] for anchor in spec.anchors} if spec.anchors else derived
    if any(len(word) < _ANCHOR_MIN for word in gate):
        raise ValueError(f"{spec.name}: its pattern starts with short or optional words; give it anchors")
    if not spec.anchors and not _starts_at_word(parsed):
        raise ValueError(f"{spec.name}: every branch of its pattern must start with \\b (or give it anchors)")
    return frozenset(gate), starts


def _spec_detector(spec: lex.Spec) -> Detector:
    anchors, starts = _anchors(spec)
    return Detector(spec.name, _spec_run(spec), anchors=anchors, ages=spec.ages, marks=spec.marks, starts=starts)


def _spec_run(spec: lex.Spec) -> Callable[[_Text, Where], Iterator[Finding]]:
    pattern = re.compile(spec.pattern)
    base = Severity(spec.severity)
    softened = re.compile(spec.softened_by) if spec.softened_by else None

    def detect(t: _Text, windows: Where) -> Iterator[Finding]:
        for m in _scan(pattern, t, windows):
            hit = _frame(t, spec, m)
            if hit is None or _NOT_REQUIRED_AFTER.match(t.norm, m.end(), t.clause_end(m.end())):
                continue
            if spec.negation_clears and _NEGATED_CLOSE.search(_window_before(t, m.start())):
                continue
            by_exclusion = spec.frame != "always" and _EXCLUSION.search(_sentence_after(t, m.end())) is not None
            if not by_exclusion and _inclusive(t, m.start(), m.end()):
                continue
            if _excepted(t, spec.criterion, m.start(), m.end()):
                continue
            severity = Severity.ERROR if spec.explicit and hit.explicit else base
            if softened is not None and softened.search(t.norm, *t.sentence(m.start(), m.end())):
                severity = Severity.WARNING
            lang = next((v for k, v in m.groupdict().items() if v and k.startswith("lang")), None)
            yield _finding(t, spec.criterion, severity, hit.start, hit.end, spec.suggestion, spec.name, lang)

    return detect


# --- age: numbers ------------------------------------------------------------------------------


_UNITS_NL = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")
_UNITS_EN = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
         "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}  # fmt: skip
_TEENS = {"zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip
# Ages written out: "vijfendertig", "tweeentwintig" (folded from "tweeëntwintig"), "thirty-five".
_NUM_WORDS = (
    rf"(?:(?:{'|'.join(_UNITS_NL)})en)?(?:{'|'.join(list(_TENS)[:6])})|"
    rf"(?:{'|'.join(list(_TENS)[6:])})(?:[- ](?:{'|'.join(_UNITS_EN)}))?|{'|'.join(_TEENS)}"
)
NUMBER_WORD_TOKENS = frozenset(
    [w.encode() for w in (*_TENS, *_TEENS)] + [f"{u}en{t}".encode() for u in _UNITS_NL for t in list(_TENS)[:6]]
)
_NUM = rf"(?P<n>(?<![\d.,/])(?:1[6-9]|[2-6]\d|7[0-5])(?!\d|[.,]\d)|(?:{_NUM_WORDS})\b)"


def _value(number: str) -> int:
    """16-75 from "35", "vijfendertig" or "thirty-five"."""
    if number.isdigit():
        return int(number)
    if number in _TEENS:
        return _TEENS[number]
    for units in (_UNITS_NL, _UNITS_EN):
        for value, unit in enumerate(units, 1):
            if number.startswith(f"{unit}en") and number[len(unit) + 2 :] in _TENS:
                return _TENS[number[len(unit) + 2 :]] + value
            if number.endswith((f"-{unit}", f" {unit}")) and number[: -len(unit) - 1] in _TENS:
                return _TENS[number[: -len(unit) - 1]] + value
    return _TENS[number]


_UNIT = r"(?:\s*(?P<unit>jaar|jr|j|years?|yrs?|y\.?o)\b\.?(?:\s*(?:oud|old|of\s+age))?)"
_MAX_WORDS = (
    r"max(?:imum|imale)?\.?\s+leeftijd(?:\s+van|\s+is)?|max(?:imum|imaal)?\.?|hoogstens|ten\s+hoogste|"
    r"niet\s+ouder\s+dan|jonger\s+dan|onder\s+de|no\s+older\s+than|"
    r"not\s+older\s+than|younger\s+than|under\s+the\s+age\s+of|under|below\s+the\s+age\s+of|below|at\s+most|"
    r"maximum\s+age(?:\s+of|\s+is)?|upper\s+age\s+limit(?:\s+of|\s+is)?|age\s+limit(?:\s+of|\s+is)?|"
    r"leeftijdsgrens(?:\s+van|\s+is)?|leeftijdslimiet(?:\s+van|\s+is)?|maximumleeftijd(?:\s+van|\s+is)?"
)
_AGE_SPECIFIC_MAX = re.compile(
    r"niet\s+ouder|jonger|no\s+older|not\s+older|younger|age|leeftijd|under\s+the\s+age|below\s+the\s+age"
)
_MIN_WORDS = (
    r"min(?:imum|imaal)?\.?|minstens|ten\s+minste|ouder\s+dan|vanaf|at\s+least|older\s+than|over|above|"
    r"boven\s+de|minimum\s+age(?:\s+of|\s+is)?|minimumleeftijd(?:\s+van|\s+is)?"
)
_AGE_MAX = re.compile(rf"\b(?P<lim>{_MAX_WORDS})\s*:?\s*(?:de\s+)?{_NUM}{_UNIT}?")
_AGE_MIN = re.compile(rf"\b(?P<lim>{_MIN_WORDS})\s*:?\s*(?:de\s+)?{_NUM}{_UNIT}?")
_AGE_RANGE = re.compile(
    r"(?:\b(?P<pre>tussen(?:\s+de)?|tss\.?|between|van|from|aged|leeftijd\s*:?|age\s*:?|ideal\s+age\s*:?|"
    r"ideale\s+leeftijd\s*:?)\s*)?(?<![\d.,/])(?P<a>1[6-9]|[2-6]\d|7[0-5])\s*(?:jaar\s*|j\s*)?"
    r"(?:-|a|tot|en|to|and|/)\s*(?P<b>1[6-9]|[2-6]\d|7[0-5])(?!\d|[.,]\d)" + _UNIT + "?"
)
_AGE_ABOUT = re.compile(
    rf"(?:\+/-|\+-|\u00b1|\bongeveer|\brond\s+de|\brond|\baround|\babout|\bcirca|\bca\.?)\s*{_NUM}\s*(?:jaar|years?|j)\b"
)
_NOT_AGE_UNITS = (
    r"uur|u\b|uren|km|kilometer|euro|eur\b|\u20ac|%|procent|min\b|minuten|maand|maanden|months?|weken|weeks?|"
    r"dagen|days?|hours?|kg|kilo|m\b|m2|cm|personen|people|medewerkers|employees|stuks|graden|keer|times|x\b|"
    r"pallets?|ton\b|liter|kandidaten|posities|plaatsen|bedden|beds|klanten|clients|vrachtwagens|trucks|collega|"
    r"colleagues|talen|languages|landen|countries|nationaliteiten|nationalities|vestigingen|winkels"
)
_NOT_AN_AGE_AFTER = re.compile(rf"^\s*(?:-\s*)?(?:\d|{_NOT_AGE_UNITS})")
_UNIT_AFTER = re.compile(rf"\s*(?:{_NOT_AGE_UNITS})")  # "38 uur", "25 km": no age, no need to look around
_EXPERIENCE_AFTER = re.compile(
    r"^\s*(?:\w+\s+)?(?:ervaring|werkervaring|experience|of\s+\w*\s*experience|anciennit\w*|dienst|service|"
    r"garantie|warranty|geleden|ago|contract|looptijd|bestaan|history)"
)
_AGE_CONTEXT = re.compile(
    r"\b(?:je|jij|u|you|kandida\w*|candidat\w*|applicant\w*|sollicitant\w*|leeftijd|age|aged|ideale|ideal)\b"
)
_PERSON = re.compile(
    r"\b(?:je|jij|u|you|kandida\w*|candidat\w*|applicant\w*|sollicitant\w*|medewerker\w*|leeftijd|age|aged|"
    r"profiel|profile|persoon|person|magazijnier|verkoper|bediende)\b"
)
_OBJECT = re.compile(
    r"\b(?:kinderen|kind|kids|children|child|baby'?s|babies|peuters|kleuters|jongeren|tieners|leerlingen|"
    r"scholieren|pupils|students|studenten|cursisten|clienten|clients|bewoners|residents|patienten|patients|"
    r"ouderen|senioren|elderly|doelgroep|young\s+people|youngsters|teenagers|adolescents|deelnemers|"
    r"participants|machines?|machinery|wagen\w*|auto'?s?|voertuig\w*|vehicles?|cars?|vans|trucks?|"
    r"vrachtwagen\w*|bestelwagen\w*|wagenpark|vloot|fleet|toestel\w*|apparatuur|equipment|materieel|"
    r"materiaal|gebouw\w*|buildings?|bedrijf|company|firma|contract\w*|opleiding|training|garantie|warranty|"
    r"ervaring|experience|looptijd|lening|loan)\b"
)
_AGE_SUGGESTION = (
    "laat de leeftijd weg en beschrijf wat de job vraagt (ervaring, vaardigheden)",
    "leave out the age and describe what the job requires (experience, skills)",
)
_MIN_AGE_SUGGESTION = (
    "laat de minimumleeftijd weg, of vermeld de wettelijke vereiste waarop ze steunt",
    "leave out the minimum age, or state the legal requirement it rests on",
)


def _about_a_person(t: _Text, start: int) -> bool:
    """Is the nearest subject before `start` in its clause a candidate (not children, machines ...)?"""
    before = _window_before(t, start)
    person = max((m.end() for m in _PERSON.finditer(before)), default=-1)
    thing = max((m.end() for m in _OBJECT.finditer(before)), default=-1)
    return thing < person or thing == -1


def _age_number(t: _Text, m: re.Match[str], age_specific: bool) -> bool:
    """Is this number, with its unit, the age of the candidate?"""
    after = t.norm[m.end() : m.end() + 40]
    if m.group("unit") is None:
        if _NOT_AN_AGE_AFTER.match(after):
            return False
        if not age_specific and not _AGE_CONTEXT.search(_window_before(t, m.start()) + " " + m.group(0)):
            return False
    elif _EXPERIENCE_AFTER.match(after):
        return False
    return _about_a_person(t, m.start())


_TWO_DIGITS = re.compile(r"[1-7]\d(?!\d)")  # 16-75 is checked in code (a plain class scans fast)
# Around a number, what makes it worth checking as an age: a year unit or a second number right
# after it, or a limit, range or candidate word just before it (every age pattern has one). Plain
# substrings, no word boundaries: a few extra checks are cheaper than a slow scan.
_AGE_NEXT = re.compile(r"\s*(?:jaar|jr|j\b|years?|yrs?|y\.?o|(?:-|a|tot|en|to|and|/)\s*\d)")
_AGE_CUE = re.compile(
    r"leeftijd|age|jonger|ouder|older|younger|under|below|tussen|tss|between|max|min|hoogst|vanaf|over|above|"
    r"boven|\u00b1|\+/|\+-|rond|around|about|circa|ca|onder|most|least|ongeveer|bent|you are|kandida|candidat|"
    r"applicant"
)
_AGE_BEFORE, _AGE_AFTER = 45, 25  # the longest lead-in ("upper age limit of"), the longest tail ("jaar oud")


def _age_windows(t: _Text) -> list[tuple[int, int]]:
    """The stretches of text around numbers that can be an age (the age patterns only look there)."""
    windows: list[tuple[int, int]] = []
    numbers = [
        (m.start(), m.end())
        for m in _TWO_DIGITS.finditer(t.norm)
        if 16 <= int(m.group()) <= 75
        and (not m.start() or t.norm[m.start() - 1] not in "0123456789.,/")
        and not _UNIT_AFTER.match(t.norm, m.end())
    ]
    for word in t.words & NUMBER_WORD_TOKENS:  # "vijfendertig", "thirty": where the gate saw them
        at = t.norm.find(word.decode())
        while at >= 0:
            if (not at or not t.norm[at - 1].isalpha()) and not t.norm[at + len(word) : at + len(word) + 1].isalpha():
                numbers.append((at, at + len(word)))
            at = t.norm.find(word.decode(), at + 1)
    for start, end in sorted(numbers):
        low = max(0, start - _AGE_BEFORE)
        if not _AGE_NEXT.match(t.norm, end) and not _AGE_CUE.search(t.norm, low, start):
            continue  # "16,20 euro", "PC 200", "1 september": nothing around it speaks of age
        high = min(len(t.norm), end + _AGE_AFTER)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    return windows


def _in_windows(pattern: re.Pattern[str], t: _Text, windows: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    for low, high in windows:
        yield from pattern.finditer(t.norm, low, high)


def _age_numbers(t: _Text, _windows: Where) -> Iterator[Finding]:
    windows = _age_windows(t)
    for m in _in_windows(_AGE_MAX, t, windows):
        lim = m.group("lim")
        if lim in ("under", "below") and m.group("unit") in ("jaar", "jr", "j"):
            continue
        if not _age_number(t, m, _AGE_SPECIFIC_MAX.search(lim) is not None):
            continue
        if _excepted(t, "age", m.start(), m.end()):
            continue
        yield _finding(t, "age", Severity.ERROR, m.start(), m.end(), _AGE_SUGGESTION, "age.limit")
    for m in _in_windows(_AGE_MIN, t, windows):
        lim = m.group("lim")
        if lim in ("over", "above") and m.group("unit") in ("jaar", "jr", "j"):
            continue  # Dutch "over 30 jaar" is "in 30 years"
        if _value(m.group("n")) <= 18 or not _age_number(t, m, "age" in lim or "leeftijd" in lim):
            continue
        excluded = _EXCLUSION.search(_sentence_after(t, m.end()))
        if excluded:
            end = m.end() + excluded.end() if excluded.start() < 60 else m.end()
            yield _finding(t, "age", Severity.ERROR, m.start(), end, _AGE_SUGGESTION, "age.minimum_exclusion")
        elif not _excepted(t, "age", m.start(), m.end()):
            yield _finding(t, "age", Severity.WARNING, m.start(), m.end(), _MIN_AGE_SUGGESTION, "age.minimum")
    for m in _in_windows(_AGE_RANGE, t, windows):
        low, high, pre = int(m.group("a")), int(m.group("b")), (m.group("pre") or "").strip()
        if not low < high <= low + 35:
            continue
        if m.group("unit") is None:
            if pre.startswith(("van", "from")) or not pre:
                continue
            labelled = pre.startswith(("leeftijd", "age", "aged", "ideal"))
            if not labelled and not _AGE_CONTEXT.search(_window_before(t, m.start())):
                continue
        if not _age_number(t, m, True):
            continue
        if _excepted(t, "age", m.start(), m.end()):
            continue
        yield _finding(t, "age", Severity.ERROR, m.start(), m.end(), _AGE_SUGGESTION, "age.range")
    about = [(low, high) for low, high in windows if "leeftijd" in t.norm[low:high] or "age" in t.norm[low:high]]
    for m in _in_windows(_AGE_ABOUT, t, about):
        if re.search(r"\b(?:leeftijd|age)\b", _window_before(t, m.start())):
            yield _finding(t, "age", Severity.ERROR, m.start(), m.end(), _AGE_SUGGESTION, "age.about")


# --- age: "jong", "young" ------------------------------------------------------------------------

_YOUNG = re.compile(r"\b(?P<w>jong|jonge|jonger|jongere|young|younger)\b")
_NOT_PEOPLE = _wordset(
    "carriere career loopbaan kinderen kind kids kinders baby babys baby's peuters kleuters jongeren "
    "tieners planten plantjes plant bomen boompjes dieren dier kalveren biggen bedrijf bedrijven "
    "onderneming ondernemingen firma organisatie start startup merk sector wijn wijnen kaas groenten "
    "gezinnen gezin ouders moeders vaders nieuwkomers volwassenen leerlingen scholieren studenten "
    "cliënten clienten bewoners children child babies toddlers plants trees animals company companies "
    "business businesses firm organisation organization brand wine wines cheese families parents mothers "
    "fathers adults offenders pupils students clients residents patients patienten kippen vee scale-up "
    "scaleup"
)
_NOT_PEOPLE_HEADS = ("bedrijf", "bedrijven", "onderneming", "ondernemingen", "organisatie", "kinderen", "company")
_EMPLOYER = re.compile(
    r"\b(?:(?:ons|onze|our|het|the|de)\s+(?:\w+\s+)?(?:team|ploeg|bedrijf|company|organisatie|organisation|"
    r"organization|sfeer|atmosphere|cultuur|culture)\s+(?:is|zijn|are|blijft|stays)|(?:we|wij)\s+(?:zijn|are)\s+"
    r"(?:een|a|an)|we're\s+an?)\b"
)
_CANDIDATE_SUBJECT = re.compile(
    r"\b(?:je|jij|u|you|kandida\w*|candidat\w*|applicant\w*|sollicitant\w*|medewerker\w*|collega\w*)\b"
)
_TEAM = frozenset({"team", "teams", "ploeg", "ploegen", "crew"})
_FITS = re.compile(r"\b(?:past|passen|pas|fit|fits|aansluit\w*|thuis\s+voel\w*|thrive)\b")
_CARE = re.compile(
    r"\b(?:begeleid\w*|ondersteun\w*|support\w*|werk\w*\s+met|work\w*\s+with|zorg\w*\s+voor|care\s+for|caring\s+for|"
    r"opvang\w*|help\w*|coach\w*|assist\w*|verzorg\w*|les\s+aan|teach\w*|animat\w*|doelgroep|target\s+group|"
    r"begeleiding|mentor\w*|train\w*|opleid\w*|met\s+kinderen|gericht\s+op|for\s+children)\b"
)
_YOUNG_SUGGESTION = ("gemotiveerde, dynamische", "motivated, dynamic")
_TEAM_SUGGESTION = ("ons enthousiaste team", "our enthusiastic team")


def _young(t: _Text, windows: Where) -> Iterator[Finding]:
    for m in _scan(_YOUNG, t, windows):
        word = m.group("w")
        following = _WORD.findall(t.norm, m.end(), t.clause_end(m.end()))[:4]
        if word in ("jonger", "younger", "jongere") and following[:1] in (["dan"], ["than"]):
            continue
        if _CARE.search(_window_before(t, m.start())):
            continue
        if any(w in _NOT_PEOPLE or w.split("-")[-1] in _NOT_PEOPLE or w.endswith(_NOT_PEOPLE_HEADS) for w in following):
            continue
        before = _window_before(t, m.start())
        if _EMPLOYER.search(before) and not _CANDIDATE_SUBJECT.search(before):
            continue  # "ons team is jong van geest", "we are a young company": about the employer
        team = next((w for w in following if w in _TEAM), None)
        if team is not None:
            begin, stop = t.sentence(m.start(), m.end())
            if not _FITS.search(t.norm, begin, stop):
                continue
        if _inclusive(t, m.start(), m.end()) or _excepted(t, "age", m.start(), m.end()):
            continue
        end = m.end()
        if team is not None:
            end = t.norm.index(team, m.end()) + len(team)
        elif following and following[0] not in ("en", "and", "van"):
            end = t.norm.index(following[0], m.end()) + len(following[0])
        suggestion = _TEAM_SUGGESTION if team else _YOUNG_SUGGESTION
        yield _finding(t, "age", Severity.WARNING, m.start(), end, suggestion, "age.young")


# --- gender: people --------------------------------------------------------------------------------

_GENDER_NOUNS = (
    r"mannen|man|vrouwen|vrouw|dames?|heren|heer|kerels?|meisjes?|meiden|meid|jongens?|jongedames?|"
    r"jongeman(?:nen)?|men|women|woman|guys?|girls?|lady|ladies|boys?|gentlem[ae]n"
)
_GENDER_NOUN = re.compile(rf"\b(?P<noun>{_GENDER_NOUNS})\b")
_YOUTHFUL_NOUNS = _wordset(
    "meisje meisjes meid meiden jongen jongens jongedame jongedames jongeman jongemannen girl girls boy boys"
)
_PAIR_AFTER = re.compile(
    rf"\s*-?\s*(?:en|of|and|or|/|&|,)\s*(?:[\w'-]+\s+){{0,2}}(?:{_GENDER_NOUNS}|heren\w*|dames\w*)\b"
)
_PAIR_BEFORE = re.compile(
    rf"\b(?:{_GENDER_NOUNS}|heren\w*|dames\w*)\s*-?\s*(?:en|of|and|or|/|&|,)\s*(?:[\w'-]+\s+){{0,2}}$"
)
_SEEK_BEFORE = re.compile(
    r"\b(?:zoeken|zoekt|zoek|gezocht|looking\s+for|seeking|search(?:ing)?\s+for|hiring|need|needs|want|wants|"
    r"wensen|wenst|vragen|recruit\w*|aanwerven|werven)\b(?:\W+[\w'-]+){0,3}?\W*$"
)
_SEEK_AFTER = re.compile(r"^(?:\W+[\w'-]+){0,5}?\W+(?:gezocht|gevraagd|wanted|needed|required)\b")
_HEADLINE_BEFORE = re.compile(r"^\W*(?:[\w'-]+\W+){0,2}$")
_HEADLINE_AFTER = re.compile(r"^\s+(?:voor|for)\b")
_IS_A = re.compile(
    r"\b(?:je\s+bent|u\s+bent|jij\s+bent|ben\s+je|ben\s+jij|you\s+are|you're|kandidaat\s+is|candidate\s+is|"
    r"must\s+be)\s+(?:een\s+|a\s+|an\s+)?(?:[\w'-]+\s+){0,2}$"
)
_GENDER_ADJECTIVE = re.compile(r"\b(?:vrouwelijke?|mannelijke?|female|male)\b(?!-)")
_ADJECTIVE_NOT_ABOUT_PEOPLE = re.compile(
    r"\s+(?:hormon\w*|rol\w*|roles?|lead|personage\w*|characters?|stem\w*|voice|kant|side|touch|energie|"
    r"energy|connector|plug|eindgebruikers)\b"
)
_GENDER_SUGGESTION = (
    "laat het geslacht weg en gebruik een neutrale functietitel met (m/v/x)",
    "leave out gender and use a neutral job title with (m/f/x)",
)


def _gender_frame(t: _Text, start: int, end: int) -> tuple[int, int] | None:
    """Is this man/vrouw/dame ... the person sought? The span to quote."""
    before = _window_before(t, start)
    after = t.norm[end : t.clause_end(end)]
    sentence_after = _sentence_after(t, end)
    if _PAIR_AFTER.match(t.norm, end) or _PAIR_BEFORE.search(before) or _CARE.search(before):
        return None
    for frame in (_RESTRICTED_BEFORE, _SEEK_BEFORE, _IS_A):
        found = frame.search(before)
        if found:
            return start - len(before) + found.start(), end
    for frame in (_EXCLUSION, _PREFERENCE):
        found = frame.search(sentence_after)
        if found and found.start() < 60:
            return start, end + found.end()
    found = _SEEK_AFTER.match(after)
    if found:
        return start, end + found.end()
    if _HEADLINE_BEFORE.match(before) and _HEADLINE_AFTER.match(after):
        return start - len(before), end
    return None


def _gender_people(t: _Text, windows: Where) -> Iterator[Finding]:
    for m in _scan(_GENDER_NOUN, t, windows):
        span = _gender_frame(t, m.start(), m.end())
        if span is None or _excepted(t, "gender", m.start(), m.end()):
            continue
        if not _EXCLUSION.search(_sentence_after(t, m.end())) and _inclusive(t, m.start(), m.end()):
            continue
        begin = t.clause_start(m.start())
        start = min(span[0], begin) if span[0] - begin < 30 else span[0]
        yield _finding(t, "gender", Severity.ERROR, start, span[1], _GENDER_SUGGESTION, "gender.person")
        if m.group("noun") in _YOUTHFUL_NOUNS:
            yield _finding(t, "age", Severity.WARNING, m.start(), m.end(), _YOUNG_SUGGESTION, "age.girl_boy")
    for m in _scan(_GENDER_ADJECTIVE, t, windows):
        if _ADJECTIVE_NOT_ABOUT_PEOPLE.match(t.norm, m.end()) or _CARE.search(_window_before(t, m.start())):
            continue
        if _excepted(t, "gender", m.start(), m.end()) or _inclusive(t, m.start(), m.end()):
            continue
        words = _WORD.findall(t.norm, m.end(), t.clause_end(m.end()))[:1]
        end = t.norm.index(words[0], m.end()) + len(words[0]) if words else m.end()
        yield _finding(t, "gender", Severity.ERROR, m.start(), end, _GENDER_SUGGESTION, "gender.adjective")


# --- gender: job titles with a gender -------------------------------------------------------------

# gendered job noun -> neutral form (Dutch, English)
GENDERED_JOB_TITLES: dict[str, tuple[str, str]] = {
    "poetsvrouw": ("poetshulp (m/v/x)", "cleaner (m/f/x)"),
    "kuisvrouw": ("schoonmaker (m/v/x)", "cleaner (m/f/x)"),
    "werkster": ("schoonmaker (m/v/x)", "cleaner (m/f/x)"),
    "schoonmaakster": ("schoonmaker (m/v/x)", "cleaner (m/f/x)"),
    "poetsster": ("poetshulp (m/v/x)", "cleaner (m/f/x)"),
    "verkoopster": ("verkoper (m/v/x)", "sales assistant (m/f/x)"),
    "serveerster": ("medewerker bediening (m/v/x)", "server (m/f/x)"),
    "secretaresse": ("secretariaatsmedewerker (m/v/x)", "secretary (m/f/x)"),
    "gastvrouw": ("gastheer/gastvrouw (m/v/x)", "host (m/f/x)"),
    "kapster": ("kapper (m/v/x)", "hairdresser (m/f/x)"),
    "onthaalster": ("onthaalmedewerker (m/v/x)", "receptionist (m/f/x)"),
    "verpleegster": ("verpleegkundige (m/v/x)", "nurse (m/f/x)"),
    "hostess": ("host (m/v/x)", "host (m/f/x)"),
    "stewardess": ("steward (m/v/x)", "flight attendant (m/f/x)"),
    "naaister": ("naaier (m/v/x)", "sewing operator (m/f/x)"),
    "kassierster": ("kassamedewerker (m/v/x)", "cashier (m/f/x)"),
    "caissiere": ("kassamedewerker (m/v/x)", "cashier (m/f/x)"),
    "kinderverzorgster": ("kinderbegeleider (m/v/x)", "childcare worker (m/f/x)"),
    "verzorgster": ("zorgkundige (m/v/x)", "carer (m/f/x)"),
    "boekhoudster": ("boekhouder (m/v/x)", "accountant (m/f/x)"),
    "medewerkster": ("medewerker (m/v/x)", "employee (m/f/x)"),
    "winkeljuffrouw": ("winkelbediende (m/v/x)", "shop assistant (m/f/x)"),
    "kokkin": ("kok (m/v/x)", "cook (m/f/x)"),
    "lerares": ("leerkracht (m/v/x)", "teacher (m/f/x)"),
    "directrice": ("directeur (m/v/x)", "director (m/f/x)"),
    "klusjesman": ("klusjesmedewerker (m/v/x)", "maintenance worker (m/f/x)"),
    "vakman": ("vakkracht (m/v/x)", "skilled worker (m/f/x)"),
    "magazijnman": ("magazijnier (m/v/x)", "warehouse worker (m/f/x)"),
    "tuinman": ("tuinier (m/v/x)", "gardener (m/f/x)"),
    "brandweerman": ("brandweerlid (m/v/x)", "firefighter (m/f/x)"),
    "salesman": ("verkoper (m/v/x)", "salesperson"),
    "saleswoman": ("verkoper (m/v/x)", "salesperson"),
    "waitress": ("medewerker bediening (m/v/x)", "server"),
    "handyman": ("klusjesmedewerker (m/v/x)", "maintenance worker"),
    "foreman": ("ploegbaas (m/v/x)", "supervisor"),
    "chairman": ("voorzitter (m/v/x)", "chair"),
    "cameraman": ("cameraoperator (m/v/x)", "camera operator"),
    "fireman": ("brandweerlid (m/v/x)", "firefighter"),
    "policeman": ("politieagent (m/v/x)", "police officer"),
    "headmistress": ("directeur (m/v/x)", "head teacher"),
    "seamstress": ("naaier (m/v/x)", "tailor"),
    "barmaid": ("barmedewerker (m/v/x)", "bartender"),
    "repairman": ("hersteller (m/v/x)", "repair technician"),
    "deliveryman": ("bezorger (m/v/x)", "delivery driver"),
}
_PLURALS = {"vrouw": "en", "ster": "s", "esse": "s", "ess": "es", "ares": "sen", "ice": "s", "man": "nen", "ere": "s",
            "kin": "nen"}  # fmt: skip


def _job_title_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for word in GENDERED_JOB_TITLES:
        forms[word] = word
        for ending, plural in _PLURALS.items():
            if word.endswith(ending):
                forms[word + plural] = word
        if word.endswith("man"):
            forms[word[:-3] + "men"] = word
    return forms


_JOB_TITLE_FORMS = _job_title_forms()
_JOB_TITLE = re.compile(r"\b(?:" + "|".join(sorted(_JOB_TITLE_FORMS, key=len, reverse=True)) + r")\b(?!-)")
_JOB_TITLE_INCLUSIVE_AFTER = re.compile(r"\s*(?:\(\s*)?(?:[mhv]\s*/\s*[vfmwh]|/|-?\s*(?:of|or)\s+\w+)")
_JOB_TITLE_INCLUSIVE_BEFORE = re.compile(r"(?:/|\b(?:of|or))\s*-?\s*$")


def _gendered_job_titles(t: _Text, windows: Where) -> Iterator[Finding]:
    for m in _scan(_JOB_TITLE, t, windows):
        if _JOB_TITLE_INCLUSIVE_AFTER.match(t.norm, m.end()) or _JOB_TITLE_INCLUSIVE_BEFORE.search(
            t.norm, max(0, m.start() - 6), m.start()
        ):
            continue
        if _excepted(t, "gender", m.start(), m.end()):
            continue
        neutral = GENDERED_JOB_TITLES[_JOB_TITLE_FORMS[m.group(0)]]
        yield _finding(t, "gender", Severity.WARNING, m.start(), m.end(), neutral, "gender.job_title")


# --- gender: "hij", "he" about the candidate ------------------------------------------------------

_PRONOUN = re.compile(r"\b(?:hij|he|him|his|she|her)\b")
_BOTH_PRONOUNS = re.compile(r"\b(?:hij|zij|ze|he|she|him|her|his|hers|s)\s*(?:/|of|or)\s*\w|(?:/|\bof|\bor)\s*$")
_CANDIDATE = re.compile(
    r"\b(?:kandidaat|kandidate|sollicitant|de\s+ideale|nieuwe\s+medewerker|nieuwe\s+collega|candidate|applicant|"
    r"the\s+successful|new\s+hire|the\s+ideal|jobholder|incumbent|postholder)\b"
)
_OTHER_PERSON = re.compile(
    r"(?<!\baan\s)(?<!\bto\s)(?<!\bmet\s)(?<!\bwith\s)(?<!\bvoor\s)(?<!\bfor\s)(?<!\bthe\s)(?<!\bde\s)"
    r"\b(?:zaakvoerder|directeur|manager|chef|baas|eigenaar|oprichter|leidinggevende|ceo|cto|cfo|coo|founder|"
    r"owner|director|supervisor|mentor|our\s+\w+|onze\s+\w+|[a-z]+\s+(?:is|was)\s+(?:onze|our))\b"
)
_PRONOUN_SUGGESTION = (
    "spreek de kandidaat aan met 'je' (of 'hij of zij')",
    "address the candidate as 'you' (or 'they')",
)


def _pronouns(t: _Text, windows: Where) -> Iterator[Finding]:
    for m in _scan(_PRONOUN, t, windows):
        if _BOTH_PRONOUNS.match(t.norm, m.start()) or _BOTH_PRONOUNS.search(t.norm, max(0, m.start() - 5), m.start()):
            continue
        context = t.norm[max(0, m.start() - 200) : m.start()]
        candidate = max((c.end() for c in _CANDIDATE.finditer(context)), default=-1)
        if candidate < 0:
            continue
        other = max((o.end() for o in _OTHER_PERSON.finditer(context)), default=-1)
        if other > candidate:
            continue
        yield _finding(t, "gender", Severity.WARNING, m.start(), m.end(), _PRONOUN_SUGGESTION, "gender.pronoun")


# --- the checker ------------------------------------------------------------------------------------

DETECTORS: tuple[Detector, ...] = (
    *(_spec_detector(spec) for spec in lex.SPECS),
    Detector(
        "age.numbers",
        _age_numbers,
        words=frozenset(w.decode() for w in NUMBER_WORD_TOKENS),
        ages=True,
    ),
    Detector("age.young", _young, words=frozenset({"jong", "jonge", "jonger", "jongere", "young", "younger"})),
    Detector(
        "gender.person",
        _gender_people,
        words=_wordset(
            "mannen man vrouwen vrouw dame dames heren heer kerel kerels meisje meisjes meiden meid "
            "jongen jongens jongedame jongedames jongeman jongemannen men women woman guy guys girl "
            "girls lady ladies boy boys gentleman gentlemen vrouwelijk vrouwelijke mannelijk mannelijke "
            "female male"
        ),
    ),
    Detector("gender.job_title", _gendered_job_titles, words=frozenset(_JOB_TITLE_FORMS)),
    Detector("gender.pronoun", _pronouns, words=frozenset({"hij", "he", "him", "his", "she", "her"})),
)

# The gate: which detectors may match a text, from the words in it. It works on bytes (the
# folded text is ASCII but for rare characters) and on 4-letter prefixes: a shorter anchor stands
# for itself as a whole word and for every 4-letter prefix that starts with it.
_SEPARATORS = bytes.maketrans(
    (string.punctuation + "\t\n\r\x0b\x0c").encode(), b" " * len(string.punctuation + "\t\n\r\x0b\x0c")
)
_WORD_CHARS = (string.ascii_lowercase + string.digits).encode()
_BY_WORD: dict[bytes, set[int]] = {}
_BY_PREFIX: dict[bytes, set[int]] = {}
for _index, _detector in enumerate(DETECTORS):
    for _word in _detector.words:
        _BY_WORD.setdefault(_word.encode(), set()).add(_index)
    for _anchor in (a.encode() for a in _detector.anchors):
        _BY_PREFIX.setdefault(_anchor, set()).add(_index)
        for _fill in range(_ANCHOR_MAX - len(_anchor)):
            for _prefix in [p for p in _BY_PREFIX if p.startswith(_anchor) and len(p) == len(_anchor) + _fill]:
                for _char in _WORD_CHARS:
                    _BY_PREFIX.setdefault(_prefix + bytes([_char]), set()).add(_index)
# frozensets: their intersection() with the words of a text looks each word up, in C
_WORD_KEYS = frozenset(_BY_WORD)
_PREFIX_KEYS = frozenset(_BY_PREFIX)
_AGE_DETECTORS = [index for index, detector in enumerate(DETECTORS) if detector.ages]
# A detector's starts, each with where the gate looks it up: a 4-letter start that is a prefix
# key among the prefix keys found (0); another 4-letter start must begin a word, " " + start in
# " " + the spaced text (1); a shorter one must be in the text (2).
_STARTS = [
    tuple(
        (needle, needle, 2) if len(needle) < _ANCHOR_MAX
        else (needle, needle, 0) if needle in _PREFIX_KEYS
        else (needle, b" " + needle, 1)
        for needle in sorted(start.encode() for start in detector.starts)
    )
    for detector in DETECTORS
]  # fmt: skip
_BY_MARK: dict[bytes, list[int]] = {}
for _index, _detector in enumerate(DETECTORS):
    for _mark in _detector.marks:
        _BY_MARK.setdefault(_mark.encode(), []).append(_index)
# Two digits that begin a word (the separators blanked) and are not followed by a third: a number
# that may be an age if it is 16-75. A regex that starts with a character class scans in C; the
# lookbehind is only tried after two digits.
_TWO_DIGIT_WORD = re.compile(rb"[1-7][0-9](?![0-9])(?<![^ \t\n\r\x0b\x0c][0-9][0-9])")
_FIRST_4 = itemgetter(slice(_ANCHOR_MAX))  # map() slices in C


_NOT_1_TO_7 = bytes(byte for byte in range(256) if not ord("1") <= byte <= ord("7"))


def _may_hold_an_age(spaced: bytes) -> bool:
    # Most texts hold no digit 1-7 at all: deleting all else (in C) tells it before any regex runs.
    if not spaced.translate(None, _NOT_1_TO_7):
        return False
    return any(b"16" <= m.group() <= b"75" for m in _TWO_DIGIT_WORD.finditer(spaced))


_BEFORE, _AFTER = 100, 150  # how far a match can start before / end after the word that woke it


_ALNUM = frozenset(_WORD_CHARS)


def _find_all(raw: bytes, needle: bytes, whole: bool) -> list[int]:
    """Where a word (whole) or a word start (not whole) occurs; a mark ("+") anywhere."""
    found = []
    at = raw.find(needle)
    word = needle[0] in _ALNUM
    while at >= 0:
        if not word or (
            (at == 0 or raw[at - 1] not in _ALNUM)
            and (not whole or at + len(needle) == len(raw) or raw[at + len(needle)] not in _ALNUM)
        ):
            found.append(at)
        at = raw.find(needle, at + 1)
    return found


class _Positions(dict[tuple[bytes, bool], list[int]]):
    """Occurrences per needle in one text, looked up once."""

    def __init__(self, raw: bytes) -> None:
        super().__init__()
        self.raw = raw

    def __missing__(self, key: tuple[bytes, bool]) -> list[int]:
        found = self[key] = _find_all(self.raw, *key)
        return found


def _where(
    index: int, woke: set[tuple[bytes, bool]], positions: _Positions, lookups: tuple[frozenset[bytes], bytes, bytes]
) -> _Where:
    """Where to try a detector: where its matches can start, or around the words that woke it.

    `lookups` are the prefix keys the words of the text begin with, the spaced text after a space,
    and the text (see _STARTS): a 4-letter start that begins no word is not looked up at all, nor a
    3-letter one that is nowhere in the text."""
    detector = DETECTORS[index]
    if detector.starts:
        needles = [start for start, probe, kind in _STARTS[index] if probe in lookups[kind]]
        return _Where(starts=tuple(sorted({at for needle in needles for at in positions[needle, False]})))
    if detector.words and not detector.anchors:
        return _Where(starts=tuple(sorted({at for needle in woke for at in positions[needle]})))
    windows: list[tuple[int, int]] = []
    for at in sorted({at for needle in woke for at in positions[needle]}):
        low, high = max(0, at - _BEFORE), min(len(positions.raw), at + _AFTER)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    return _Where(windows=tuple(windows))


def _gate(t: _Text) -> list[tuple[Detector, Where]]:
    """The detectors that may match the text, each with where to look."""
    raw = t.norm.encode("ascii", "replace")  # one byte per character: offsets carry over
    spaced = t.spaced = raw.translate(_SEPARATORS)
    # The words and their 4-letter beginnings go straight into the intersections (no sets of
    # them are built: intersection() iterates over its argument in C).
    words = spaced.split()
    woke: dict[int, set[tuple[bytes, bool]]] = {}
    for word in _WORD_KEYS.intersection(words):
        for index in _BY_WORD[word]:
            woke.setdefault(index, set()).add((word, True))
    prefixes = _PREFIX_KEYS.intersection(map(_FIRST_4, words))
    for prefix in prefixes:
        for index in _BY_PREFIX[prefix]:
            woke.setdefault(index, set()).add((prefix, False))
    for mark, indexes in _BY_MARK.items():
        if mark in raw:
            for index in indexes:
                woke.setdefault(index, set()).add((mark, False))
    positions = _Positions(raw)
    lookups = (prefixes, b" " + spaced, raw)
    active: dict[int, Where] = {index: _where(index, found, positions, lookups) for index, found in woke.items()}
    if _may_hold_an_age(spaced):
        active.update(dict.fromkeys(_AGE_DETECTORS))  # they find their own numbers in the whole text
    return [(DETECTORS[index], active[index]) for index in sorted(active)]


# The title rule owns gendered job titles in /title; they are not reported twice.
TITLE_OWNED_RULES = frozenset({"gender.job_title"})

_RANK = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}


def _merge(findings: list[Finding]) -> list[Finding]:
    """One finding per criterion and fragment: overlapping spans keep the most severe (then longest)."""
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (-_RANK[f.severity], -(f.end - f.start), f.start)):
        if any(k.criterion == finding.criterion and k.start < finding.end and finding.start < k.end for k in kept):
            continue
        kept.append(finding)
    return sorted(kept, key=lambda f: (f.start, f.criterion))


def find_discrimination(text: str, language: str | None = None) -> list[Finding]:
    """Every fragment of `text` that selects on a protected criterion (Dutch and English texts).

    `language` ("nl" or "en") is a hint for sentences whose language is unclear; each suggestion
    is in the language of its sentence.
    """
    if not text:
        return []
    t = _Text(text, language)
    found = [finding for detector, windows in _gate(t) for finding in detector.run(t, windows)]
    return _merge(found) if found else []


@rule
def no_discrimination(doc: VacancyDocument, context: CheckContext) -> Iterator[Message]:
    # Paragraph by paragraph: a diversity statement in one list item silences no other item.
    for path, text in free_texts(doc):
        for finding in find_discrimination(text, doc.language):
            if path == "/title" and finding.rule in TITLE_OWNED_RULES:
                continue
            yield MESSAGES[finding.criterion].at(
                finding.severity, path, fragment=finding.fragment, suggestion=finding.suggestion
            )
