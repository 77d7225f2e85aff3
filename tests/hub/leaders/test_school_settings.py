import io
import os
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from hub.access import may_change_school_settings
from hub.models import AuditEntry, Role, School, SchoolTerm
from hub.models.school import ModerationMode
from tests.factories import StaffFactory

SETTINGS = "/settings/"


def png(size=(120, 80), colour=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="PNG")
    return out.getvalue()


def form_data(school: School, **changes) -> dict:
    data = {
        "moderation_mode": school.moderation_mode,
        "follow_up_days": school.follow_up_days,
        "time_zone": school.time_zone,
        "default_visibility": school.default_visibility,
        "terms-TOTAL_FORMS": "3",
        "terms-INITIAL_FORMS": "0",
        "terms-MIN_NUM_FORMS": "0",
        "terms-MAX_NUM_FORMS": "9",
    }
    data.update(changes)
    return data


@pytest.fixture
def head(moderator):
    """The matrix's moderator is a headteacher; a head also holds the settings right."""
    moderator.manages_settings = True
    moderator.save(update_fields=["manages_settings"])
    return moderator


@pytest.mark.parametrize(
    ("role", "is_moderator", "is_school_admin", "manages_settings", "allowed"),
    [
        (Role.HEADTEACHER, True, False, True, True),
        (Role.OFFICE, False, True, False, True),
        (Role.SENIOR_LEADER, True, True, False, True),
        (Role.SENIOR_LEADER, False, False, True, True),
        # Moderators without the right (a deputy, or a head a school admin took it from).
        (Role.SENIOR_LEADER, True, False, False, False),
        (Role.HEADTEACHER, True, False, False, False),
        (Role.TEACHER, True, False, False, False),
        (Role.TEACHER, False, False, False, False),
        (Role.TEACHING_ASSISTANT, False, False, False, False),
        (Role.SUPPORT, False, False, False, False),
        (Role.OFFICE, False, False, False, False),
    ],
)
def test_only_the_head_and_school_admins_open_the_settings(
    client, school, role, is_moderator, is_school_admin, manages_settings, allowed
):
    person = StaffFactory(
        school=school,
        role=role,
        is_moderator=is_moderator,
        is_school_admin=is_school_admin,
        manages_settings=manages_settings,
    )
    client.force_login(person)
    assert may_change_school_settings(person) is allowed
    assert client.get(SETTINGS).status_code == (200 if allowed else 403)
    response = client.post(SETTINGS, form_data(school, follow_up_days="30"))
    assert response.status_code == (302 if allowed else 403)
    school.refresh_from_db()
    assert school.follow_up_days == (30 if allowed else 14)
    nav = client.get("/").content.decode()
    assert (reverse("hub:school_settings") in nav) is allowed


def test_a_head_of_another_school_changes_only_their_own(client, other_school, school):
    head = StaffFactory(school=other_school, is_moderator=True, manages_settings=True)
    client.force_login(head)
    client.post(SETTINGS, form_data(other_school, follow_up_days="30"))
    school.refresh_from_db()
    other_school.refresh_from_db()
    assert (school.follow_up_days, other_school.follow_up_days) == (14, 30)
    assert client.get(reverse("hub:school_logo", args=[school.pk])).status_code == 404


def test_a_head_changes_moderation_follow_ups_and_time_zone_with_an_audit_row(
    client_for, head, school
):
    client = client_for(head)
    response = client.post(
        SETTINGS,
        form_data(
            school,
            moderation_mode=ModerationMode.PRE,
            follow_up_days="21",
            time_zone="Europe/Dublin",
        ),
        follow=True,
    )
    school.refresh_from_db()
    assert (school.moderation_mode, school.follow_up_days, school.time_zone) == (
        "pre",
        21,
        "Europe/Dublin",
    )
    assert "Settings saved" in response.content.decode()
    entry = AuditEntry.objects.get(action="settings")
    assert entry.actor == head and entry.school == school
    assert "moderation" in entry.reason and "time zone" in entry.reason
    log = client.get(reverse("hub:audit_log")).content.decode()
    assert "Changed school settings" in log


