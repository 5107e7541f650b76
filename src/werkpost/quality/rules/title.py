"""Title rules: a gender-neutral job title, naming one job, and nothing but the job.

VDAB's quality guidelines ask for a concrete, gender-neutral job title ("verpleegkundige", not
"verpleegster" or "verpleger"); where no neutral word exists, both forms side by side
("verkoper/verkoopster") are fine, and Dutch uses the masculine form as the neutral one. One
vacancy names one job ("beperk je tot één profiel"): job seekers search by title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from werkpost.core.messages import Message, Severity
from werkpost.quality.engine import Category, define, rule
from werkpost.reference.selectors import code_get
from werkpost.vacancies.document import VacancyDocument
from werkpost.vacancies.validation import CheckContext

NOT_GENDER_NEUTRAL = define(
    "quality.title.not_gender_neutral",
    Severity.WARNING,
    category=Category.FAIRNESS,
    text=_("The title uses %(found)s, which addresses one gender only: use %(suggestion)s."),
    explanation=_(
        "A vacancy is open to everyone. A female job title (“verpleegster”, “poetsvrouw”) or "
        "“(m/v)” without x tells part of the job seekers that they need not apply, and VDAB's quality "
        "guidelines ask for a gender-neutral title."
    ),
    fix=_(
        "Use the gender-neutral job title (“verpleegkundige”, “schoonmaker”). Where no neutral "
        "word exists, put both forms side by side (“verkoper/verkoopster”); write “(m/v/x)” "
        "instead of “(m/v)”."
    ),
)

NOT_A_JOB_TITLE = define(
    "quality.title.not_a_job_title",
    Severity.WARNING,
    category=Category.CLARITY,
    text=_("The title contains %(found)s: that does not belong in a job title. For example: %(suggestion)s."),
    explanation=_(
        "Job seekers search and scan by job title. Capitals, exclamation marks, emoji, calls such as "
        "“dringend” or “gezocht”, amounts, phone numbers and web addresses make a title harder to "
        "find and read, and belong in the description or in their own fields."
    ),
    fix=_(
        "Give only the name of the job, in normal capitalisation. Put the salary in salary, the contact "
        "details in application, and the urgency (a start date) in contract.startDate."
    ),
)

MULTIPLE_JOBS = define(
    "quality.title.multiple_jobs",
    Severity.WARNING,
    category=Category.CLARITY,
    text=_("The title names more than one job (%(found)s): publish a separate vacancy for each job: %(suggestion)s."),
    explanation=_(
        "One vacancy is one job: a vacancy for several jobs turns up in searches for each of them, and its "
        "requirements and offer cannot fit all. VDAB's quality guidelines ask to keep to one profile per vacancy."
    ),
    fix=_(
        "Send one vacancy per job. If it really is one job combining two trades, join them with a hyphen "
        "(“bakker-verkoper”); a job with several areas can name them after the job "
        "(“bediende aankoop/verkoop”)."
    ),
)


# --- the lexicon of gendered job titles ---------------------------------------------------------

# Gendered (mostly female) job titles in use in Flanders, with the gender-neutral title or, where
# Dutch has none, the masculine form that is used as the neutral one. Only real words; the first
# alternative is the preferred one. Deliberately absent: "vroedvrouw" (the legal title of the
# profession in Belgium, used for everyone), "steward"/"barman"-like masculine forms used generically.
GENDERED: dict[str, tuple[str, ...]] = {
    # cleaning and housekeeping
    "poetsvrouw": ("poetshulp", "schoonmaker"),
    "kuisvrouw": ("schoonmaker", "poetshulp"),
    "werkvrouw": ("schoonmaker", "poetshulp"),
    "schoonmaakvrouw": ("schoonmaker",),
    "schoonmaakster": ("schoonmaker",),
    "werkster": ("schoonmaker", "poetshulp"),
    "interieurverzorgster": ("interieurverzorger",),
    "huishoudster": ("huishoudhulp",),
    "strijkster": ("strijker", "medewerker strijkatelier"),
    "kamermeisje": ("kamerhulp", "medewerker housekeeping"),
    "dienstmeisje": ("huishoudhulp",),
    # care, health and education
    "verpleegster": ("verpleegkundige",),
    "verpleger": ("verpleegkundige",),  # VDAB's own example: neither verpleegster nor verpleger
    "ziekenbroeder": ("verpleegkundige",),
    "ziekenverzorgster": ("zorgkundige", "ziekenverzorger"),
    "verzorgster": ("verzorgende", "verzorger"),
    "bejaardenhelpster": ("verzorgende", "zorgkundige"),
    "gezinshelpster": ("verzorgende",),
    "kinderverzorgster": ("kinderbegeleider", "kinderverzorger"),
    "kinderbegeleidster": ("kinderbegeleider",),
    "kleuterleidster": ("kleuteronderwijzer", "kleuterleider"),
    "kindermeisje": ("kinderoppas",),
    "kinderjuffrouw": ("kinderoppas",),
    "oppasster": ("oppas",),
    "opvoedster": ("opvoeder",),
    "begeleidster": ("begeleider",),
    "lerares": ("leraar", "leerkracht"),
    "onderwijzeres": ("onderwijzer", "leerkracht"),
    "docente": ("docent",),
    "logopediste": ("logopedist",),
    "kinesiste": ("kinesist", "kinesitherapeut"),
    "diëtiste": ("diëtist",),
    "ergotherapeute": ("ergotherapeut",),
    "kinesitherapeute": ("kinesitherapeut",),
    "therapeute": ("therapeut",),
    "psychologe": ("psycholoog",),
    "pedagoge": ("pedagoog",),
    "biologe": ("bioloog",),
    "tandartsassistente": ("tandartsassistent",),
    "apothekersassistente": ("apothekersassistent",),
    "doktersassistente": ("doktersassistent",),
    "masseuse": ("masseur",),
    "schoonheidsspecialiste": ("schoonheidsspecialist",),
    "visagiste": ("visagist",),
    "zorgverleenster": ("zorgverlener",),
    "hulpverleenster": ("hulpverlener",),
    # hospitality and retail
    "serveerster": ("kelner", "bediende zaal"),
    "dienster": ("kelner", "bediende zaal"),
    "kelnerin": ("kelner",),
    "barmeid": ("barmedewerker",),
    "barvrouw": ("barmedewerker",),
    "kokkin": ("kok",),
    "gastvrouw": ("onthaalmedewerker", "host"),
    "hostess": ("onthaalmedewerker",),
    "stewardess": ("cabinepersoneel", "cabin crew"),
    "verkoopster": ("verkoper",),
    "winkeljuffrouw": ("winkelbediende",),
    "winkelmeisje": ("winkelbediende",),
    "kassierster": ("kassier",),
    "caissière": ("kassier",),
    "kapster": ("kapper",),
    "coiffeuse": ("kapper",),
    "naaister": ("naaier", "confectiemedewerker"),
    "stikster": ("stikker",),
    "modiste": ("modist",),
    "bloemiste": ("bloemist",),
    "winkelierster": ("winkelier",),
    "uitbaatster": ("uitbater",),
    "afwasster": ("afwasser",),
    # office, management and professions
    "secretaresse": ("secretaris", "administratief medewerker"),
    "directiesecretaresse": ("directiesecretaris", "directieassistent"),
    "medewerkster": ("medewerker",),
    "receptioniste": ("receptionist", "onthaalmedewerker"),
    "telefoniste": ("telefonist",),
    "typiste": ("typist", "administratief medewerker"),
    "boekhoudster": ("boekhouder",),
    "assistente": ("assistent",),
    "stagiaire": ("stagiair",),
    "bibliothecaresse": ("bibliothecaris",),
    "vertaalster": ("vertaler",),
    "adviseuse": ("adviseur",),
    "consulente": ("consulent",),
    "analiste": ("analist",),
    "specialiste": ("specialist",),
    "juriste": ("jurist",),
    "journaliste": ("journalist",),
    "fotografe": ("fotograaf",),
    "controleuse": ("controleur",),
    "chauffeuse": ("chauffeur",),
    "directrice": ("directeur",),
    "redactrice": ("redacteur",),
    "inspectrice": ("inspecteur",),
    "animatrice": ("animator",),
    "coördinatrice": ("coördinator",),
    "coordinatrice": ("coördinator",),
    "administratrice": ("administrateur",),
    "operatrice": ("operator",),
    "actrice": ("acteur",),
    "instructrice": ("instructeur",),
    "presentatrice": ("presentator",),
    "monitrice": ("monitor",),
    "voorzitster": ("voorzitter",),
    "zaakvoerster": ("zaakvoerder",),
    "bestuurster": ("bestuurder",),
    "onderzoekster": ("onderzoeker",),
    "vertegenwoordigster": ("vertegenwoordiger",),
    "werkneemster": ("werknemer",),
    "arbeidster": ("arbeider",),
    "inpakster": ("inpakker",),
    "sorteerster": ("sorteerder",),
    "plukster": ("plukker",),
    "tuinierster": ("tuinier",),
    "kweekster": ("kweker",),
    "boerin": ("landbouwer",),
    "zangeres": ("zanger",),
    "danseres": ("danser",),
    "tekenares": ("tekenaar",),
    "schilderes": ("schilder",),
    "ontwerpster": ("ontwerper",),
    "schrijfster": ("schrijver",),
    "leidster": ("leider",),
    # English titles common in Flemish vacancies
    "waitress": ("waiter", "server"),
    "saleswoman": ("salesperson",),
    "barmaid": ("bartender",),
    "chambermaid": ("room attendant",),
    "actress": ("actor",),
    "headmistress": ("head teacher",),
    "spokeswoman": ("spokesperson",),
    "chairwoman": ("chair",),
    "policewoman": ("police officer",),
}

# Endings that keep their meaning at the end of a compound ("magazijnmedewerkster",
# "thuisverpleegster", "projectleidster"), with the neutral ending that replaces them.
GENDERED_TAILS: dict[str, str] = {
    "medewerkster": "medewerker",
    "werkster": "werker",  # jeugdwerkster, opbouwwerkster (alone, "werkster" is a cleaner)
    "verkoopster": "verkoper",
    "verpleegster": "verpleegkundige",
    "verpleger": "verpleegkundige",
    "verzorgster": "verzorger",
    "begeleidster": "begeleider",
    "helpster": "helper",
    "leidster": "leider",
    "assistente": "assistent",
    "secretaresse": "secretaris",
    "boekhoudster": "boekhouder",
    "schoonmaakster": "schoonmaker",
    "kuisvrouw": "schoonmaker",
    "poetsvrouw": "poetshulp",
    "kokkin": "kok",
    "kapster": "kapper",
    "adviseuse": "adviseur",
    "consulente": "consulent",
    "lerares": "leraar",
    "onderwijzeres": "onderwijzer",
    "directrice": "directeur",
    "coördinatrice": "coördinator",
    "arbeidster": "arbeider",
    "chauffeuse": "chauffeur",
    "controleuse": "controleur",
    "kassierster": "kassier",
    "specialiste": "specialist",
    "analiste": "analist",
    "therapeute": "therapeut",
    "inspectrice": "inspecteur",
    "redactrice": "redacteur",
    "operatrice": "operator",
    "instructrice": "instructeur",
    "opvoedster": "opvoeder",
    "vertaalster": "vertaler",
    "ontwerpster": "ontwerper",
    "onderzoekster": "onderzoeker",
    "bestuurster": "bestuurder",
    "zaakvoerster": "zaakvoerder",
    "verleenster": "verlener",
    "inpakster": "inpakker",
    "sorteerster": "sorteerder",
    "plukster": "plukker",
    "stagiaire": "stagiair",
}
_MIN_COMPOUND_HEAD = 3  # "hulp"+"kokkin": the part before the ending has at least this many letters


def _plural(word: str) -> str:
    if word.endswith("vrouw"):
        return word + "en"
    if word.endswith("es") and not word.endswith(("ress", "esse")):  # lerares -> leraressen
        return word + "sen"
    if word.endswith("in"):  # kokkin -> kokkinnen
        return word + "nen"
    if word.endswith("meid"):
        return word + "en"
    if word.endswith("ss"):  # hostess -> hostesses
        return word + "es"
    if word.endswith(("y", "man")):
        return word
    return word + "s"  # verkoopster(s), secretaresse(s), kamermeisje(s)


_PLURALS: dict[str, str] = {_plural(word): word for word in GENDERED if _plural(word) != word}
_TAIL_RE = re.compile("(?:" + "|".join(sorted(map(re.escape, GENDERED_TAILS), key=len, reverse=True)) + ")s?$")
_WORD = re.compile(r"[^\W\d_]+")

# "(m/v)", "m/v", "(v/m)", "(h/f)", "(M/F)", "(m/w)", "(man/vrouw)": gender markers without x.
_GENDER_MARK = re.compile(
    r"(?<![\w/])\(?\s*([mvhfwxd])\s*/\s*([mvhfwxd])(?:\s*/\s*([mvhfwxd]))?\s*\)?(?![\w/])"
    r"|\(\s*(?:man|vrouw|male|female)\s*/\s*(?:man|vrouw|male|female)\s*\)",
    re.IGNORECASE,
)
_INCLUSIVE_LETTERS = frozenset("xd")  # x (Dutch/French), d ("divers", German)


@dataclass(frozen=True, slots=True)
class GenderedWord:
    found: str
    neutral: tuple[str, ...]


def _cased(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def gendered_words(title: str) -> Iterator[GenderedWord]:
    """The gendered job titles in a title, with their neutral forms (compounds and plurals too)."""
    previous = ""
    for match in _WORD.finditer(title):
        word = match.group()
        key = word.casefold()
        key = _PLURALS.get(key, key)
        neutral = GENDERED.get(key)
        if key == "werkster" and previous == "maatschappelijk":
            neutral = ("werker",)  # maatschappelijk werkster: a social worker, not a cleaner
        if neutral is None and (tail := _TAIL_RE.search(key)) and tail.start() >= _MIN_COMPOUND_HEAD:
            ending = tail.group().removesuffix("s") if tail.group() not in GENDERED_TAILS else tail.group()
            neutral = (key[: tail.start()] + GENDERED_TAILS[ending],)
        previous = key
        if neutral is not None:
            yield GenderedWord(word, tuple(_cased(n, word) for n in neutral))


def _quoted(values: Iterable[str]) -> str:
    return ", ".join(f"\u201c{v}\u201d" for v in values)


@rule
def title_is_gender_neutral(doc: VacancyDocument, context: CheckContext) -> Iterator[Message]:
    title = doc.title
    words = {w.casefold() for w in _WORD.findall(title)}
    for found in gendered_words(title):
        if any(n.casefold() in words for n in found.neutral):
            continue  # both forms side by side ("verkoper/verkoopster"), as VDAB advises
        yield NOT_GENDER_NEUTRAL("/title", found=_quoted([found.found]), suggestion=_quoted(found.neutral))
    for mark in _GENDER_MARK.finditer(title):
        letters = {letter.casefold() for letter in mark.groups() if letter}
        if mark.group(1) and (letters & _INCLUSIVE_LETTERS or len(letters) < 2):
            continue  # "(m/v/x)", or not a gender marker ("x/x")
        yield NOT_GENDER_NEUTRAL("/title", found=_quoted([mark.group().strip()]), suggestion=_quoted(["(m/v/x)"]))


# --- not a job title -------------------------------------------------------------------------

_CALLS = re.compile(
    r"\b(?:dringend|urgent|asap|gezocht|gevraagd|wanted|vacature|topjob|top[- ]job|droomjob|superjob|toffe\s+job"
    r"|nu\s+solliciteren|solliciteer\s+(?:nu|snel|vandaag)|apply\s+now|now\s+hiring|we\s*(?:'|\u2019)?re\s+hiring"
    r"|we\s+are\s+hiring|hiring|wij\s+zoeken|we\s+zoeken|zoeken\s+(?:wij|we)|start\s+onmiddellijk)\b",
    re.IGNORECASE,
)
_PUNCTUATION = re.compile(r"[!?\u00a1\u00bf]+|([*#~=_])\1+|\.{4,}")
_EMOJI = re.compile("[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f]+")
_AMOUNT = r"\d[\d.,]*"
_PER = r"(?:\s?(?:/|per)\s?(?:uur|u|maand|mnd|jaar|hour|month|year)\b)?"
_MONEY = re.compile(
    rf"[€$£]\s?{_AMOUNT}{_PER}|\b{_AMOUNT}\s?(?:euro\b|eur\b|[€$£]){_PER}|[€$£]|\b(?:bruto|netto)\b"
    r"|\b\d+\s?(?:/|per)\s?(?:uur|u|maand|mnd|jaar|hour|month|year)\b",
    re.IGNORECASE,
)
_PHONE = re.compile(
    r"(?:\b(?:bel|tel|telefoon|gsm|call)\b\.?\s*:?\s*)?(?:(?:\+|\b00)\d(?:[\s./-]?\d){7,13}|\b0\d(?:[\s./-]?\d){7,8}\b)",
    re.IGNORECASE,
)
_WEB = re.compile(
    r"(?:\b(?:e-?mail|mail|surf\s+naar|zie|see)\b\s*:?\s*)?"
    r"(?:\bhttps?://\S+|\bwww\.\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+|\b[\w-]+\.(?:be|com|nl|eu|org|jobs)\b(?:/\S*)?)",
    re.IGNORECASE,
)
_SHOUTING_MIN_LETTERS = 5  # an all-capitals title: "BAKKER"; acronyms ("HR", "ICT", "CEO") are fine
_SHOUTING_WORD_MIN = 7  # one shouted word in a title: "Bakker ONMIDDELLIJK"; "HACCP", "VLAREM" are fine
_SHOUTED_IN_CAPS_TITLE = 4  # in an all-capitals title, the words quoted ("BAKKER", not "CNC")
_ACRONYM_MAX = 3  # kept in capitals when a shouted title is rewritten: "CNC", "ICT", "HR"
_TITLE_SIGNALS = (_EMOJI, _PUNCTUATION, _CALLS, _MONEY, _PHONE, _WEB)
_LEFTOVER = re.compile(r"^[\s\W_]+|[\s\W_]+$")
_SPACES = re.compile(r"\s{2,}")


def _shouting(title: str) -> tuple[bool, list[re.Match[str]]]:
    """Whether the whole title is in capitals, and the words that shout."""
    letters = "".join(filter(str.isalpha, title))  # filter and map test the characters in C
    # (not letters.isupper(): that skips uncased letters, while each letter must be upper case)
    whole = len(letters) >= _SHOUTING_MIN_LETTERS and all(map(str.isupper, letters))
    least = _SHOUTED_IN_CAPS_TITLE if whole else _SHOUTING_WORD_MIN
    return whole, [w for w in _WORD.finditer(title) if len(w.group()) >= least and w.group().isupper()]


def _occupation_label(doc: VacancyDocument) -> str:
    entry = code_get("occupations", doc.occupation_code)
    return entry.label_nl if entry else doc.occupation_code


@rule
def title_is_a_job_title(doc: VacancyDocument, context: CheckContext) -> Iterator[Message]:
    title = doc.title
    found: list[tuple[int, str]] = []
    spans: list[tuple[int, int]] = []
    for pattern in _TITLE_SIGNALS:
        for match in pattern.finditer(title):
            spans.append(match.span())
            found.append((match.start(), match.group().strip()))
    whole, shouted = _shouting(title)
    if not found and not shouted:
        return
    kept = "".join(ch for i, ch in enumerate(title) if not any(a <= i < b for a, b in spans))
    kept = _SPACES.sub(" ", _LEFTOVER.sub("", kept))
    for word in shouted:
        kept = kept.replace(word.group(), word.group().lower())
        if not any(a <= word.start() < b for a, b in spans):
            found.append((word.start(), word.group()))
    if whole:  # "CNC-OPERATOR" -> "CNC-operator"
        kept = _WORD.sub(lambda w: w.group().lower() if len(w.group()) > _ACRONYM_MAX else w.group(), kept)
        kept = kept[:1].upper() + kept[1:]
    if whole and not shouted:
        found.append((0, title.strip()))
    fragments = list(dict.fromkeys(fragment for _, fragment in sorted(found) if fragment))
    yield NOT_A_JOB_TITLE("/title", found=_quoted(fragments), suggestion=_quoted([kept or _occupation_label(doc)]))


# --- one job per vacancy -----------------------------------------------------------------------

_SEVERAL = re.compile(
    r"\b(?:diverse|meerdere|verschillende|allerlei|talrijke|various|multiple|several|different|numerous)\s+"
    r"(?:[^\W\d_]+\s+)?(?:functies|jobs|vacatures|profielen|jobprofielen|posities|beroepen|openstaande\s+plaatsen"
    r"|positions|vacancies|roles|profiles|openings)\b"
    r"|\b(?:en|of|and|or|&|\+)\s+(?:andere|meer|more|other)\s+(?:functies|jobs|profielen|vacatures|positions|roles)\b",
    re.IGNORECASE,
)
# Where a title is cut into parts that might each be a job: "Bakker / Verkoper", "Bakker en verkoper".
_SEPARATOR = re.compile(r"\s+(?:en/of|en|of|and|or|&|\+|\|)\s+|\s*/\s*|\s*,\s*|\s*;\s*", re.IGNORECASE)
_ANY_GENDER_MARK = re.compile(r"\(?\s*\b[mvhfw]\s*/\s*[mvhfwxd](?:\s*/\s*[mvhfwxd])?\b\s*\)?", re.IGNORECASE)

# Words that name a job though no ending says so, and endings that usually make one.
JOB_WORDS = frozenset(
    {
        "kok", "chef", "arts", "gids", "tolk", "boer", "ober", "smid", "piloot", "matroos", "nanny", "coach",
        "agent", "docent", "student", "consulent", "assistent", "assistant", "consultant", "accountant",
        "adjunct", "architect", "expert", "stagiair", "trainee", "intern", "nurse", "cook", "clerk",
        "bediende", "verantwoordelijke", "verzorgende", "conciërge", "concierge", "steward", "hostess",
        "stewardess", "waitress", "kapitein", "klerk", "juf", "oppas", "imker", "lead", "head", "associate",
        "executive", "representative", "president", "dirigent", "commandant", "sergeant", "adjudant",
    }
)  # fmt: skip
JOB_ENDINGS = (
    "er", "eur", "ist", "iste", "aar", "ier", "or", "ster", "trice", "euse", "kundige", "loog", "loge",
    "graaf", "man", "vrouw", "eut", "aris", "icus", "icien", "ician", "yst", "hulp", "kracht", "bediende",
    "assistent", "assistant", "consultant", "accountant", "docent", "arts", "kok", "chef", "agent",
    "verantwoordelijke", "coach", "expert", "architect",
)  # fmt: skip
# Words with such an ending that name no job: modifiers, places, adjectives ...
NOT_JOB_WORDS = frozenset(
    {
        "ander", "onder", "over", "super", "later", "beter", "hoger", "lager", "verder", "eerder", "minder",
        "zuiver", "lekker", "jonger", "ouder", "senior", "junior", "meter", "meer", "lier", "ieper", "other",
        "after", "under", "better", "major", "minor", "human", "woman", "german", "roman", "foreman", "ster",
        "klaar", "zwaar", "voorjaar", "najaar", "juist", "beslist", "kleur", "decor", "premier", "dossier",
        "atelier", "manier", "kwartier", "rivier", "plezier", "papier", "salaris", "paragraaf", "horloge",
        "interieur", "exterieur", "interior", "exterior", "humeur",
    }
)  # fmt: skip
# ... and endings of things ("afvalwater", "trekker/oplegger", "inkooporder").
NOT_JOB_TAILS = (
    "water", "winter", "zomer", "nummer", "order", "poster", "container", "printer", "laser", "router",
    "cluster", "center", "theater", "kader", "semester", "register", "filter", "cijfer", "kamer", "hamer",
    "vloer", "computer", "server", "customer", "number", "paper", "power", "tower", "transfer", "letter",
    "layer", "summer", "quarter", "offer", "career", "chapter", "weather", "shelter", "barrier", "frontier",
    "supplier", "floor", "color", "behavior", "monster", "hamster", "toaster", "venster", "klooster",
    "trekker", "oplegger", "bulldozer", "tanker", "kipper", "dumper", "trailer", "scanner", "folder",
    "sticker", "banner", "flyer", "kelder", "zolder", "poeder", "boter", "sector", "motor", "factor",
    "kantoor", "tractor", "reactor", "generator", "compressor", "processor", "sensor", "radiator",
    "indicator", "simulator", "calculator", "regulator", "elevator", "december", "september", "oktober",
    "october", "november", "baar", "ment",
)  # fmt: skip
_MIN_ENDING_WORD = 5


def _is_job_word(word: str) -> bool:
    if word in JOB_WORDS or word in GENDERED or word in _PLURALS:
        return True
    if len(word) < _MIN_ENDING_WORD or word in NOT_JOB_WORDS or word.endswith(NOT_JOB_TAILS):
        return False
    if word.endswith(JOB_ENDINGS):
        return True
    return word.endswith("s") and _is_job_word(word[:-1])  # plurals: "bakkers", "chauffeurs"


def _is_job(part: str) -> bool:
    return any(_is_job_word(w) for w in _WORD.findall(part.casefold()))


# Names of the same job, from the lexicon: "poetshulp / schoonmaker", "kelner / bediende zaal".
def _same_job_groups() -> dict[str, frozenset[int]]:
    groups: dict[str, set[int]] = {}
    for group, (word, neutral) in enumerate(GENDERED.items()):
        for name in (word, *neutral):
            groups.setdefault(name, set()).add(group)
    return {name: frozenset(ids) for name, ids in groups.items()}


_SAME_JOB = _same_job_groups()
_SAME_JOB_RE = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _SAME_JOB), key=len, reverse=True)) + r")\b")


def _job_names(part: str) -> set[str | int]:
    """What a part of a title calls the job: its job words, their neutral forms, their synonyms."""
    folded = part.casefold()
    names: set[str | int] = {w for w in _WORD.findall(folded) if _is_job_word(w)}
    for gendered in gendered_words(part):
        names |= {n.casefold() for n in gendered.neutral}
    for match in _SAME_JOB_RE.finditer(folded):
        names |= _SAME_JOB[match.group()]
    return names


def _parts(title: str) -> list[str]:
    """The title cut at its separators; "Aankoop- en logistiek medewerker" stays whole."""
    parts: list[str] = []
    start = 0
    carry = ""
    for separator in _SEPARATOR.finditer(title):
        part = carry + title[start : separator.start()]
        if part.rstrip().endswith("-"):  # "Onderhouds- en herstellingstechnieker": one job
            carry = part + separator.group()
        else:
            parts.append(part.strip())
            carry = ""
        start = separator.end()
    parts.append((carry + title[start:]).strip())
    return [p for p in parts if p]


@rule
def title_names_one_job(doc: VacancyDocument, context: CheckContext) -> Iterator[Message]:
    title = _ANY_GENDER_MARK.sub(" ", doc.title)
    several = _SEVERAL.search(title)
    if several:
        rest = _LEFTOVER.sub("", title[: several.start()] + title[several.end() :])  # "Bakker - diverse jobs"
        suggestion = rest if rest and _is_job(rest) else _occupation_label(doc)
        yield MULTIPLE_JOBS("/title", found=_quoted([several.group()]), suggestion=_quoted([suggestion]))
        return
    if not _SEPARATOR.search(title):
        return
    jobs: list[str] = []
    names: list[set[str | int]] = []
    for part in _parts(title):
        if not _is_job(part):
            continue  # "Bediende aankoop/verkoop", "Verkoper, Gent"
        part_names = _job_names(part)
        if any(part_names & seen for seen in names):
            continue  # the same job twice: "verkoper/verkoopster", "poetshulp / schoonmaker"
        jobs.append(part)
        names.append(part_names)
    if len(jobs) > 1:
        yield MULTIPLE_JOBS("/title", found=_quoted([doc.title.strip()]), suggestion=_quoted(jobs))
