"""Title rules: gender-neutral, a job title, one job. And the reference example stays clean."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.conftest import ApiClient
from werkpost.core.messages import Message, Severity, render_text
from werkpost.quality.rules import title as rules
from werkpost.vacancies.document import VacancyDocument
from werkpost.vacancies.validation import CheckContext

pytestmark = pytest.mark.django_db

CONTEXT = CheckContext(today=dt.date(2026, 11, 22), environment="test")


def check(example: dict[str, Any], title: str, *checks: Any) -> list[Message]:
    doc = VacancyDocument.model_validate({**example, "title": title})
    return [message for fn in checks for message in fn(doc, CONTEXT)]


def gender(example: dict[str, Any], title: str) -> list[Message]:
    return check(example, title, rules.title_is_gender_neutral)


def not_a_title(example: dict[str, Any], title: str) -> list[Message]:
    return check(example, title, rules.title_is_a_job_title)


def multiple(example: dict[str, Any], title: str) -> list[Message]:
    return check(example, title, rules.title_names_one_job)


# --- the reference example -----------------------------------------------------------------


def test_reference_example_is_accepted_without_any_message(api: ApiClient, example: dict[str, Any]) -> None:
    response = api.put("/vacancies/REF-1", example)
    assert response.status_code == 201, response.json()
    assert response.json()["outcome"] == "accepted"
    assert response.json()["messages"] == []


def test_reference_example_passes_every_title_rule(example: dict[str, Any]) -> None:
    checks = (rules.title_is_gender_neutral, rules.title_is_a_job_title, rules.title_names_one_job)
    assert check(example, example["title"], *checks) == []


# --- gender-neutral ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "found", "suggestion"),
    [
        ("Poetsvrouw", "Poetsvrouw", "\u201cPoetshulp\u201d, \u201cSchoonmaker\u201d"),
        ("Kuisvrouw", "Kuisvrouw", "\u201cSchoonmaker\u201d"),
        ("Verpleegster", "Verpleegster", "\u201cVerpleegkundige\u201d"),
        ("Verpleger", "Verpleger", "\u201cVerpleegkundige\u201d"),
        ("Secretaresse", "Secretaresse", "\u201cSecretaris\u201d, \u201cAdministratief medewerker\u201d"),
        ("Verkoopster", "Verkoopster", "\u201cVerkoper\u201d"),
        ("Kapster", "Kapster", "\u201cKapper\u201d"),
        ("Serveerster", "Serveerster", "\u201cKelner\u201d, \u201cBediende zaal\u201d"),
        ("Kokkin", "Kokkin", "\u201cKok\u201d"),
        ("Stewardess", "Stewardess", "\u201cCabinepersoneel\u201d"),
        ("Hostess", "Hostess", "\u201cOnthaalmedewerker\u201d"),
        ("Directrice", "Directrice", "\u201cDirecteur\u201d"),
        ("Boekhoudster", "Boekhoudster", "\u201cBoekhouder\u201d"),
        ("Lerares wiskunde", "Lerares", "\u201cLeraar\u201d"),
        ("Masseuse", "Masseuse", "\u201cMasseur\u201d"),
        ("Coördinatrice HR", "Coördinatrice", "\u201cCoördinator\u201d"),
        ("Receptioniste", "Receptioniste", "\u201cReceptionist\u201d"),
        # compounds and plurals
        ("Magazijnmedewerkster", "Magazijnmedewerkster", "\u201cMagazijnmedewerker\u201d"),
        ("Thuisverpleegster", "Thuisverpleegster", "\u201cThuisverpleegkundige\u201d"),
        ("Hulpkokkin", "Hulpkokkin", "\u201cHulpkok\u201d"),
        ("Projectleidster", "Projectleidster", "\u201cProjectleider\u201d"),
        ("Jeugdwerkster", "Jeugdwerkster", "\u201cJeugdwerker\u201d"),
        ("Verpleegsters gezocht", "Verpleegsters", "\u201cVerpleegkundige\u201d"),
        ("Poetsvrouwen", "Poetsvrouwen", "\u201cPoetshulp\u201d"),
        ("Maatschappelijk werkster", "werkster", "\u201cwerker\u201d"),
        ("Werkster", "Werkster", "\u201cSchoonmaker\u201d"),
        ("verkoopster bakkerij", "verkoopster", "\u201cverkoper\u201d"),
    ],
)
def test_gendered_titles_get_the_neutral_form(example: dict[str, Any], title: str, found: str, suggestion: str) -> None:
    messages = gender(example, title)
    assert [m.code for m in messages] == ["quality.title.not_gender_neutral"]
    message = messages[0]
    assert message.severity == Severity.WARNING
    assert message.path == "/title"
    assert message.params["found"] == f"\u201c{found}\u201d"
    assert str(message.params["suggestion"]).startswith(suggestion)


@pytest.mark.parametrize("mark", ["(m/v)", "m/v", "(v/m)", "(M/V)", "(h/f)", "(m/f)", "(m/w)", "(man/vrouw)"])
def test_gender_markers_without_x_get_m_v_x(example: dict[str, Any], mark: str) -> None:
    messages = gender(example, f"Bakker {mark}")
    assert [(m.code, m.params["found"], m.params["suggestion"]) for m in messages] == [
        ("quality.title.not_gender_neutral", f"\u201c{mark}\u201d", "\u201c(m/v/x)\u201d")
    ]


def test_a_gendered_word_and_a_marker_give_two_messages(example: dict[str, Any]) -> None:
    messages = gender(example, "Verpleegster (m/v)")
    assert [m.params["found"] for m in messages] == ["\u201cVerpleegster\u201d", "\u201c(m/v)\u201d"]


@pytest.mark.parametrize(
    "title",
    [
        "Bakker",
        "Bakker (m/v/x)",
        "Bakker (M/V/X)",
        "Bakker m/v/x",
        "Bakker (h/f/x)",
        "Bakker (m/w/d)",
        "Verpleegkundige",
        "Poetshulp",
        "Schoonmaker",
        "Verkoper/verkoopster",  # both forms side by side: what VDAB advises when no neutral word exists
        "Kapper/kapster",
        "Kelner/serveerster",
        "Medewerker",
        "Vroedvrouw",  # the legal title of the profession in Belgium, for everyone
        "Meester-elektricien",
        "Customer Advocate",
        "Webmaster",
        "Registeraccountant",
        "Chauffeur C/CE",
        "Bediende aankoop/verkoop",
        "Zorgkundige",
        "Leerkracht",
    ],
)
def test_neutral_titles_pass(example: dict[str, Any], title: str) -> None:
    assert gender(example, title) == []


def test_the_lexicon_is_large_and_its_suggestions_are_neutral(example: dict[str, Any]) -> None:
    assert len(rules.GENDERED) >= 80
    for word, neutral in rules.GENDERED.items():
        assert neutral, word
        assert word not in neutral
        for suggestion in neutral:
            assert not list(rules.gendered_words(suggestion)), (word, suggestion)


def test_compound_endings_give_neutral_endings() -> None:
    for ending, neutral in rules.GENDERED_TAILS.items():
        assert [g.neutral for g in rules.gendered_words(f"hulp{ending}")] == [(f"hulp{neutral}",)], ending
        assert not list(rules.gendered_words(neutral)), ending


# --- not a job title -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "found", "suggestion"),
    [
        ("BAKKER", "\u201cBAKKER\u201d", "\u201cBakker\u201d"),
        ("CNC-OPERATOR", "\u201cOPERATOR\u201d", "\u201cCNC-operator\u201d"),
        ("Bakker ONMIDDELLIJK", "\u201cONMIDDELLIJK\u201d", "\u201cBakker onmiddellijk\u201d"),
        ("Bakker!!!", "\u201c!!!\u201d", "\u201cBakker\u201d"),
        ("Bakker??", "\u201c??\u201d", "\u201cBakker\u201d"),
        ("Bakker \U0001f35e", "\u201c\U0001f35e\u201d", "\u201cBakker\u201d"),
        ("\u2605 Bakker \u2605", "\u201c\u2605\u201d", "\u201cBakker\u201d"),
        ("Dringend: bakker", "\u201cDringend\u201d", "\u201cbakker\u201d"),
        ("Bakker gezocht", "\u201cgezocht\u201d", "\u201cBakker\u201d"),
        ("URGENT bakker", "\u201cURGENT\u201d", "\u201cbakker\u201d"),
        ("Vacature bakker", "\u201cVacature\u201d", "\u201cbakker\u201d"),
        ("Topjob: bakker", "\u201cTopjob\u201d", "\u201cbakker\u201d"),
        ("Bakker - nu solliciteren", "\u201cnu solliciteren\u201d", "\u201cBakker\u201d"),
        ("Bakker \u20ac2500 bruto", "\u201c\u20ac2500\u201d, \u201cbruto\u201d", "\u201cBakker\u201d"),
        ("Bakker 15 euro per uur", "\u201c15 euro per uur\u201d", "\u201cBakker\u201d"),
        ("Bakker 15/uur", "\u201c15/uur\u201d", "\u201cBakker\u201d"),
        ("Bakker - bel 0470 12 34 56", "\u201cbel 0470 12 34 56\u201d", "\u201cBakker\u201d"),
        ("Bakker +32 9 123 45 67", "\u201c+32 9 123 45 67\u201d", "\u201cBakker\u201d"),
        ("Bakker www.bakkerij-janssens.be", "\u201cwww.bakkerij-janssens.be\u201d", "\u201cBakker\u201d"),
        ("Bakker https://jobs.example/42", "\u201chttps://jobs.example/42\u201d", "\u201cBakker\u201d"),
        ("Bakker, mail jobs@bakkerij.be", "\u201cmail jobs@bakkerij.be\u201d", "\u201cBakker\u201d"),
        (
            "DRINGEND: BAKKER GEZOCHT!!!",
            "\u201cDRINGEND\u201d, \u201cBAKKER\u201d, \u201cGEZOCHT\u201d, \u201c!!!\u201d",
            "\u201cBakker\u201d",
        ),
    ],
)
def test_what_is_not_a_job_title_is_quoted(example: dict[str, Any], title: str, found: str, suggestion: str) -> None:
    messages = not_a_title(example, title)
    assert [(m.code, m.path, m.severity) for m in messages] == [
        ("quality.title.not_a_job_title", "/title", Severity.WARNING)
    ]
    assert messages[0].params == {"found": found, "suggestion": suggestion}


def test_a_title_of_noise_only_suggests_the_occupation(example: dict[str, Any]) -> None:
    [message] = not_a_title(example, "DRINGEND!!!")
    assert message.params["suggestion"] == "\u201cBakkers, banketbakkers en suikerbakkers\u201d"


@pytest.mark.parametrize(
    "title",
    [
        "Bakker",
        "Bakker (m/v/x)",
        "Bakker-patissier",
        "HR Business Partner",
        "ICT-medewerker",
        "CEO",
        "SAP FICO consultant",
        "HACCP-verantwoordelijke",
        "VLAREM-deskundige",
        "C++ developer",
        "C# developer",
        "ASP.NET developer",
        "Node.js developer",
        "Lasser TIG 141",
        "Chauffeur CE",
        "Leraar 2de graad",
        "Medewerker klantendienst (38u/week)",
        "Urgentiearts",
        "Vacaturebeheerder",
        "Onderhoudstechnieker niveau 2",
    ],
)
def test_job_titles_pass(example: dict[str, Any], title: str) -> None:
    assert not_a_title(example, title) == []


# --- one job per vacancy ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "found", "suggestion"),
    [
        ("Bakker / Verkoper", "\u201cBakker / Verkoper\u201d", "\u201cBakker\u201d, \u201cVerkoper\u201d"),
        ("Bakker/verkoper", "\u201cBakker/verkoper\u201d", "\u201cBakker\u201d, \u201cverkoper\u201d"),
        ("Bakker en verkoper", "\u201cBakker en verkoper\u201d", "\u201cBakker\u201d, \u201cverkoper\u201d"),
        (
            "Bakker of verkoper (m/v/x)",
            "\u201cBakker of verkoper (m/v/x)\u201d",
            "\u201cBakker\u201d, \u201cverkoper\u201d",
        ),
        ("Bakkers en verkopers", "\u201cBakkers en verkopers\u201d", "\u201cBakkers\u201d, \u201cverkopers\u201d"),
        (
            "Lasser, monteur en elektricien",
            "\u201cLasser, monteur en elektricien\u201d",
            "\u201cLasser\u201d, \u201cmonteur\u201d, \u201celektricien\u201d",
        ),
        (
            "Business Analyst / Project Manager",
            "\u201cBusiness Analyst / Project Manager\u201d",
            "\u201cBusiness Analyst\u201d, \u201cProject Manager\u201d",
        ),
        (
            "Kok & zaalverantwoordelijke",
            "\u201cKok & zaalverantwoordelijke\u201d",
            "\u201cKok\u201d, \u201czaalverantwoordelijke\u201d",
        ),
        ("Bakker (m/v/x) \u2013 diverse jobs", "\u201cdiverse jobs\u201d", "\u201cBakker\u201d"),
        ("Productiemedewerker - diverse functies", "\u201cdiverse functies\u201d", "\u201cProductiemedewerker\u201d"),
        ("Verkoper en andere profielen", "\u201cen andere profielen\u201d", "\u201cVerkoper\u201d"),
    ],
)
def test_more_than_one_job_is_flagged(example: dict[str, Any], title: str, found: str, suggestion: str) -> None:
    messages = multiple(example, title)
    assert [(m.code, m.path, m.severity) for m in messages] == [
        ("quality.title.multiple_jobs", "/title", Severity.WARNING)
    ]
    assert messages[0].params == {"found": found, "suggestion": suggestion}


@pytest.mark.parametrize(
    "title", ["Diverse functies", "Meerdere vacatures", "Verschillende profielen", "Various positions"]
)
def test_several_jobs_without_a_job_name_suggest_the_occupation(example: dict[str, Any], title: str) -> None:
    [message] = multiple(example, title)
    assert message.params["suggestion"] == "\u201cBakkers, banketbakkers en suikerbakkers\u201d"


@pytest.mark.parametrize(
    "title",
    [
        "Bakker",
        "Bakker (m/v/x)",
        "Bakker-patissier",
        "Bakker-verkoper",
        "Onderhouds- en herstellingstechnieker",
        "Aankoop- en logistiek medewerker",
        "Bediende aankoop/verkoop",
        "Medewerker aankoop en verkoop",
        "Medewerker onderhoud en herstelling",
        "Technieker verwarming en sanitair",
        "Verkoper/verkoopster",  # the two forms of one job
        "Poetshulp / schoonmaker",  # two names of one job
        "Kelner / bediende zaal",
        "Secretaris / administratief medewerker",
        "Sales & Marketing Manager",
        "Research & Development Engineer",
        "Customer Service & Order Administrator",
        "HR & Payroll Officer",
        "Leraar Frans/Engels",
        "Chauffeur C/CE",
        "Chauffeur trekker/oplegger",
        "Operator afvalwater en drinkwater",
        "Medewerker Ieper of Kortrijk",
        "Verkoper, onmiddellijk beschikbaar",
        "Verkoper m/v",
        "Meerdere bakkers",  # several positions of one job
        "Leerkracht lager of secundair onderwijs",
    ],
)
def test_one_job_passes(example: dict[str, Any], title: str) -> None:
    assert multiple(example, title) == []


# --- texts and the API -----------------------------------------------------------------------


def test_messages_render_with_their_parameters(example: dict[str, Any]) -> None:
    checks = (rules.title_is_gender_neutral, rules.title_is_a_job_title, rules.title_names_one_job)
    for message in check(example, "POETSVROUW / VERKOOPSTER (m/v)!!!", *checks):
        text = render_text(message.code, message.params)
        assert "%(" not in text, text


def test_api_warns_about_a_gendered_title_with_marker(api: ApiClient, example: dict[str, Any]) -> None:
    example["title"] = "Verkoopster (m/v)"
    body = api.put("/vacancies/T-1", example).json()
    assert body["outcome"] == "accepted_with_warnings"
    found = [(m["code"], m["path"], m["severity"]) for m in body["messages"]]
    assert found == [("quality.title.not_gender_neutral", "/title", "warning")] * 2
    assert "Verkoper" in body["messages"][0]["message"]


def test_api_warns_about_a_title_that_is_no_job_title_and_about_two_jobs(
    api: ApiClient, example: dict[str, Any]
) -> None:
    example["title"] = "DRINGEND: bakker / verkoper"
    body = api.put("/vacancies/T-2", example).json()
    assert body["outcome"] == "accepted_with_warnings"
    assert sorted((m["code"], m["path"]) for m in body["messages"]) == [
        ("quality.title.multiple_jobs", "/title"),
        ("quality.title.not_a_job_title", "/title"),
    ]
