"""The file check behind the CSV import: every row is read before anything is saved."""

import pytest

from hub.models import Role
from hub.people.staff_import import MAX_IMPORT_BYTES, check_staff_csv, parse_role
from tests.factories import StaffFactory

HEADER = "email,full name,role\n"


def check(text: str, encoding: str = "utf-8", school=None):
    return check_staff_csv(text.encode(encoding), school=school)


@pytest.mark.parametrize(
    ("typed", "role"),
    [
        ("teacher", Role.TEACHER),
        ("Teaching Assistant", Role.TEACHING_ASSISTANT),
        ("teaching_assistant", Role.TEACHING_ASSISTANT),
        ("TA", Role.TEACHING_ASSISTANT),
        ("HLTA", Role.TEACHING_ASSISTANT),
        ("  Support   staff ", Role.SUPPORT),
        ("Office or admin staff", Role.OFFICE),
        ("admin", Role.OFFICE),
        ("SLT", Role.SENIOR_LEADER),
        ("Head teacher", Role.HEADTEACHER),
        ("headteacher", Role.HEADTEACHER),
    ],
)
def test_it_reads_the_roles_people_type(typed, role):
    assert parse_role(typed) == role


@pytest.mark.parametrize("typed", ["", "caretaker", "teachers"])
def test_it_does_not_guess_other_roles(typed):
    assert parse_role(typed) is None


def test_a_good_file_gives_one_row_per_line(db):
    result = check(HEADER + "A@School.example,Ann Able,teacher\nb@school.example,Bo Bee,TA\n")
    assert result.ok
    assert [(r.line, r.email, r.full_name, r.role) for r in result.rows] == [
        (2, "a@school.example", "Ann Able", "teacher"),
        (3, "b@school.example", "Bo Bee", "teaching_assistant"),
    ]


def test_it_accepts_excels_byte_order_mark_extra_columns_and_header_case(db):
    text = "\ufeffEmail,Full Name,Role,Notes\na@school.example,Ann Able,teacher,x\n"
    assert check(text).ok


def test_it_skips_blank_lines(db):
    assert check(HEADER + "a@school.example,Ann Able,teacher\n,,\n\n").ok


def test_it_lists_every_bad_row_with_its_line(db):
    result = check(
        HEADER
        + "a@school.example,Ann Able,teacher\n"
        + "not-an-email,Bo Bee,teacher\n"
        + "c@school.example,,caretaker\n"
    )
    assert not result.ok
    assert result.errors == [
        (3, "“not-an-email” is not an email address."),
        (4, "The full name is empty."),
        (
            4,
            "“caretaker” is not a role. Use one of: teacher, teaching assistant, "
            "support staff, office or admin staff, senior leader, headteacher.",
        ),
    ]


def test_it_reports_duplicates_within_the_file(db):
    result = check(HEADER + "a@school.example,Ann,teacher\nA@school.example,Ann Again,teacher\n")
    assert result.errors == [(3, "a@school.example is also on line 2.")]


def test_it_reports_emails_that_already_have_accounts(db):
    taken = StaffFactory(email="taken@school.example")
    result = check(HEADER + "Taken@school.example,Tim Taken,teacher\n", school=taken.school)
    assert result.errors == [(2, "taken@school.example already has a Staffroom account.")]


def test_an_account_at_another_school_reads_like_a_new_address(db, school):
    StaffFactory(email="elsewhere@school.example")
    result = check(HEADER + "elsewhere@school.example,Eve Elsewhere,teacher\n", school=school)
    assert result.ok
    assert result.errors == []


def test_it_refuses_an_over_long_name(db):
    result = check(HEADER + f"a@school.example,{'x' * 121},teacher\n")
    assert result.errors == [(2, "The full name is longer than 120 characters.")]


def test_it_explains_a_file_that_is_not_utf8(db):
    result = check(HEADER + "a@school.example,Zoë Ünal,teacher\n", encoding="cp1252")
    assert not result.ok
    assert "not UTF-8" in result.errors[0][1]
    assert result.errors[0][0] == 0


def test_it_names_the_missing_columns(db):
    result = check("email,name\na@school.example,Ann\n")
    assert result.errors == [
        (
            0,
            "The first row must name the columns: email, full name, role. "
            "Missing: full name, role.",
        )
    ]


def test_an_empty_file_or_header_only_is_an_error(db):
    assert "Missing" in check("").errors[0][1]
    assert check(HEADER).errors == [(0, "The file has no staff rows under its header.")]


def test_it_refuses_a_file_over_1_mb(db):
    data = (HEADER + "a@school.example,Ann,teacher\n" * 40_000).encode()
    assert len(data) > MAX_IMPORT_BYTES
    assert "larger than 1 MB" in check_staff_csv(data, school=None).errors[0][1]


def test_it_refuses_too_many_rows(db):
    rows = "".join(f"p{n}@school.example,P {n},teacher\n" for n in range(2001))
    result = check(HEADER + rows)
    assert (0, "The file has more than 2000 rows.") in result.errors
