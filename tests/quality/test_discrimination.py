"""The anti-discrimination checker: corpus precision/recall, every criterion hit and not hit,
the messages it makes, and the whole pipeline through the API."""

from __future__ import annotations

import datetime as dt
import io
import statistics
import time
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import translation

from tests.conftest import ApiClient
from tests.quality.discrimination_corpus import CORPUS, CRITERIA, DEVELOPMENT, HELD_OUT, Case
from werkpost.core.messages import CATALOGUE, Severity, render_text
from werkpost.quality.engine import CATEGORIES, Category
from werkpost.quality.rules import discrimination
from werkpost.quality.rules.discrimination import Finding, find_discrimination
from werkpost.quality.text import free_texts
from werkpost.vacancies.document import VacancyDocument
from werkpost.vacancies.validation import CheckContext

CONTEXT = CheckContext(today=dt.date(2026, 11, 22), environment="test")
E, W = Severity.ERROR, Severity.WARNING


def found(text: str, language: str | None = None) -> dict[str, Severity]:
    """criterion -> the most severe finding for it."""
    result: dict[str, Severity] = {}
    for finding in find_discrimination(text, language):
        if result.get(finding.criterion) != E:
            result[finding.criterion] = finding.severity
    return result


# --- the corpus ------------------------------------------------------------------------------


def score(cases: tuple[Case, ...]) -> tuple[float, float, float]:
    """Precision and recall per (fragment, criterion), and how often the severity is right."""
    tp = fp = fn = severity_ok = 0
    for case in cases:
        got = found(case.text, case.language)
        for criterion in set(got) | set(case.expected):
            if criterion in got and criterion in case.expected:
                tp += 1
                severity_ok += got[criterion] == case.expected[criterion]
            elif criterion in got:
                fp += 1
            else:
                fn += 1
    return tp / (tp + fp), tp / (tp + fn), severity_ok / tp


def test_the_corpus_is_big_enough_and_covers_every_criterion_in_both_halves() -> None:
    assert len(CORPUS) >= 300
    assert {case.language for case in CORPUS} == {"nl", "en"}
    assert len({case.text for case in CORPUS}) == len(CORPUS), "duplicate fragments"
    assert set(CRITERIA) == set(discrimination.CRITERIA)
    negatives = [case for case in CORPUS if not case.expected]
    assert 0.35 < len(negatives) / len(CORPUS) < 0.65, "both classes"
    for half in (DEVELOPMENT, HELD_OUT):
        for criterion in CRITERIA:
            assert any(criterion in case.expected for case in half), f"{criterion} has no positive in a half"
    for criterion in CRITERIA:
        severities = {case.expected[criterion] for case in CORPUS if criterion in case.expected}
        assert "error" in severities, criterion


def test_precision_and_recall_on_the_corpus() -> None:
    precision, recall, severity = score(CORPUS)
    assert precision >= 0.95, f"precision {precision:.3f}"
    assert recall >= 0.92, f"recall {recall:.3f}"
    assert severity >= 0.90, f"severity right {severity:.3f}"


@pytest.mark.parametrize("half", ["development", "held-out"])
def test_precision_and_recall_on_each_half(half: str) -> None:
    precision, recall, _ = score(DEVELOPMENT if half == "development" else HELD_OUT)
    assert precision >= 0.95, f"{half} precision {precision:.3f}"
    assert recall >= 0.92, f"{half} recall {recall:.3f}"


def test_the_word_gate_never_changes_a_result() -> None:
    """Detectors only run near their anchor words; running them all on the whole text gives the same."""
    for case in CORPUS:
        text = discrimination._Text(case.text, case.language)
        gated = [f for detector, windows in discrimination._gate(text) for f in detector.run(text, windows)]
        everything = [f for detector in discrimination.DETECTORS for f in detector.run(text, None)]
        assert discrimination._merge(gated) == discrimination._merge(everything), case.text


# --- every criterion: hit and no hit ---------------------------------------------------------

