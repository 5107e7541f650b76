"""Access types in a real browser (R27): PES staff open them from the back-office menu, are told
what is wrong with a bad code, create a type and edit it. Every page passes axe."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import login, screenshot, submit, visit
from werkpost.accounts.models import AccessType
from werkpost.core.models import AuditLogEntry

pytestmark = pytest.mark.e2e

PES_STAFF = "pes@werkpost.demo"
TYPES = "/admin/extranet-users/access-types/"


def test_pes_staff_create_and_edit_an_access_type(page: Page) -> None:
    login(page, PES_STAFF)
    visit(page, "/admin/")
    submit(page, page.locator("nav").get_by_role("link", name="Access types"))
    expect(page.locator("h1")).to_have_text("Access types")
    mlp = page.locator("tr", has_text="extranet-mlp")
    expect(mlp).to_contain_text("Extranet MLP")
    screenshot(page, "backoffice-access-types")

    submit(page, page.get_by_role("link", name="New access type"))
    page.get_by_label("Code").fill("Extranet Trainers")
    page.get_by_label("Name (Dutch)").fill("Extranet-Trainers")
    page.get_by_label("Name (English)").fill("Extranet Trainers")
    page.get_by_label("Description (Dutch)").fill("Pagina's voor trainers van partnerorganisaties.")
    page.get_by_label("Requires PES approval").check()
    submit(page, page.get_by_role("button", name="Save"))
    expect(page.locator("main form")).to_contain_text(
        "Extranet Trainers is not a valid access type code. (accounts.access_type_code_invalid)"
    )
    expect(page.get_by_label("Name (Dutch)")).to_have_value("Extranet-Trainers")  # nothing typed is lost
    screenshot(page, "backoffice-access-type-error")
    assert not AccessType.objects.filter(name_nl="Extranet-Trainers").exists()

    page.get_by_label("Code").fill("extranet-trainers")
    submit(page, page.get_by_role("button", name="Save"))
    expect(page.locator(".messages")).to_contain_text("Access type Extranet Trainers created.")
    row = page.locator("tr", has_text="extranet-trainers")
    expect(row).to_contain_text("yes")

    submit(page, row.get_by_role("link", name="Edit Extranet Trainers"))
    expect(page.locator("main")).to_contain_text("Code: extranet-trainers")
    page.get_by_label("How to obtain it (English)").fill("Ask your organisation administrator.")
    submit(page, page.get_by_role("button", name="Save"))
    expect(page.locator(".messages")).to_contain_text("Access type Extranet Trainers saved.")

    trainers = AccessType.objects.get(code="extranet-trainers")
    assert (trainers.requires_pes_approval, trainers.how_to_obtain_en) == (True, "Ask your organisation administrator.")
    actions = AuditLogEntry.objects.filter(subject_id=str(trainers.pk), action__startswith="accounts.access_type.")
    assert sorted(actions.values_list("action", flat=True)) == [
        "accounts.access_type.changed",
        "accounts.access_type.created",
    ]


def test_the_list_says_what_an_empty_one_means(page: Page) -> None:
    login(page, PES_STAFF)
    AccessType.objects.all().delete()
    visit(page, TYPES)
    expect(page.locator("main")).to_contain_text("No access types yet")