def test_saving_nothing_new_writes_no_audit_row(client_for, school_admin, school):
    client_for(school_admin).post(SETTINGS, form_data(school))
    assert not AuditEntry.objects.filter(action="settings").exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"follow_up_days": "0"}, "follow_up_days", "at least 1 day"),
        ({"follow_up_days": "400"}, "follow_up_days", "90 days or fewer"),
        ({"follow_up_days": ""}, "follow_up_days", "Enter a number of days"),
        ({"follow_up_days": "ten"}, "follow_up_days", "whole number"),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "Select a valid choice"),
        ({"moderation_mode": "anarchy"}, "moderation_mode", "Select a valid choice"),
    ],
)
def test_bad_settings_are_explained_beside_the_field_and_change_nothing(
    client_for, head, school, changes, field, message
):
    response = client_for(head).post(SETTINGS, form_data(school, **changes))
    assert response.status_code == 400
    assert message in response.context["form"].errors[field][0]
    assert f'id="error_1_id_{field}"' in response.content.decode()
    school.refresh_from_db()
    assert school.follow_up_days == 14 and school.time_zone == "Europe/London"
    assert not AuditEntry.objects.exists()


def test_the_logo_is_cleaned_stored_under_a_random_name_and_served_only_to_its_school(
    client, head, outsider, school
):
    client.force_login(head)
    upload = SimpleUploadedFile("Oakfield crest.png", png(size=(1600, 1200)), "image/png")
    client.post(SETTINGS, {**form_data(school), "logo": upload})
    school.refresh_from_db()
    assert school.logo.name.startswith("schools/logos/")
    assert "crest" not in school.logo.name
    with Image.open(school.logo.path) as stored:
        assert max(stored.size) == 800
    response = client.get(reverse("hub:school_logo", args=[school.pk]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, max-age=3600"
    client.force_login(outsider)
    assert client.get(reverse("hub:school_logo", args=[school.pk])).status_code == 404
    assert "logo" in AuditEntry.objects.get(action="settings").reason


def test_a_logo_that_is_not_an_image_or_too_large_is_refused_beside_the_field(
    client_for, head, school
):
    client = client_for(head)
    fake = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", "image/png")
    response = client.post(SETTINGS, {**form_data(school), "logo": fake})
    assert response.status_code == 400
    assert "JPEG, PNG or WebP" in response.context["form"].errors["logo"][0]
    huge = SimpleUploadedFile("logo.png", b"\x89PNG" + b"0" * (3 * 1024 * 1024), "image/png")
    response = client.post(SETTINGS, {**form_data(school), "logo": huge})
    assert "larger than 2 MB" in response.context["form"].errors["logo"][0]
    school.refresh_from_db()
    assert not school.logo


def test_removing_the_logo_deletes_the_file(
    client_for, head, school, django_capture_on_commit_callbacks
):
    client = client_for(head)
    client.post(SETTINGS, {**form_data(school), "logo": SimpleUploadedFile("a.png", png())})
    school.refresh_from_db()
    path = school.logo.path
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SETTINGS, {**form_data(school), "remove_logo": "on"})
    school.refresh_from_db()
    assert not school.logo
    assert not os.path.exists(path)


def test_term_dates_are_saved_and_used_for_this_term(client_for, head, school):
    client = client_for(head)
    data = form_data(
        school,
        **{
            "terms-0-name": "Autumn 2026",
            "terms-0-first_day": "2026-09-03",
            "terms-0-last_day": "2026-12-18",
            "terms-1-name": "Spring 2027",
            "terms-1-first_day": "2027-01-05",
            "terms-1-last_day": "2027-03-26",
        },
    )
    assert client.post(SETTINGS, data).status_code == 302
    assert list(SchoolTerm.objects.filter(school=school).values_list("name", flat=True)) == [
        "Autumn 2026",
        "Spring 2027",
    ]
    term = school.term_on(date(2026, 11, 2))
    assert (term.first_day, term.last_day, term.label) == (
        date(2026, 9, 3),
        date(2026, 12, 18),
        "Autumn 2026",
    )
    assert school.term_on(date(2026, 8, 10)).label == "Summer term 2026"
    assert "term dates" in AuditEntry.objects.get(action="settings").reason


@pytest.mark.parametrize(
    ("terms", "field", "message"),
    [
        (
            {
                "terms-0-name": "Autumn",
                "terms-0-first_day": "2026-12-18",
                "terms-0-last_day": "2026-09-01",
            },
            "last_day",
            "before the first day",
        ),
        (
            {
                "terms-0-name": " ",
                "terms-0-first_day": "2026-09-01",
                "terms-0-last_day": "2026-12-18",
            },
            "name",
            "Name the term",
        ),
        (
            {
                "terms-0-name": "Autumn",
                "terms-0-first_day": "1950-09-01",
                "terms-0-last_day": "2026-12-18",
            },
            "first_day",
            "this century",
        ),
        (
            {
                "terms-0-name": "Autumn",
                "terms-0-first_day": "2026-09-01",
                "terms-0-last_day": "not a date",
            },
            "last_day",
            "Enter a date",
        ),
        (
            {
                "terms-0-name": "A" * 41,
                "terms-0-first_day": "2026-09-01",
                "terms-0-last_day": "2026-12-18",
            },
            "name",
            "at most 40 characters",
        ),
        (
            {
                "terms-0-name": "Autumn",
                "terms-0-first_day": "2026-09-01",
                "terms-0-last_day": "2026-12-18",
                "terms-1-name": "Spring",
                "terms-1-first_day": "2026-12-01",
                "terms-1-last_day": "2027-03-26",
            },
            "first_day",
            "overlaps “Autumn”",
        ),
    ],
)
def test_bad_term_dates_are_explained_beside_the_field(
    client_for, head, school, terms, field, message
):
    response = client_for(head).post(SETTINGS, form_data(school, **terms))
    assert response.status_code == 400
    errors = [e for form in response.context["terms"].forms for e in form.errors.get(field, [])]
    assert any(message in error for error in errors), errors
    assert not SchoolTerm.objects.exists()


def test_html_in_a_term_name_is_shown_as_text(client_for, head, school):
    client = client_for(head)
    data = form_data(
        school,
        **{
            "terms-0-name": "<b>Autumn</b>",
            "terms-0-first_day": "2026-09-01",
            "terms-0-last_day": "2026-12-18",
        },
    )
    client.post(SETTINGS, data)
    body = client.get(SETTINGS).content.decode()
    assert "&lt;b&gt;Autumn&lt;/b&gt;" in body and "<b>Autumn</b>" not in body


def test_a_forged_post_cannot_change_another_school(client_for, head, school, other_school):
    client_for(head).post(
        SETTINGS,
        {
            **form_data(school, follow_up_days="40"),
            "school": other_school.pk,
            "pk": other_school.pk,
        },
    )
    other_school.refresh_from_db()
    school.refresh_from_db()
    assert other_school.follow_up_days == 14 and school.follow_up_days == 40


def test_the_settings_page_runs_a_fixed_number_of_queries(
    client_for, head, school, django_assert_max_num_queries
):
    client = client_for(head)
    with django_assert_max_num_queries(12):
        client.get(SETTINGS)
    for n in range(9):
        SchoolTerm.objects.create(
            school=school,
            name=f"Term {n}",
            first_day=date(2020 + n, 9, 1),
            last_day=date(2020 + n, 12, 18),
        )
    with django_assert_max_num_queries(12):
        assert client.get(SETTINGS).status_code == 200


def test_a_term_can_be_removed(client_for, head, school):
    term = SchoolTerm.objects.create(
        school=school, name="Autumn 2026", first_day=date(2026, 9, 3), last_day=date(2026, 12, 18)
    )
    client = client_for(head)
    assert "Remove this term" in client.get(SETTINGS).content.decode()
    data = form_data(
        school,
        **{
            "terms-TOTAL_FORMS": "4",
            "terms-INITIAL_FORMS": "1",
            "terms-0-id": str(term.pk),
            "terms-0-school": str(school.pk),
            "terms-0-name": "Autumn 2026",
            "terms-0-first_day": "2026-09-03",
            "terms-0-last_day": "2026-12-18",
            "terms-0-DELETE": "on",
        },
    )
    assert client.post(SETTINGS, data).status_code == 302
    assert not SchoolTerm.objects.exists()
    assert school.term_on(date(2026, 11, 2)).label == "Autumn term 2026"


def test_a_school_admin_gives_a_deputy_the_settings_right_on_the_staff_page(
    client, school, school_admin
):
    deputy = StaffFactory(school=school, role=Role.SENIOR_LEADER, is_moderator=True)
    client.force_login(school_admin)
    page = client.get(reverse("hub:staff_detail", args=[deputy.pk])).content.decode()
    assert 'name="manages_settings"' in page
    client.post(
        reverse("hub:staff_detail", args=[deputy.pk]),
        {"role": deputy.role, "is_moderator": "on", "manages_settings": "on"},
    )
    deputy.refresh_from_db()
    assert deputy.manages_settings and deputy.is_moderator and not deputy.is_school_admin
    client.force_login(deputy)
    assert client.get(SETTINGS).status_code == 200
