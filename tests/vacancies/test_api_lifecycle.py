"""The vacancy lifecycle through the HTTP API: PUT, GET, list, close, republish, DELETE."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from tests.conftest import ApiClient
from werkpost.core.models import AuditLogEntry
from werkpost.vacancies.models import TransferResult, Vacancy, VacancyRevision

pytestmark = pytest.mark.django_db

TODAY = dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _frozen_clock() -> Any:
    with time_machine.travel(TODAY, tick=False) as traveller:
        yield traveller


def codes(response: Any) -> list[str]:
    return [m["code"] for m in response.json()["messages"]]


def test_reference_example_is_accepted(api: ApiClient, example: dict[str, Any]) -> None:
    response = api.put("/vacancies/REQ-2026-0042", example)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["outcome"] == "accepted"
    assert body["messages"] == []
    assert body["status"] == "published"
    assert body["version"] == 1
    assert body["vacancyId"] == "REQ-2026-0042"
    assert body["action"] == "upsert"
    assert body["transferId"].startswith("tr_")
    assert response["Location"].endswith("/api/v1/vacancies/REQ-2026-0042")


def test_get_shows_status_window_version_and_last_transfer(api: ApiClient, example: dict[str, Any]) -> None:
    transfer_id = api.put("/vacancies/V1", example).json()["transferId"]
    body = api.get("/vacancies/V1").json()
    assert body["status"] == "published"
    assert body["publication"] == {"start": "2026-11-22", "end": "2027-02-20"}  # start + 90 days
    assert body["version"] == 1
    assert body["lastTransfer"]["transferId"] == transfer_id
    assert body["document"]["title"] == "Bakker"
    assert body["document"]["positions"] == 1


def test_update_bumps_version_and_keeps_window(api: ApiClient, example: dict[str, Any]) -> None:
    api.put("/vacancies/V1", example)
    example["title"] = "Bakker-patissier"
    with time_machine.travel(TODAY + dt.timedelta(days=3), tick=False):
        response = api.put("/vacancies/V1", example)
    assert response.status_code == 200
    assert response.json()["version"] == 2
    vacancy = Vacancy.objects.get(vacancy_id="V1")
    assert vacancy.publication_start == dt.date(2026, 11, 22)
    assert list(VacancyRevision.objects.filter(vacancy=vacancy).values_list("version", flat=True)) == [1, 2]


def test_identical_resend_is_accepted_with_info_and_same_version(api: ApiClient, example: dict[str, Any]) -> None:
    api.put("/vacancies/V1", example)
    response = api.put("/vacancies/V1", example)
    assert response.status_code == 200
    assert response.json()["outcome"] == "accepted"
    assert response.json()["version"] == 1
    assert codes(response) == ["vacancy.unchanged"]
    assert response.json()["messages"][0]["severity"] == "info"


def test_future_start_is_scheduled_then_published_by_the_job(api: ApiClient, example: dict[str, Any]) -> None:
    from werkpost.vacancies.tasks import settle_vacancies

    example["publication"] = {"start": "2026-12-01", "end": "2027-01-31"}
    response = api.put("/vacancies/V1", example)
    assert response.json()["status"] == "scheduled"
    assert api.get("/vacancies", status="scheduled").json()["vacancies"][0]["vacancyId"] == "V1"
    with time_machine.travel(dt.datetime(2026, 12, 1, 6, tzinfo=dt.UTC), tick=False):
        assert api.get("/vacancies/V1").json()["status"] == "published"  # even before the job ran
        settle_vacancies.call()
        assert Vacancy.objects.get(vacancy_id="V1").status == "published"
    assert AuditLogEntry.objects.filter(action="vacancies.vacancy.published").count() == 1


def test_vacancy_past_its_end_is_never_shown_as_published(api: ApiClient, example: dict[str, Any]) -> None:
    from werkpost.vacancies.tasks import settle_vacancies

    example["publication"] = {"end": "2026-11-30"}
    api.put("/vacancies/V1", example)
    with time_machine.travel(dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC), tick=False):
        assert api.get("/vacancies/V1").json()["status"] == "expired"
        assert api.get("/vacancies", status="published").json()["vacancies"] == []
        assert [v["vacancyId"] for v in api.get("/vacancies", status="expired").json()["vacancies"]] == ["V1"]
        settle_vacancies.call()
        settle_vacancies.call()  # idempotent
    assert Vacancy.objects.get(vacancy_id="V1").status == "expired"
    assert AuditLogEntry.objects.filter(action="vacancies.vacancy.expired").count() == 1


def test_close_republish_withdraw(api: ApiClient, example: dict[str, Any]) -> None:
    api.put("/vacancies/V1", example)

    closed = api.post("/vacancies/V1/close", {"reason": "filled"})
    assert closed.status_code == 200, closed.json()
    assert closed.json()["action"] == "close"
    assert closed.json()["status"] == "closed"
    assert api.get("/vacancies/V1").json()["closedReason"] == "filled"

    again = api.post("/vacancies/V1/close", {"reason": "filled"})
    assert again.status_code == 409
    assert again["Content-Type"] == "application/problem+json"
    assert again.json()["code"] == "vacancy.action_not_allowed"

    republished = api.post("/vacancies/V1/republish", {"end": "2027-01-15"})
    assert republished.status_code == 200, republished.json()
    assert republished.json()["status"] == "published"
    assert api.get("/vacancies/V1").json()["publication"] == {"start": "2026-11-22", "end": "2027-01-15"}

    withdrawn = api.delete("/vacancies/V1")
    assert withdrawn.status_code == 200
    assert withdrawn.json()["status"] == "withdrawn"
    assert api.get("/vacancies/V1").json()["status"] == "withdrawn"  # kept for the record

    actions = list(AuditLogEntry.objects.order_by("id").values_list("action", flat=True))
    assert [a for a in actions if a.startswith("vacancies.")] == [
        "vacancies.vacancy.created",
        "vacancies.vacancy.closed",
        "vacancies.vacancy.republished",
        "vacancies.vacancy.withdrawn",
    ]


def test_republish_without_body_defaults_to_90_days(api: ApiClient, example: dict[str, Any]) -> None:
    example["publication"] = {"end": "2026-11-25"}
    api.put("/vacancies/V1", example)
    with time_machine.travel(dt.datetime(2026, 12, 10, 9, tzinfo=dt.UTC), tick=False):
        response = api.post("/vacancies/V1/republish")
        assert response.status_code == 200, response.json()
        assert api.get("/vacancies/V1").json()["publication"] == {"start": "2026-12-10", "end": "2027-03-10"}


def test_republish_of_published_vacancy_is_a_conflict(api: ApiClient, example: dict[str, Any]) -> None:
    api.put("/vacancies/V1", example)
    response = api.post("/vacancies/V1/republish")
    assert response.status_code == 409
    assert response.json()["code"] == "vacancy.action_not_allowed"
    assert TransferResult.objects.filter(action="republish", outcome="rejected").count() == 1


def test_close_with_unknown_reason_is_rejected(api: ApiClient, example: dict[str, Any]) -> None:
    api.put("/vacancies/V1", example)
    response = api.post("/vacancies/V1/close", {"reason": "bored"})
    assert response.status_code == 422
    assert codes(response) == ["schema.invalid_value"]
    assert response.json()["messages"][0]["path"] == "/reason"
    assert api.get("/vacancies/V1").json()["status"] == "published"


def test_update_of_closed_vacancy_keeps_it_closed(api: ApiClient, example: dict[str, Any]) -> None:
    api.put("/vacancies/V1", example)
    api.post("/vacancies/V1/close", {"reason": "cancelled"})
    example["title"] = "Bakker (m/v/x)"
    response = api.put("/vacancies/V1", example)
    assert response.status_code == 200
    assert response.json()["status"] == "closed"
    assert "vacancy.still_closed" in codes(response)


def test_put_after_withdraw_starts_a_new_publication(api: ApiClient, example: dict[str, Any]) -> None:
    api.put("/vacancies/V1", example)
    api.delete("/vacancies/V1")
    with time_machine.travel(TODAY + dt.timedelta(days=10), tick=False):
        response = api.put("/vacancies/V1", example)
        assert response.status_code == 200
        assert response.json()["status"] == "published"
        assert api.get("/vacancies/V1").json()["publication"]["start"] == "2026-12-02"


def test_extending_an_expired_vacancy_with_a_new_end(api: ApiClient, example: dict[str, Any]) -> None:
    example["publication"] = {"end": "2026-11-30"}
    api.put("/vacancies/V1", example)
    with time_machine.travel(dt.datetime(2026, 12, 5, 9, tzinfo=dt.UTC), tick=False):
        example["publication"] = {"end": "2027-01-31"}
        response = api.put("/vacancies/V1", example)
        assert response.json()["status"] == "published"


def test_list_filters_and_cursor(api: ApiClient, example: dict[str, Any]) -> None:
    for n in range(5):
        api.put(f"/vacancies/V{n}", example)
    api.post("/vacancies/V0/close", {"reason": "filled"})
    first = api.get("/vacancies", limit=2).json()
    assert [v["vacancyId"] for v in first["vacancies"]] == ["V0", "V1"]
    second = api.get("/vacancies", limit=2, after=first["next"]).json()
    assert [v["vacancyId"] for v in second["vacancies"]] == ["V2", "V3"]
    third = api.get("/vacancies", limit=2, after=second["next"]).json()
    assert [v["vacancyId"] for v in third["vacancies"]] == ["V4"]
    assert third["next"] is None
    assert [v["vacancyId"] for v in api.get("/vacancies", status="closed").json()["vacancies"]] == ["V0"]
    later = (TODAY + dt.timedelta(hours=1)).isoformat()
    assert api.get("/vacancies", updatedSince=later).json()["vacancies"] == []


def test_results_feed_lists_every_transfer_in_order_with_cursor(api: ApiClient, example: dict[str, Any]) -> None:
    api.put("/vacancies/V1", example)
    api.put("/vacancies/V1", {"title": "incomplete"})
    api.post("/vacancies/V1/close", {"reason": "filled"})
    api.post("/vacancies/NOPE/close", {"reason": "filled"})
    feed = api.get("/results").json()
    assert [(r["vacancyId"], r["action"], r["outcome"]) for r in feed["results"]] == [
        ("V1", "upsert", "accepted"),
        ("V1", "upsert", "rejected"),
        ("V1", "close", "accepted"),
        ("NOPE", "close", "rejected"),
    ]
    assert feed["next"] is None
    assert api.get("/results", after=feed["cursor"]).json()["results"] == []
    api.delete("/vacancies/V1")
    newer = api.get("/results", after=feed["cursor"]).json()["results"]
    assert [r["action"] for r in newer] == ["withdraw"]
    page = api.get("/results", limit=2).json()
    assert len(page["results"]) == 2
    assert page["next"] is not None
    assert [r["outcome"] for r in api.get("/results", outcome="rejected").json()["results"]] == ["rejected"] * 2
    assert {r["vacancyId"] for r in api.get("/results", vacancyId="NOPE").json()["results"]} == {"NOPE"}


def test_rejected_transfer_does_not_change_the_stored_vacancy(api: ApiClient, example: dict[str, Any]) -> None:
    api.put("/vacancies/V1", example)
    broken = {**example, "occupationCode": "0000"}
    response = api.put("/vacancies/V1", broken)
    assert response.status_code == 422
    assert response.json()["outcome"] == "rejected"
    vacancy = Vacancy.objects.get(vacancy_id="V1")
    assert vacancy.version == 1
    assert vacancy.occupation_code == "7512"
    assert TransferResult.objects.get(transfer_id=response.json()["transferId"]).raw_payload


def test_validate_is_a_dry_run(api: ApiClient, example: dict[str, Any]) -> None:
    response = api.post("/validate", {**example, "vacancyId": "DRY-1"})
    assert response.status_code == 200, response.json()
    assert response.json()["outcome"] == "accepted"
    assert response.json()["transferId"] is None
    assert not Vacancy.objects.exists()
    assert not TransferResult.objects.exists()


def test_validate_returns_every_message_at_once(api: ApiClient, example: dict[str, Any]) -> None:
    example.update(occupationCode="0000", language="xx", positions=0)
    del example["title"]
    response = api.post("/validate", {**example, "vacancyId": "bad id!"})
    assert response.status_code == 422
    assert set(codes(response)) >= {"schema.invalid_vacancy_id", "schema.required", "schema.out_of_range"}


def test_messages_follow_accept_language(api: ApiClient, api_en: ApiClient, example: dict[str, Any]) -> None:
    example["occupationCode"] = "0000"
    english = api_en.put("/vacancies/V1", example).json()["messages"][0]
    dutch = api.put("/vacancies/V1", example).json()["messages"][0]
    assert english["message"] == "0000 is not a code of the table occupations."
    assert dutch["message"] == "0000 is geen code van de tabel occupations."
    assert english["docUrl"].endswith("/docs/messages/reference.unknown_code")


def test_test_environment_vacancies_are_never_public(api: ApiClient, example: dict[str, Any]) -> None:
    from werkpost.vacancies.selectors import public_vacancies

    api.put("/vacancies/V1", example)
    assert not public_vacancies(TODAY.date()).exists()


def test_test_data_is_purged_after_30_days(api: ApiClient, example: dict[str, Any]) -> None:
    from werkpost.vacancies.tasks import purge_test_data

    api.put("/vacancies/OLD", example)
    with time_machine.travel(TODAY + dt.timedelta(days=20), tick=False):
        api.put("/vacancies/NEW", example)
    with time_machine.travel(TODAY + dt.timedelta(days=31), tick=False):
        purge_test_data.call()
    assert list(Vacancy.objects.values_list("vacancy_id", flat=True)) == ["NEW"]
    assert list(TransferResult.objects.values_list("vacancy_id", flat=True)) == ["NEW"]
    assert AuditLogEntry.objects.filter(action="vacancies.test_data.purged").exists()


def test_rejected_payloads_are_purged(api: ApiClient, example: dict[str, Any]) -> None:
    from werkpost.vacancies.tasks import purge_rejected_payloads

    api.put("/vacancies/V1", {"title": "x"})
    assert TransferResult.objects.get().raw_payload
    with time_machine.travel(TODAY + dt.timedelta(days=15), tick=False):
        purge_rejected_payloads.call()
    assert TransferResult.objects.get().raw_payload == ""


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("6960-11-18T16:21:36-20:54", 200),  # an offset PostgreSQL cannot store: compared in UTC
        ("2026-11-22T10:00:00+01:00", 200),
        ("0001-01-01T00:00:00+01:00", 400),  # before year 1 in UTC
        ("2026-11-22T10:00:00", 400),  # no time zone
        ("0.5", 400),
    ],
)
def test_updated_since_takes_aware_iso_datetimes(api: ApiClient, value: str, status: int) -> None:
    response = api.get("/vacancies", updatedSince=value)
    assert response.status_code == status, response.json()


@pytest.mark.django_db(transaction=True)
def test_status_changes_refuse_to_run_outside_a_transaction(api: ApiClient, example: dict[str, Any]) -> None:
    """vacancy_close, vacancy_republish and vacancy_withdraw need the caller's row lock (issue 14)."""
    from werkpost.core.audit import Actor
    from werkpost.vacancies import services
    from werkpost.vacancies.publication import Window

    assert api.put("/vacancies/NO-TX", example).status_code == 201
    vacancy = Vacancy.objects.get(vacancy_id="NO-TX")
    actor = Actor.system("tests")
    with pytest.raises(RuntimeError):
        services.vacancy_close(vacancy=vacancy, reason="filled", actor=actor)
    with pytest.raises(RuntimeError):
        services.vacancy_republish(
            vacancy=vacancy, window=Window(dt.date(2027, 1, 1), dt.date(2027, 2, 1)), actor=actor
        )
    with pytest.raises(RuntimeError):
        services.vacancy_withdraw(vacancy=vacancy, actor=actor)
    assert Vacancy.objects.get(vacancy_id="NO-TX").status == "published"
