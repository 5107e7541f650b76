"""Language rules and the language detector: Dutch for workplaces in Flanders, a declared language
that matches the description."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.conftest import ApiClient
from werkpost.core.messages import Message, Severity, render_text
from werkpost.quality.rules import language as rules
from werkpost.quality.rules.language import detect_language, is_flemish
from werkpost.vacancies.document import VacancyDocument
from werkpost.vacancies.validation import CheckContext

CONTEXT = CheckContext(today=dt.date(2026, 11, 22), environment="test")

DUTCH = [
    "Voor onze ambachtelijke bakkerij in Gent zoeken we een bakker die mee instaat voor de dagelijkse productie "
    "van brood, koffiekoeken en gebak. Je bereidt deeg volgens onze eigen recepten.",
    "Als Java developer werk je in een agile team aan ons cloud platform. Je schrijft clean code, doet code "
    "reviews en deployt met Docker en Kubernetes. Je hebt ervaring met Spring Boot en microservices.",
    "Je staat in voor het onderhoud van de machines in onze productiehal. Je lost storingen op, voert "
    "preventief onderhoud uit en rapporteert aan de ploegleider.",
    "Wij zoeken een enthousiaste verkoper (m/v/x) voor onze winkel in Brugge. Je adviseert klanten, zorgt "
    "voor de kassa en houdt de winkel netjes.",
    "Ben jij een gedreven boekhouder met een passie voor cijfers? Dan is deze job iets voor jou! Je verwerkt "
    "aankoop- en verkoopfacturen en bereidt btw-aangiften voor.",
    "Het is een voltijdse job in dagdienst. Je werkt 38 uur per week van maandag tot vrijdag.",
]
FRENCH = [
    "Pour notre boulangerie artisanale à Gand, nous recherchons un boulanger qui participe à la production "
    "quotidienne de pain, de viennoiseries et de pâtisseries. Vous préparez la pâte selon nos recettes.",
    "Vous êtes responsable de la gestion des stocks et de la préparation des commandes dans notre entrepôt "
    "de Malines. Vous travaillez en équipe et vous avez le sens des responsabilités.",
    "Nous offrons un contrat à durée indéterminée, un salaire attractif et des chèques-repas. Le poste est "
    "basé à Bruxelles.",
    "Vous êtes un comptable motivé avec une passion pour les chiffres? Alors ce poste est fait pour vous! "
    "Vous traitez les factures d'achat et de vente.",
]
ENGLISH = [
    "For our artisan bakery in Ghent we are looking for a baker who helps with the daily production of bread, "
    "pastries and cakes. You prepare dough according to our own recipes and you operate the ovens.",
    "As a Java developer you will work in an agile team on our cloud platform. You write clean code, do code "
    "reviews and deploy with Docker and Kubernetes. Experience with Spring Boot is required.",
    "We offer a permanent contract, a competitive salary and meal vouchers. You will report to the head of "
    "logistics and work closely with the planning team.",
    "Are you a driven accountant with a passion for numbers? Then this job is for you! You process purchase "
    "and sales invoices and prepare VAT returns.",
]
GERMAN = [
    "Für unsere handwerkliche Bäckerei in Gent suchen wir einen Bäcker, der an der täglichen Produktion von "
    "Brot, Gebäck und Kuchen mitwirkt. Sie bereiten den Teig nach unseren eigenen Rezepten zu.",
    "Sie sind verantwortlich für die Wartung der Maschinen in unserer Produktionshalle. Sie beheben Störungen "
    "und berichten an den Schichtleiter. Wir bieten Ihnen eine unbefristete Stelle.",
    "Sind Sie ein motivierter Buchhalter mit Leidenschaft für Zahlen? Dann ist diese Stelle genau das "
    "Richtige für Sie! Sie bearbeiten Eingangs- und Ausgangsrechnungen.",
]


# --- the detector --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [("nl", t) for t in DUTCH]
    + [("fr", t) for t in FRENCH]
    + [("en", t) for t in ENGLISH]
    + [("de", t) for t in GERMAN],
)
def test_the_detector_recognises_real_vacancy_sentences(language: str, text: str) -> None:
    detection = detect_language(text)
    assert (detection.language, detection.confident) == (language, True), detection.scores


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Bakker Gent brood koffiekoeken gebak HACCP ovens deeg recepten atelier",  # keywords, no sentences
        "Wij zoeken een bakker. Nous cherchons un boulanger. Wir suchen einen Bäcker. We are looking for a baker.",
        "Java, Python, Docker, Kubernetes, AWS, Terraform.",
    ],
)
def test_the_detector_does_not_guess(text: str) -> None:
    assert not detect_language(text).confident


def test_dutch_with_english_jargon_is_dutch() -> None:
    text = (
        "Je bouwt mee aan onze data pipeline in de cloud: ETL, streaming en machine learning. "
        "Je werkt agile in een scrum team."
    )
    assert detect_language(text).language == "nl"


def test_the_detector_reads_only_the_start_of_a_long_text() -> None:
    text = " ".join([DUTCH[0]] * 30 + [FRENCH[0]] * 200)
    assert len(text) > 20_000
    assert detect_language(text).language == "nl"


# --- where Flanders is ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "postal_code", "flemish"),
    [
        ("BE", "1000", False),  # Brussels
        ("BE", "1299", False),
        ("BE", "1300", False),  # Walloon Brabant
        ("BE", "1499", False),
        ("BE", "1500", True),  # Halle
        ("BE", "2000", True),
        ("BE", "3999", True),
        ("BE", "4000", False),  # Liège
        ("BE", "7999", False),
        ("BE", "8000", True),  # Brugge
        ("BE", "9000", True),
        ("BE", "9999", True),
        ("be", "9000", True),
        ("NL", "9000", False),
        ("BE", None, False),
        ("BE", "B-9000", False),
        ("BE", "900", False),
    ],
)
def test_flemish_postal_codes(country: str, postal_code: str | None, flemish: bool) -> None:
    assert is_flemish(country, postal_code) is flemish


# --- the rules -----------------------------------------------------------------------------


def check(example: dict[str, Any], text: str, language: str = "nl", postal_code: str = "9000") -> list[Message]:
    example["workplaces"][0].update(postalCode=postal_code)
    doc = VacancyDocument.model_validate({**example, "description": f"<p>{text}</p>", "language": language})
    return list(rules.description_language(doc, CONTEXT))


def test_the_reference_example_passes(example: dict[str, Any]) -> None:
    assert list(rules.description_language(VacancyDocument.model_validate(example), CONTEXT)) == []


@pytest.mark.parametrize(("detected", "text"), [("fr", FRENCH[1]), ("en", ENGLISH[0]), ("de", GERMAN[1])])
@pytest.mark.parametrize("declared", ["nl", "fr", "en"])
def test_a_flemish_workplace_needs_a_dutch_description(
    example: dict[str, Any], detected: str, text: str, declared: str
) -> None:
    messages = check(example, text, language=declared)
    assert [(m.code, m.severity, m.path, dict(m.params)) for m in messages] == [
        ("quality.language.not_dutch", Severity.WARNING, "/description", {"detected": detected, "postal_code": "9000"})
    ]  # and no mismatch on top: translating the text is the fix


def test_any_flemish_workplace_counts(example: dict[str, Any]) -> None:
    example["workplaces"] = [
        {"postalCode": "1000", "municipality": "Brussel", "countryCode": "BE"},
        {"postalCode": "2800", "municipality": "Mechelen", "countryCode": "BE"},
    ]
    doc = VacancyDocument.model_validate({**example, "description": f"<p>{FRENCH[1]}</p>", "language": "fr"})
    assert [m.params["postal_code"] for m in rules.description_language(doc, CONTEXT)] == ["2800"]


@pytest.mark.parametrize(
    ("postal_code", "language", "text"),
    [
        ("9000", "nl", DUTCH[2]),
        ("1000", "fr", FRENCH[1]),  # Brussels: French is fine
        ("1000", "en", ENGLISH[1]),
        ("4000", "fr", FRENCH[0]),  # Liège
        ("9000", "nl", "Bakker Gent brood koffiekoeken gebak HACCP ovens deeg recepten atelier proper"),
        ("1000", "es", FRENCH[2]),  # a declared language the detector does not know: no judgement
    ],
)
def test_matching_texts_pass(example: dict[str, Any], postal_code: str, language: str, text: str) -> None:
    assert check(example, text, language=language, postal_code=postal_code) == []


@pytest.mark.parametrize(
    ("postal_code", "declared", "detected", "text"),
    [
        ("1000", "nl", "fr", FRENCH[1]),
        ("1000", "fr", "nl", DUTCH[0]),
        ("9000", "en", "nl", DUTCH[3]),
        ("9000", "fr", "nl", DUTCH[4]),
        ("4000", "de", "fr", FRENCH[3]),
    ],
)
def test_a_declared_language_that_differs_from_the_text(
    example: dict[str, Any], postal_code: str, declared: str, detected: str, text: str
) -> None:
    messages = check(example, text, language=declared, postal_code=postal_code)
    assert [(m.code, m.severity, m.path, dict(m.params)) for m in messages] == [
        ("quality.language.mismatch", Severity.WARNING, "/language", {"declared": declared, "detected": detected})
    ]


def test_a_foreign_workplace_is_not_in_flanders(example: dict[str, Any]) -> None:
    example["workplaces"] = [{"postalCode": "9000", "municipality": "Aachen", "countryCode": "DE"}]
    doc = VacancyDocument.model_validate({**example, "description": f"<p>{GERMAN[1]}</p>", "language": "de"})
    assert list(rules.description_language(doc, CONTEXT)) == []


def test_messages_render_with_their_parameters(example: dict[str, Any]) -> None:
    [not_dutch] = check(example, FRENCH[0], language="fr")
    [mismatch] = check(example, FRENCH[0], language="nl", postal_code="1000")
    for message in (not_dutch, mismatch):
        assert "%(" not in render_text(message.code, message.params)


@pytest.mark.django_db
def test_api_warns_about_a_french_vacancy_in_ghent(api: ApiClient, example: dict[str, Any]) -> None:
    example["description"] = f"<p>{FRENCH[0]}</p>"
    example["language"] = "fr"
    body = api.put("/vacancies/L-1", example).json()
    assert body["outcome"] == "accepted_with_warnings"
    assert [(m["code"], m["path"], m["severity"]) for m in body["messages"]] == [
        ("quality.language.not_dutch", "/description", "warning")
    ]


@pytest.mark.django_db
def test_api_warns_about_a_wrong_language_field(api: ApiClient, example: dict[str, Any]) -> None:
    example["language"] = "en"
    body = api.put("/vacancies/L-2", example).json()
    assert body["outcome"] == "accepted_with_warnings"
    assert [(m["code"], m["path"]) for m in body["messages"]] == [("quality.language.mismatch", "/language")]