HITS = [
    # (text, language, criterion, severity)
    ("Je bent maximum 30 jaar.", "nl", "age", E),
    ("Je bent jonger dan vijfendertig.", "nl", "age", E),
    ("Leeftijd: 20 - 35 jaar. Rijbewijs B is een pluspunt.", "nl", "age", E),
    ("Kandidaten boven de 45 komen niet in aanmerking.", "nl", "age", E),
    ("Wij zoeken een jonge, dynamische bakker.", "nl", "age", W),
    ("Vereisten: max. 3 jaar beroepservaring.", "nl", "age", W),
    ("Candidates aged 18-25 preferred.", "en", "age", E),
    ("Ideal for a recent graduate looking for a first job.", "en", "age", W),
    ("Enkel mannelijke chauffeurs.", "nl", "gender", E),
    ("Vrouwen hoeven niet te solliciteren.", "nl", "gender", E),
    ("Gastvrouw gezocht voor ons restaurant, 3 avonden per week.", "nl", "gender", W),
    ("Men only, due to the physical nature of the work.", "en", "gender", E),
    ("Kandidaten van vreemde origine worden niet weerhouden.", "nl", "origin", E),
    ("Applicants must hold a British passport.", "en", "origin", E),
    ("Je bent hier geboren en getogen.", "nl", "origin", W),
    ("Het dragen van een sluier of hoofddoek is verboden.", "nl", "religion", E),
    ("Christians preferred.", "en", "religion", E),
    ("Visible religious symbols are not permitted under our neutrality policy.", "en", "religion", W),
    ("Mensen met een beperking komen niet in aanmerking.", "nl", "disability", E),
    ("You have no physical limitations.", "en", "disability", E),
    ("Je bent gezond en hebt geen medische problemen.", "nl", "disability", E),
    ("Je bent in goede gezondheid.", "nl", "disability", W),
    ("Homoseksuelen zijn niet gewenst.", "nl", "sexual_orientation", E),
    ("Straight candidates only.", "en", "sexual_orientation", E),
    ("Je bent alleenstaand zonder kinderen.", "nl", "civil_status", W),
    ("Enkel ongehuwde kandidaten.", "nl", "civil_status", E),
    ("Candidates must be unmarried.", "en", "civil_status", W),
    ("Je bent een native Nederlandstalige.", "nl", "language", E),
    ("English as your mother tongue is required.", "en", "language", E),
    ("Je spreekt accentloos Nederlands.", "nl", "language", W),
    ("Je bent slank en verzorgd.", "nl", "physical", E),
    ("Send your resume with a recent photo.", "en", "physical", W),
    ("Je komt uit een gegoede familie.", "nl", "social_origin", E),
    ("Kinderen van personeelsleden krijgen voorrang.", "nl", "social_origin", W),
    ("Je hebt geen financiële problemen.", "nl", "wealth", E),
    ("A clean credit history is required.", "en", "wealth", W),
    ("Leden van een vakbond worden niet aangenomen.", "nl", "political", E),
    ("We are a union-free company.", "en", "political", W),
]

NO_HITS = [
    # (text, language, the criterion it could be mistaken for)
    ("Je werkt met jongeren van 16 tot 25 jaar in een jeugdhuis.", "nl", "age"),
    ("Je krijgt een bedrijfswagen van minder dan 5 jaar oud.", "nl", "age"),
    ("Je bent minstens 21 jaar (wettelijke minimumleeftijd voor rijbewijs CE).", "nl", "age"),
    ("Junior developer (m/v/x) - starters zijn welkom.", "nl", "age"),
    ("Wij zijn een jong en groeiend IT-bedrijf met 25 medewerkers.", "nl", "age"),
    ("Our team is young at heart and diverse: 14 nationalities, ages 23 to 61.", "en", "age"),
    ("Je verkoopt dameskledij en herenkledij in onze winkel in Gent.", "nl", "gender"),
    ("Als vroedvrouw (m/v/x) begeleid je zwangere vrouwen.", "nl", "gender"),
    ("Our founder started the company in 1990; he still leads the board.", "en", "gender"),
    ("Kennis van de Belgische en Nederlandse markt is een troef.", "nl", "origin"),
    ("Experience with white goods repair is a plus.", "en", "origin"),
    ("Een hoofddoek dragen is bij ons geen probleem.", "nl", "religion"),
    ("Je onderschrijft het pedagogisch project van het katholiek onderwijs.", "nl", "religion"),
    ("You will work with people with disabilities in our day centre.", "en", "disability"),
    ("Er zijn geen beperkingen op het aantal thuiswerkdagen.", "nl", "disability"),
    ("Je werkt in ons gay-friendly hotel in Antwerpen.", "nl", "sexual_orientation"),
    ("Ben je homo, hetero of bi? Het maakt ons niet uit.", "nl", "sexual_orientation"),
    ("You help families with children find affordable housing.", "en", "civil_status"),
    ("You are the single point of contact for our clients.", "en", "civil_status"),
    ("Je geeft les aan kinderen met een andere moedertaal.", "nl", "language"),
    ("Moedertaal Nederlands is geen vereiste: niveau B2 volstaat.", "nl", "language"),
    ("You have a native understanding of SQL performance tuning.", "en", "language"),
    ("We vragen geen foto bij je sollicitatie.", "nl", "physical"),
    ("Solliciteer uiterlijk op 15 maart; wij bieden een aantrekkelijk loon.", "nl", "physical"),
    ("Tewerkstelling via artikel 60 in samenwerking met het OCMW.", "nl", "social_origin"),
    ("Met eigen wagen, want je bezoekt klanten in heel Vlaanderen.", "nl", "wealth"),
    ("Je mag zelf kiezen of je lid wordt van een vakbond.", "nl", "political"),
]


