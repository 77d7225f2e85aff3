from django.core import mail
from playwright.sync_api import expect

from hub.models import Staff
from tests.browser.conftest import expect_accessible, screenshot, sign_in

HEADER = "email,full name,role\n"
GOOD_ROWS = "ann@oakfield.example,Ann Able,teacher\nbo@oakfield.example,Bo Bee,TA\n"


def choose_file(page, text: str) -> None:
    page.get_by_label("Staff list (CSV)").set_input_files(
        {"name": "staff.csv", "mimeType": "text/csv", "buffer": text.encode()}
    )
    page.get_by_role("button", name="Check and import").click()
    page.wait_for_load_state("load")


def test_a_bad_row_imports_nothing_then_the_fixed_file_imports(page, school_admin, staff):
    sign_in(page, school_admin, then_open="/staff/import/")
    screenshot(page, "staff-import-empty")

    choose_file(
        page, HEADER + GOOD_ROWS + f"not-an-email,Cy Sea,caretaker\n{staff.email},A,teacher\n"
    )
    errors = page.get_by_role("alert")
    expect(errors).to_contain_text("Nothing was imported: 3 problems to fix")
    expect(errors).to_contain_text("Row 4: “not-an-email” is not an email address.")
    expect(errors).to_contain_text("Row 4: “caretaker” is not a role.")
    expect(errors).to_contain_text(f"Row 5: {staff.email} already has a Staffroom account.")
    expect_accessible(page)
    screenshot(page, "staff-import-errors")
    screenshot(page, "staff-import-errors", phone=True)
    assert Staff.objects.count() == 2
    assert mail.outbox == []

    choose_file(page, HEADER + GOOD_ROWS)
    expect(page.get_by_role("status")).to_contain_text(
        "Imported 2 staff and sent their invitations."
    )
    expect(page.get_by_role("table")).to_contain_text("Ann Able")
    expect(page.get_by_role("table")).to_contain_text("Bo Bee")
    expect_accessible(page)
    screenshot(page, "staff-list")
    screenshot(page, "staff-list", phone=True)
    assert sorted(m.to[0] for m in mail.outbox) == ["ann@oakfield.example", "bo@oakfield.example"]
