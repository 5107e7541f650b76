"""Language rules: Dutch as the main language for workplaces in Flanders, and a declared language
that matches the text.

VDAB's quality guidelines: a vacancy with a workplace in Flanders for which VDAB helps to find
candidates must be written in Dutch ("vreemde woorden zijn toegelaten, maar de hoofdtaal moet
Nederlands zijn"); without VDAB's mediation another language is allowed. Whether a partner asks
for mediation is not in the document, so `quality.language.not_dutch` is a warning by default;
an operator can make it an error (core.services.message_setting_change) where every published
vacancy is mediated.

The detector is small and dependency-free: it scores the function words of Dutch, French,
English and German, plus a few endings and letters typical of each, over the first part of the
text, and only calls a language when one clearly leads.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import gettext_lazy as _

from werkpost.core.messages import Message, Severity
from werkpost.quality.engine import Category, define, rule
from werkpost.vacancies.document import VacancyDocument
from werkpost.vacancies.validation import CheckContext, html_text

NOT_DUTCH = define(
    "quality.language.not_dutch",
    Severity.WARNING,
    category=Category.CLARITY,
    text=_(
        "The description is not in Dutch (detected: %(detected)s), while the workplace (%(postal_code)s) is in "
        "Flanders."
    ),
    explanation=_(
        "For a workplace in the Flemish Region the main language of a vacancy is Dutch: VDAB only "
        "mediates vacancies in Dutch, and job seekers search in Dutch. Foreign words (a job title, a "
        "technology) are fine."
    ),
    fix=_("Write the description in Dutch; mention the other languages the job needs under requirements.languages."),
)

LANGUAGE_MISMATCH = define(
    "quality.language.mismatch",
    Severity.WARNING,
    category=Category.CORRECTNESS,
    text=_("The vacancy declares language %(declared)s, but the description is in %(detected)s."),
    explanation=_(
        "The language field tells job seekers and search engines which language the texts are in; a wrong "
        "value hides the vacancy from those who search in that language."
    ),
    fix=_("Set language to the language of the texts (ISO 639-1 code, e.g. nl)."),
)


# --- the detector --------------------------------------------------------------------------

LANGUAGES = ("nl", "fr", "en", "de")

# Function words (and a few words every vacancy uses). A word in several lists counts for each.
_FUNCTION_WORDS: dict[str, str] = {
    "nl": (
        "de het een en van in is op te dat die voor met zijn niet aan er maar om ook als bij of door naar uit "
        "over tot je jij jouw jou we wij ons onze u uw hij zij ze wordt worden werd heeft hebben heb hebt kan "
        "kunnen kunt zal zullen zult moet moeten wil willen dit deze dan nog wel geen meer zo hoe wat waar wie "
        "welke omdat zodat waarbij binnen tussen onder na zonder tijdens samen elke alle mee daar hier graag "
        "eigen bent ben zich haar hun nu al via toe zowel heel echt enkele veel goed goede nieuwe ervaring "
        "kennis bieden zoeken werken taken bedrijf functie"
    ),
    "fr": (
        "de en le la les l d des du un une et est sont pour dans par sur avec qui que qu ne n pas vous votre "
        "vos nous notre nos il elle ils elles au aux ce cette ces son sa ses leur leurs mais ou où plus être "
        "avoir a à été fait comme tout tous toute toutes entre chez afin ainsi aussi très sans sous lors dont "
        "se s si même peut doit c j y travail expérience entreprise poste équipe connaissance offrons "
        "recherchons votre êtes avez"
    ),
    "en": (
        "the and of to a in is are for with on at by from as you your we our us will be have has this that "
        "these those it its an or not can who which what their they them would should must all any more "
        "about into up out if than also do does been was were i my me he she his her there here when where "
        "how why experience work working company skills team offer looking"
    ),
    "de": (
        "der die das den dem des und ist sind nicht mit für auf von zu zum zur im ein eine einen einem einer "
        "eines sie wir ihr ihre ihren ihrem unser unsere unseren sich auch als bei aus nach oder aber wenn "
        "dass werden wird kann können haben hat sein es ich du dich dein deine uns sowie über durch bis noch "
        "nur sehr mehr gut bieten suchen erfahrung kenntnisse arbeit unternehmen stelle"
    ),
}


def _word_languages() -> dict[str, tuple[int, ...]]:
    found: dict[str, set[int]] = {}
    for index, language in enumerate(LANGUAGES):
        for word in _FUNCTION_WORDS[language].split():
            found.setdefault(word, set()).add(index)
    return {word: tuple(sorted(indexes)) for word, indexes in found.items()}


WORD_LANGUAGES = _word_languages()  # word -> the indexes in LANGUAGES of the languages it belongs to

# Word endings typical of each language (weighed half a function word) ...
_ENDINGS: tuple[tuple[str, ...], ...] = (
    ("heid", "heden", "lijk", "lijke", "tje", "tjes", "ing", "ingen", "eren", "isch", "ische", "ijk", "ijn"),
    ("tion", "tions", "ment", "ments", "eur", "eurs", "ez", "ais", "ait", "aient", "é", "ée", "és", "ées",
     "eux", "euse", "ique", "iques", "ité", "ire", "oir", "aux", "ère"),
    ("ing", "ed", "ly", "tion", "tions", "ness", "ship", "ful", "ous", "ity", "ies", "ment", "ments"),
    ("ung", "ungen", "keit", "heit", "lich", "liche", "lichen", "chen", "isch", "ische", "schaft", "ten"),
)  # fmt: skip
# ... and letters (a quarter of a function word each, at most a few per text).
_LETTERS: tuple[tuple[str, ...], ...] = (("ij",), tuple("éèêàçùœâîô"), (), tuple("äöüß"))
_ENDING_WEIGHT = 0.5
_LETTER_WEIGHT = 0.25
_LETTER_CAP = 8
_WORDS_READ = 400  # enough to tell; a 25,000-character description costs no more than a short one
_CHARS_READ = 4_000
_SHORT_WORD = 3
_TOKEN = re.compile(r"[^\W\d_]+")
# In an ASCII text the tokens are the runs of a-z once the rest is blanked: str.translate and
# split find them several times faster than the regex (which tests each character's category).
_ASCII_LETTERS_ONLY = "".join(chr(c) if "a" <= chr(c) <= "z" else " " for c in range(128))
_ASCII_LETTERS = tuple(tuple(letter for letter in letters if letter.isascii()) for letters in _LETTERS)


def _endings_by_last_letter() -> dict[str, tuple[tuple[int, tuple[str, ...]], ...]]:
    """last letter -> (language index, its endings with that last letter): a word is tested only
    against the endings it can have."""
    found: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for index, endings in enumerate(_ENDINGS):
        for last in sorted({ending[-1] for ending in endings}):
            found.setdefault(last, []).append((index, tuple(e for e in endings if e[-1] == last)))
    return {last: tuple(entries) for last, entries in found.items()}


_ENDINGS_BY_LAST = _endings_by_last_letter()

MIN_EVIDENCE = 4.0  # function-word points the leading language needs before anything is called
MIN_LEAD = 1.5  # ... and how many times the runner-up's score


@dataclass(frozen=True, slots=True)
class Detection:
    language: str | None  # the leading language, None when the text gives too little to go on
    confident: bool  # it leads clearly: worth a message
    scores: dict[str, float]


def _letters_score(text: str, letters: tuple[str, ...]) -> float:
    return min(sum(text.count(letter) for letter in letters), _LETTER_CAP) * _LETTER_WEIGHT


@lru_cache(maxsize=256)
def detect_language(text: str) -> Detection:
    """The language of a plain text among nl, fr, en, de, and whether the call is confident."""
    sample = text[:_CHARS_READ].casefold()
    ascii_only = sample.isascii()
    tokens = sample.translate(_ASCII_LETTERS_ONLY).split() if ascii_only else _TOKEN.findall(sample)
    del tokens[_WORDS_READ:]
    scores = [0.0, 0.0, 0.0, 0.0]
    evidence = 0
    # Each distinct word is scored once, times its count (texts repeat their function words).
    # The scores are sums of quarters, exact in floating point: the order of the sums is free.
    for token, count in Counter(tokens).items():
        languages = WORD_LANGUAGES.get(token)
        if languages:
            evidence += count
            for index in languages:
                scores[index] += count
        elif len(token) > _SHORT_WORD:  # endings of short words say nothing
            for index, endings in _ENDINGS_BY_LAST.get(token[-1], ()):
                if token.endswith(endings):
                    scores[index] += _ENDING_WEIGHT * count
    for index, letters in enumerate(_ASCII_LETTERS if ascii_only else _LETTERS):
        if letters:
            scores[index] += _letters_score(sample, letters)
    by_language = dict(zip(LANGUAGES, scores, strict=True))
    ranked = sorted(range(len(LANGUAGES)), key=lambda i: scores[i], reverse=True)
    best, second = scores[ranked[0]], scores[ranked[1]]
    if evidence < MIN_EVIDENCE / 2 or best <= 0:
        return Detection(None, False, by_language)
    confident = best >= MIN_EVIDENCE and best >= MIN_LEAD * second
    return Detection(LANGUAGES[ranked[0]], confident, by_language)


# --- the rules -----------------------------------------------------------------------------

# Belgian postal codes of the Flemish Region: 1500-3999 and 8000-9999. Brussels (1000-1299) is
# bilingual, Walloon Brabant (1300-1499) and the rest of Wallonia (4000-7999) are French- and
# German-speaking.
FLEMISH_POSTAL_RANGES = ((1500, 3999), (8000, 9999))
_POSTAL_CODE = re.compile(r"\d{4}")


def is_flemish(country_code: str, postal_code: str | None) -> bool:
    if country_code.upper() != "BE" or not postal_code or not _POSTAL_CODE.fullmatch(postal_code):
        return False
    number = int(postal_code)
    return any(low <= number <= high for low, high in FLEMISH_POSTAL_RANGES)


@lru_cache(maxsize=256)
def _description_text(description: str) -> str:
    return html_text(description)


@rule
def description_language(doc: VacancyDocument, context: CheckContext) -> Iterator[Message]:
    detection = detect_language(_description_text(doc.description))
    if not detection.confident or detection.language is None:
        return
    detected = detection.language
    flemish = next((p for p in doc.workplaces if is_flemish(p.country_code, p.postal_code)), None)
    if flemish is not None and detected != "nl":
        yield NOT_DUTCH("/description", detected=detected, postal_code=flemish.postal_code)
        return  # the text is what needs changing, not the language field
    declared = doc.language.casefold()
    if declared in LANGUAGES and declared != detected:
        yield LANGUAGE_MISMATCH("/language", declared=declared, detected=detected)
