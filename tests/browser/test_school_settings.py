"""School settings in a real browser: a head sets pre-moderation, the follow-up
interval, the time zone, a logo and term dates; mistakes are explained beside the
field; the change is in the audit log; a deputy is not offered the page."""

from PIL import Image
from playwright.sync_api import expect

from hub.models import AuditEntry, Role, SchoolTerm
from tests.browser.conftest import expect_accessible, screenshot, sign_in, sign_out
from tests.factories import StaffFactory


def test_a_head_sets_up_the_school_and_a_deputy_is_not_offered_it(
    page, moderator, school, tmp_path
):
    logo = tmp_path / "crest.png"
    Image.new("RGB", (600, 600), (31, 78, 121)).save(logo)
    deputy = StaffFactory(school=school, role=Role.SENIOR_LEADER, is_moderator=True)
    moderator.manages_settings = True  # the head's right (a deputy who moderates lacks it)
    moderator.save(update_fields=["manages_settings"])

    sign_in(page, moderator)
    page.get_by_role("link", name="School settings").click()
    expect_accessible(page)
    expect(page.get_by_role("heading", name="School settings")).to_be_visible()
    screenshot(page, "school-settings-empty")
    page.get_by_label("Days before asking “How did it go?”").fill("0")
    page.locator("#id_terms-0-name").fill("Autumn 2026")
    page.locator("#id_terms-0-first_day").fill("2026-12-18")
    page.locator("#id_terms-0-last_day").fill("2026-09-03")
    page.get_by_role("button", name="Save settings").click()
    expect_accessible(page)
    expect(page.get_by_text("Choose at least 1 day.")).to_be_visible()
    expect(page.get_by_text("The last day is before the first day.")).to_be_visible()
    screenshot(page, "school-settings-errors")
    screenshot(page, "school-settings-errors", phone=True)
    assert not AuditEntry.objects.exists()

    page.get_by_label("Pre-moderation: moderators approve before others see it").check()
    page.get_by_label("Days before asking “How did it go?”").fill("21")
    page.get_by_label("Time zone").select_option("Europe/Dublin")
    page.get_by_label("School logo").set_input_files(str(logo))
    page.locator("#id_terms-0-first_day").fill("2026-09-03")
    page.locator("#id_terms-0-last_day").fill("2026-12-18")
    page.get_by_role("button", name="Save settings").click()
    expect_accessible(page)
    expect(page.get_by_role("status")).to_contain_text("Settings saved")
    expect(page.get_by_alt_text(f"The current logo of {school.name}")).to_be_visible()
    natural_width = page.get_by_alt_text(f"The current logo of {school.name}").evaluate(
        "img => img.naturalWidth"
    )
    assert natural_width == 600
    screenshot(page, "school-settings-saved")
    screenshot(page, "school-settings-saved", phone=True)
    school.refresh_from_db()
    assert (school.moderation_mode, school.follow_up_days, school.time_zone) == (
        "pre",
        21,
        "Europe/Dublin",
    )
    assert SchoolTerm.objects.get().name == "Autumn 2026"
    page.goto("/moderation/log/")
    expect_accessible(page)
    expect(page.locator(".audit-table")).to_contain_text("Changed school settings")
    sign_out(page)

    sign_in(page, deputy)
    expect(page.get_by_role("link", name="School settings")).to_have_count(0)
    response = page.goto("/settings/")
    assert response.status == 403
    expect_accessible(page)
