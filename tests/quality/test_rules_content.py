"""Content rules: fees asked from job seekers, pyramid selling, not a real job."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.conftest import ApiClient
from werkpost.core.messages import Message, Severity, render_text
from werkpost.quality.rules import content as rules
from werkpost.vacancies.document import VacancyDocument
from werkpost.vacancies.validation import CheckContext

CONTEXT = CheckContext(today=dt.date(2026, 11, 22), environment="test")


def with_offer(example: dict[str, Any], sentence: str, *checks: Any) -> list[Message]:
    """The reference example with one more paragraph in its offer, through the given checks."""
    doc = VacancyDocument.model_validate({**example, "offer": example["offer"] + f"<p>{sentence}</p>"})
    return [message for check in checks for message in check(doc, CONTEXT)]


def test_the_reference_example_passes_every_content_rule(example: dict[str, Any]) -> None:
    doc = VacancyDocument.model_validate(example)
    for check in (rules.no_fees_asked, rules.no_pyramid_selling, rules.is_a_real_job):
        assert list(check(doc, CONTEXT)) == []


# --- fees --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Bij je inschrijving betaal je een inschrijvingsgeld van 75 euro.",
        "Het inschrijvingsgeld bedraagt €150.",
        "Inschrijvingskosten: 95 euro, eenmalig te betalen.",
        "Wij rekenen administratiekosten voor de kandidaat aan.",
        "Er worden administratiekosten aangerekend aan de kandidaat.",
        "Je betaalt een bijdrage van €250 voor de opleiding.",
        "Je betaalt zelf je starterspakket.",
        "Je betaalt eenmalig 49 euro.",
        "Opleiding tegen betaling van 300 euro.",
        "Je volgt de opleiding tegen betaling.",
        "Voor je start volg je een betalende opleiding (verplicht).",
        "Een betalende opleiding is verplicht voor alle nieuwe medewerkers.",
        "Je dient een starterspakket aan te kopen van 199 euro.",
        "Bij de start vragen we een waarborg van €200 voor het materiaal.",
        "Er is een borg van 150 euro voor je uniform.",
        "De opleidingskost van €900 is ten laste van de kandidaat.",
        "Er is een administratieve kost van 25 euro.",
        "Dossierkost: 40 euro, te betalen bij je eerste gesprek.",
        "A registration fee of €60 applies.",
        "An application fee is required.",
        "You pay for your own training before you start.",
        "Candidates pay a small fee of 25 EUR for the assessment.",
        "Des frais d'inscription de 50 euros sont à payer.",
    ],
)
def test_fees_asked_are_an_error(example: dict[str, Any], sentence: str) -> None:
    messages = with_offer(example, sentence, rules.no_fees_asked)
    assert [(m.code, m.severity, m.path) for m in messages] == [
        ("quality.content.fees_asked", Severity.ERROR, "/offer")
    ]
    quoted = str(messages[0].params["found"])
    assert quoted.startswith("\u201c")
    assert quoted.endswith("\u201d")
    assert quoted.strip("\u201c\u201d") in sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Wij betalen je opleiding.",
        "Je krijgt een vergoeding voor je verplaatsingen.",
        "Een betaalde opleiding, maaltijdcheques en ecocheques.",
        "Wij vragen geen inschrijvingsgeld.",
        "Er zijn geen inschrijvingskosten.",
        "Het inschrijvingsgeld wordt volledig terugbetaald na drie maanden.",
        "Het inschrijvingsgeld van €50 wordt terugbetaald bij je aanwerving.",
        "Je betaalt de facturen van leveranciers en volgt de betalingen op.",
        "Je int het inschrijvingsgeld van de cursisten en beheert de administratie.",
        "Als boekhouder verwerk je administratiekosten en dossierkosten van klanten.",
        "Opleidingskosten zijn ten laste van de werkgever.",
        "Wij staan garant voor de waarborg van kwaliteit.",
        "De opleiding is gratis, het inschrijvingsgeld nemen wij ten laste.",
        "Je verkoopt tickets tegen betaling aan de kassa.",
        "Het inschrijvingsgeld kost je niets.",
        "Je krijgt een gratis starterspakket met werkkledij.",
        "We pay for your training and your starter kit.",
        "There is no application fee.",
        "Je organiseert betalende opleidingen voor onze klanten.",
        "Een tussenkomst in het lidgeld van je sportclub.",
    ],
)
def test_no_fee_asked_passes(example: dict[str, Any], sentence: str) -> None:
    assert with_offer(example, sentence, rules.no_fees_asked) == []


def test_fees_in_the_application_instructions_are_found(example: dict[str, Any]) -> None:
    example["application"]["instructions"] = "Stuur je cv en schrijf 35 euro inschrijvingsgeld over."
    doc = VacancyDocument.model_validate(example)
    [message] = rules.no_fees_asked(doc, CONTEXT)
    assert message.path == "/application/instructions"


def test_a_fee_across_an_html_line_break_inside_a_paragraph_is_found(example: dict[str, Any]) -> None:
    messages = with_offer(
        example, "Je betaalt\n  een <strong>inschrijvingsgeld</strong> van 75 euro.", rules.no_fees_asked
    )
    assert messages[0].params["found"] == "\u201cJe betaalt een inschrijvingsgeld van 75 euro\u201d"


def test_another_list_item_does_not_waive_a_fee(example: dict[str, Any]) -> None:
    doc = VacancyDocument.model_validate(
        {**example, "offer": "<ul><li>Geen ervaring nodig</li><li>Inschrijvingsgeld: 60 euro</li></ul>"}
    )
    assert [m.params["found"] for m in rules.no_fees_asked(doc, CONTEXT)] == ["\u201cInschrijvingsgeld: 60 euro\u201d"]


# --- pyramid selling ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Verdien een bonus voor elke nieuwe deelnemer die je aanbrengt.",
        "Hoe meer mensen je aanbrengt, hoe meer je verdient.",
        "Je ontvangt een commissie op de inschrijvingen van je team.",
        "Je krijgt 50 euro voor elke nieuwe distributeur in je team.",
        "Je ontvangt een premie per aangebrachte deelnemer.",
        "Earn a bonus for every new distributor you recruit.",
    ],
)
def test_income_from_recruiting_is_an_error(example: dict[str, Any], sentence: str) -> None:
    messages = with_offer(example, sentence, rules.no_pyramid_selling)
    assert [(m.code, m.severity, m.path) for m in messages] == [
        ("quality.content.pyramid_selling", Severity.ERROR, "/offer")
    ]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        (
            "Ontdek netwerkmarketing en bouw aan een passief inkomen.",
            "\u201cnetwerkmarketing\u201d, \u201cpassief inkomen\u201d",
        ),
        ("Wij werken volgens het multi-level marketing model.", "\u201cmulti-level marketing\u201d"),
        ("Een MLM-opportuniteit voor ambitieuze mensen.", "\u201cMLM\u201d"),
        ("Onbeperkt verdienen met commissie!", "\u201cOnbeperkt verdienen\u201d"),
        ("Je begeleidt je downline naar succes.", "\u201cdownline\u201d"),
        ("Je rekruteert nieuwe leden voor ons netwerk.", "\u201crekruteert nieuwe leden\u201d"),
        (
            "Word je eigen baas en bouw je eigen team op!",
            "\u201cWord je eigen baas\u201d, \u201cbouw je eigen team\u201d",
        ),
        (
            "Be your own boss and achieve financial freedom.",
            "\u201cBe your own boss\u201d, \u201cfinancial freedom\u201d",
        ),
        ("Dit is geen piramidesysteem.", "\u201cpiramidesysteem\u201d"),
    ],
)
def test_network_marketing_signals_are_a_warning(example: dict[str, Any], sentence: str, found: str) -> None:
    messages = with_offer(example, sentence, rules.no_pyramid_selling)
    assert [(m.code, m.severity, m.params["found"]) for m in messages] == [
        ("quality.content.pyramid_selling", Severity.WARNING, found)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Als teamleider bouw je je eigen team uit.",  # one hint alone is ordinary
        "Word je eigen baas als franchisenemer van onze winkel.",
        "Je rekruteert nieuwe medewerkers voor onze klanten.",
        "Je werft nieuwe leden voor onze vereniging.",
        "Je beheert ons netwerk en de marketing van onze producten.",
        "Je krijgt een commissie op je eigen verkoop.",
        "Je verdient een premie voor elke verkochte wagen.",
        "Je krijgt een premie voor elk nieuw lid dat je werft voor onze vereniging.",  # a membership recruiter
        "Je verdient 15 euro per persoon die je rondleidt.",
        "Je hebt een passie voor inkomende goederen.",
    ],
)
def test_ordinary_sales_and_management_pass(example: dict[str, Any], sentence: str) -> None:
    assert with_offer(example, sentence, rules.no_pyramid_selling) == []


# --- a real job --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Dit is geen echte job maar een unieke kans.",
        "Bijverdienste van thuis uit zonder ervaring, verdien €5000/week!",
        "Verdien tot 5.000 euro per week.",
        "Verdien makkelijk €800 per dag.",
        "Earn up to $500 a day.",
        "Verdien 20k per maand vanuit je zetel.",
        "Werk van thuis uit, geen ervaring nodig, bijverdienste gegarandeerd.",
        "Snel rijk worden? Dit is je kans.",
    ],
)
def test_signs_of_no_real_job_are_a_warning(example: dict[str, Any], sentence: str) -> None:
    messages = with_offer(example, sentence, rules.is_a_real_job)
    assert [(m.code, m.severity, m.path) for m in messages] == [
        ("quality.content.not_a_real_job", Severity.WARNING, "/offer")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Je werkt deels van thuis uit. Ervaring is een plus.",
        "Je verdient €15 per uur.",
        "Je verdient tot €3.200 per maand.",
        "Geen ervaring nodig: wij leiden je op.",
        "Een echte job met toekomst.",
        "Thuiswerk mogelijk, je krijgt een laptop en smartphone.",
    ],
)
def test_real_jobs_pass(example: dict[str, Any], sentence: str) -> None:
    assert with_offer(example, sentence, rules.is_a_real_job) == []


# --- texts and the API -------------------------------------------------------------------------


def test_texts_read_title_fields_and_instructions(example: dict[str, Any]) -> None:
    example["application"]["instructions"] = "Bel An."
    found, lowered = rules.texts(VacancyDocument.model_validate(example))
    assert [t.path for t in found] == ["/title", "/description", "/profile", "/offer", "/application/instructions"]
    assert "\n" in found[1].text
    assert "<" not in found[1].text
    assert lowered == lowered.lower()
    assert "bel an." in lowered


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("Eerste zin. Tweede zin met € 1.500 erin. Derde.", 15, "Tweede zin met € 1.500 erin"),
        ("Item een\nItem twee; en verder", 12, "Item twee"),
        ("Eén zin zonder einde", 3, "Eén zin zonder einde"),
    ],
)
def test_a_clause_ends_at_sentence_and_item_boundaries(text: str, start: int, expected: str) -> None:
    left, right = rules.clause(text, start, start + 1)
    assert text[left:right].strip() == expected


def test_messages_render_with_their_parameters(example: dict[str, Any]) -> None:
    sentence = "Verdien €5000 per week: word je eigen baas, bouw je eigen team en betaal je inschrijvingsgeld van €99."
    messages = with_offer(example, sentence, rules.no_fees_asked, rules.no_pyramid_selling, rules.is_a_real_job)
    assert len(messages) == 3
    for message in messages:
        assert "%(" not in render_text(message.code, message.params)


@pytest.mark.django_db
def test_api_rejects_a_vacancy_asking_a_fee(api: ApiClient, example: dict[str, Any]) -> None:
    example["offer"] += "<p>Bij je start betaal je een inschrijvingsgeld van 75 euro.</p>"
    response = api.put("/vacancies/C-1", example)
    body = response.json()
    assert response.status_code == 422, body
    assert body["outcome"] == "rejected"
    assert [(m["code"], m["path"], m["severity"]) for m in body["messages"]] == [
        ("quality.content.fees_asked", "/offer", "error")
    ]
    assert "inschrijvingsgeld van 75 euro" in body["messages"][0]["message"]


@pytest.mark.django_db
def test_api_rejects_income_from_recruiting_and_warns_about_network_marketing(
    api: ApiClient, example: dict[str, Any]
) -> None:
    recruiting = {**example, "offer": example["offer"] + "<p>Verdien een bonus voor elke nieuwe deelnemer.</p>"}
    body = api.put("/vacancies/C-2", recruiting).json()
    assert body["outcome"] == "rejected"
    assert [(m["code"], m["severity"]) for m in body["messages"]] == [("quality.content.pyramid_selling", "error")]

    marketing = {**example, "offer": example["offer"] + "<p>Bouw mee aan je passief inkomen.</p>"}
    body = api.put("/vacancies/C-3", marketing).json()
    assert body["outcome"] == "accepted_with_warnings"
    assert [(m["code"], m["path"], m["severity"]) for m in body["messages"]] == [
        ("quality.content.pyramid_selling", "/offer", "warning")
    ]


@pytest.mark.django_db
def test_api_warns_about_a_job_that_is_not_real(api: ApiClient, example: dict[str, Any]) -> None:
    example["offer"] += "<p>Verdien tot 5.000 euro per week!</p>"
    body = api.put("/vacancies/C-4", example).json()
    assert body["outcome"] == "accepted_with_warnings"
    assert [(m["code"], m["path"]) for m in body["messages"]] == [("quality.content.not_a_real_job", "/offer")]