@pytest.mark.parametrize(("text", "language", "criterion", "severity"), HITS)
def test_hit(text: str, language: str, criterion: str, severity: Severity) -> None:
    assert found(text, language).get(criterion) == severity, find_discrimination(text, language)


@pytest.mark.parametrize(("text", "language", "criterion"), NO_HITS)
def test_no_hit(text: str, language: str, criterion: str) -> None:
    assert find_discrimination(text, language) == []


def test_every_criterion_has_hit_and_no_hit_cases() -> None:
    assert {criterion for _, _, criterion, _ in HITS} == set(CRITERIA)
    assert {criterion for _, _, criterion in NO_HITS} == set(CRITERIA)


# --- findings and messages ---------------------------------------------------------------------


def test_a_finding_quotes_the_fragment_as_written_and_suggests_a_neutral_wording() -> None:
    text = "Voor onze winkel in Brugge zoeken we een verkoper. Je bent tussen 25 en 35 jaar en hebt ervaring."
    (finding,) = find_discrimination(text, "nl")
    assert finding == Finding(
        criterion="age",
        severity=E,
        fragment="tussen 25 en 35 jaar",
        suggestion=finding.suggestion,
        start=text.index("tussen"),
        end=text.index(" en hebt"),
        rule="age.range",
    )
    assert "leeftijd" in finding.suggestion


def test_fragments_keep_accents_and_case_and_suggestions_follow_the_language_of_the_sentence() -> None:
    (dutch,) = find_discrimination("Moedertaal Frans, kennis van het Nederlands.", "nl")
    assert (dutch.fragment, dutch.suggestion) == ("Moedertaal Frans", "je spreekt vlot Frans (niveau C1)")
    (english,) = find_discrimination("Wij bieden een vast contract. You are a native English speaker.", "nl")
    assert english.fragment == "native English speaker"
    assert english.suggestion == "fluent English (CEFR level C1 or higher)"
    (accented,) = find_discrimination("Je bent geen vakbondslid en hebt geen politieke engagementen.", "nl")[:1]
    assert accented.fragment.startswith("geen vakbondslid")


def test_gendered_job_titles_get_their_neutral_form() -> None:
    (finding,) = find_discrimination("Voor onze bakkerij zoeken we een verkoopster.", "nl")
    assert (finding.criterion, finding.severity, finding.fragment) == ("gender", W, "verkoopster")
    assert finding.suggestion == "verkoper (m/v/x)"
    assert find_discrimination("Verkoper/verkoopster (m/v/x) voor onze bakkerij.", "nl") == []


def test_one_finding_per_criterion_and_fragment() -> None:
    findings = find_discrimination("Jonge dame gezocht voor het onthaal.", "nl")
    assert sorted((f.criterion, f.severity) for f in findings) == [("age", W), ("gender", E)]


def test_explicit_is_an_error_indirect_a_warning() -> None:
    assert found("Je bent ongehuwd.") == {"civil_status": W}
    assert found("Enkel ongehuwde kandidaten.") == {"civil_status": E}
    assert found("Je bent in goede gezondheid.") == {"disability": W}
    assert found("Je bent in perfecte gezondheid.") == {"disability": E}
    assert found("Je bent minimum 25 jaar.") == {"age": W}
    assert found("Kandidaten ouder dan 55 worden niet weerhouden.") == {"age": E}


def test_every_criterion_has_a_fairness_message_with_fragment_and_suggestion() -> None:
    for criterion in CRITERIA:
        code = f"discrimination.{criterion}"
        mtype = CATALOGUE[code]
        assert CATEGORIES[code] is Category.FAIRNESS
        assert mtype.severity is Severity.WARNING
        assert mtype.configurable
        assert "%(fragment)s" in str(mtype.text)
        assert "%(suggestion)s" in str(mtype.text)
        assert str(mtype.explanation)
        assert str(mtype.fix)


def rule_messages(example: dict[str, Any], **changes: str) -> list[Any]:
    doc = VacancyDocument.model_validate({**example, **changes})
    return list(discrimination.no_discrimination(doc, CONTEXT))


