from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hub.models import Invitation, Role, Staff

URL = reverse("hub:import_staff")
HEADER = "email,full name,role\n"
GOOD = HEADER + "ann@oakfield.example,Ann Able,teacher\nbo@oakfield.example,Bo Bee,TA\n"


def upload(client, text: str | bytes, name: str = "staff.csv"):
    data = text.encode() if isinstance(text, str) else text
    return client.post(URL, {"file": SimpleUploadedFile(name, data, "text/csv")})


def test_a_good_file_imports_everyone_and_invites_them(client_for, school_admin, sends):
    with sends():
        response = upload(client_for(school_admin), GOOD)
    assert response.status_code == 302
    imported = Staff.objects.filter(email__in=["ann@oakfield.example", "bo@oakfield.example"])
    assert {(s.full_name, s.role, s.school_id) for s in imported} == {
        ("Ann Able", Role.TEACHER, school_admin.school_id),
        ("Bo Bee", Role.TEACHING_ASSISTANT, school_admin.school_id),
    }
    assert sorted(m.to[0] for m in mail.outbox) == ["ann@oakfield.example", "bo@oakfield.example"]
    assert Invitation.objects.count() == 2
    page = client_for(school_admin).get(response.url)
    assert "Imported 2 staff and sent their invitations." in page.content.decode()


def test_one_bad_row_imports_nothing_and_lists_the_row_errors(client_for, school_admin, sends):
    text = GOOD + "not-an-email,Cy Sea,teacher\n"
    with sends():
        response = upload(client_for(school_admin), text)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing was imported: 1 problem to fix" in page
    assert "Row 4: “not-an-email” is not an email address." in page
    assert Staff.objects.count() == 1
    assert mail.outbox == []


def test_duplicates_and_existing_accounts_are_reported(client_for, school_admin, staff):
    text = (
        HEADER
        + "ann@oakfield.example,Ann Able,teacher\n"
        + "ANN@oakfield.example,Ann Again,teacher\n"
        + f"{staff.email},Alice Again,teacher\n"
    )
    page = upload(client_for(school_admin), text).content.decode()
    assert "Row 3: ann@oakfield.example is also on line 2." in page
    assert f"Row 4: {staff.email} already has a Staffroom account." in page
    assert Staff.objects.count() == 2


def test_it_explains_a_file_that_is_not_utf8(client_for, school_admin):
    data = (HEADER + "zoe@oakfield.example,Zoë Ünal,teacher\n").encode("cp1252")
    page = upload(client_for(school_admin), data).content.decode()
    assert "not UTF-8" in page
    assert Staff.objects.count() == 1


def test_it_names_missing_columns(client_for, school_admin):
    page = upload(client_for(school_admin), "email,name\na@b.example,Ann\n").content.decode()
    assert "Missing: full name, role." in page


def test_it_refuses_a_file_over_1_mb_next_to_the_field(client_for, school_admin):
    response = upload(client_for(school_admin), HEADER + "x" * 1_000_001)
    assert response.context["form"].errors["file"] == ["The file is larger than 1 MB."]


def test_it_asks_for_a_csv_file(client_for, school_admin):
    response = upload(client_for(school_admin), GOOD, name="staff.xlsx")
    assert "Choose a .csv file" in response.context["form"].errors["file"][0]


def test_html_in_a_row_is_shown_as_text(client_for, school_admin):
    page = upload(
        client_for(school_admin), HEADER + "<b>x</b>,<script>alert(1)</script>,teacher\n"
    ).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page


def test_it_is_for_school_admins_only(client_for, staff):
    assert upload(client_for(staff), GOOD).status_code == 403
    assert Staff.objects.count() == 1