def test_the_rule_reports_each_field_by_its_pointer(example: dict[str, Any]) -> None:
    assert rule_messages(example) == []
    messages = rule_messages(
        example,
        title="Bakker",
        profile="<p>Je bent <strong>maximum 30 jaar</strong>.</p>",
        offer="<p>Een jong team dat bij je past.</p><p>Stuur je cv met foto.</p>",
    )
    assert [(m.code, m.severity, m.path) for m in messages] == [
        ("discrimination.age", E, "/profile"),
        ("discrimination.age", W, "/offer"),
        ("discrimination.physical", W, "/offer"),
    ]
    assert messages[0].params["fragment"] == "maximum 30 jaar"
    with translation.override("en"):
        text = render_text(messages[0].code, messages[0].params)
    assert "maximum 30 jaar" in text
    assert messages[0].params["suggestion"] in text


def test_each_list_item_and_paragraph_is_read_on_its_own(example: dict[str, Any]) -> None:
    messages = rule_messages(
        example,
        profile="<ul><li>Je bent jong en dynamisch</li><li>Iedereen is welkom</li><li>Je hebt geen kinderen</li></ul>",
    )
    assert [(m.code, m.params["fragment"]) for m in messages] == [
        ("discrimination.age", "jong"),
        ("discrimination.civil_status", "geen kinderen"),
    ]
    assert rule_messages(example, profile="<p>Iedereen is welkom, ongeacht leeftijd.</p>") == []


def test_gendered_job_titles_in_the_title_are_left_to_the_title_rule(example: dict[str, Any]) -> None:
    assert rule_messages(example, title="Verkoopster") == []
    assert [m.path for m in rule_messages(example, description="<p>We zoeken een verkoopster.</p>" * 10)] == [
        "/description"
    ] * 10


def test_a_normal_vacancy_is_checked_well_under_a_millisecond(example: dict[str, Any]) -> None:
    texts = [text for _, text in free_texts(VacancyDocument.model_validate(example))]
    runs = []
    for _ in range(200):
        start = time.perf_counter()
        for text in texts:
            find_discrimination(text, "nl")
        runs.append(time.perf_counter() - start)
    assert statistics.median(runs) < 0.001  # typically ~0.1 ms; generous for busy CI machines


# --- through the API ---------------------------------------------------------------------------


def codes(response: Any) -> list[str]:
    return [m["code"] for m in response.json()["messages"]]


@pytest.mark.django_db
def test_the_reference_example_stays_accepted(api: ApiClient, example: dict[str, Any]) -> None:
    response = api.put("/vacancies/D1", example)
    assert response.json()["outcome"] == "accepted", response.json()
    assert not [code for code in codes(response) if code.startswith("discrimination.")]


@pytest.mark.django_db
def test_an_age_limit_rejects_the_vacancy(api: ApiClient, example: dict[str, Any]) -> None:
    example["profile"] = example["profile"].replace("</p>", " Je bent maximum 30 jaar.</p>")
    response = api.put("/vacancies/D2", example)
    assert response.json()["outcome"] == "rejected", response.json()
    (message,) = [m for m in response.json()["messages"] if m["code"].startswith("discrimination.")]
    assert (message["code"], message["severity"], message["path"]) == ("discrimination.age", "error", "/profile")
    assert "maximum 30 jaar" in message["message"]
    assert message["docUrl"].endswith("/docs/messages/discrimination.age")


@pytest.mark.django_db
def test_an_indirect_signal_is_accepted_with_a_warning(api: ApiClient, example: dict[str, Any]) -> None:
    example["description"] += "<p>Wij zoeken een jonge, dynamische bakker.</p>"
    response = api.put("/vacancies/D3", example)
    assert response.json()["outcome"] == "accepted_with_warnings", response.json()
    (message,) = [m for m in response.json()["messages"] if m["code"].startswith("discrimination.")]
    assert (message["code"], message["severity"], message["path"]) == ("discrimination.age", "warning", "/description")


@pytest.mark.django_db
def test_an_operator_setting_changes_the_indirect_findings_only(api: ApiClient, example: dict[str, Any]) -> None:
    call_command(
        "message_setting", "discrimination.age", "--severity", "info", "--reason", "pilot", stdout=io.StringIO()
    )
    example["description"] += "<p>Wij zoeken een jonge, dynamische bakker.</p>"
    assert api.put("/vacancies/D4", example).json()["outcome"] == "accepted"
    example["profile"] = example["profile"].replace("</p>", " Je bent maximum 30 jaar.</p>")
    assert api.put("/vacancies/D5", example).json()["outcome"] == "rejected"
