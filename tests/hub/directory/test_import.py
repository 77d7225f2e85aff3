"""import_schools_register: the real file's format, streamed, idempotent, bad rows reported."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from hub.directory.importer import import_register
from hub.models import RegisteredSchool
from tests.hub.directory.gias_sample import (
    lines_of,
    random_rows,
    register_row,
    write_register,
)

pytestmark = pytest.mark.django_db


def run(path) -> str:
    out = StringIO()
    call_command("import_schools_register", str(path), stdout=out)
    return out.getvalue()


def test_it_reads_the_registers_columns_encoding_and_blank_numbers(tmp_path):
    path = tmp_path / "edubasealldata20261201.csv"
    write_register(
        path,
        [
            register_row(
                100001,
                EstablishmentName="St Mary’s C of E Primary — Ashby",
                NumberOfPupils="",
                PercentageFSM="",
                **{"Trusts (name)": "Northshire Learning Trust"},
            ),
            register_row(
                100002,
                **{
                    "PhaseOfEducation (name)": "Not applicable",
                    "TypeOfEstablishment (name)": "Community special school",
                    "EstablishmentStatus (name)": "Closed",
                },
            ),
        ],
    )
    assert "Read 2 rows: 2 schools added, 0 updated, 0 skipped." in run(path)
    mary = RegisteredSchool.objects.get(urn="100001")
    assert mary.name == "St Mary’s C of E Primary — Ashby"
    assert (mary.phase, mary.region, mary.local_authority) == ("primary", "North East", "Durham")
    assert mary.number_of_pupils is None and mary.percentage_fsm is None
    assert mary.trust == "Northshire Learning Trust" and mary.is_open
    special = RegisteredSchool.objects.get(urn="100002")
    assert special.phase == "special" and not special.is_open


def test_running_it_twice_leaves_the_same_rows(tmp_path):
    path = tmp_path / "register.csv"
    write_register(path, random_rows(120))
    run(path)
    first = list(RegisteredSchool.objects.order_by("urn").values_list())
    assert "0 schools added, 120 updated" in run(path)
    again = list(RegisteredSchool.objects.order_by("urn").values_list())
    without_times = [row[:-1] for row in first], [row[:-1] for row in again]
    assert without_times[0] == without_times[1] and len(first) == 120


def test_a_newer_file_updates_a_school_by_its_urn(tmp_path):
    path = tmp_path / "register.csv"
    write_register(path, [register_row(100001, NumberOfPupils="200")])
    run(path)
    write_register(path, [register_row(100001, NumberOfPupils="230", PercentageFSM="21.4")])
    assert "0 schools added, 1 updated" in run(path)
    school = RegisteredSchool.objects.get(urn="100001")
    assert (school.number_of_pupils, school.percentage_fsm) == (230, Decimal("21.4"))


def test_bad_rows_are_skipped_and_reported_with_their_line(tmp_path):
    path = tmp_path / "register.csv"
    write_register(
        path,
        [
            register_row(100001),
            register_row(100002, URN="ABC"),
            register_row(100003, NumberOfPupils="lots"),
            register_row(100004, PercentageFSM="140"),
            register_row(100005, EstablishmentName="  "),
        ],
    )
    out = run(path)
    assert "Read 5 rows: 1 schools added, 0 updated, 4 skipped." in out
    assert "Line 3 skipped: the URN “ABC” is not a number of up to 10 digits." in out
    assert "Line 4 skipped: the number of pupils “lots” is not a number." in out
    assert "Line 5 skipped: the FSM percentage “140” is not a percentage." in out
    assert "Line 6 skipped: the school has no name." in out
    assert list(RegisteredSchool.objects.values_list("urn", flat=True)) == ["100001"]


def test_a_file_that_is_not_the_register_is_refused(tmp_path):
    path = tmp_path / "staff.csv"
    path.write_text("name,email\nAlice,alice@school.example\n")
    with pytest.raises(CommandError, match="no column “URN”"):
        run(path)
    with pytest.raises(CommandError, match="No file"):
        run(tmp_path / "missing.csv")


def test_it_streams_writing_each_batch_before_reading_the_rest():
    """The rows come from a generator that checks, as it makes each row, that every
    full batch before it is already in the database: so the command never needs the
    whole file in memory (the file object it is given is read the same way)."""
    batch_size = 50
    seen_in_database = []

    def rows():
        for number, row in enumerate(random_rows(260)):
            if number and number % batch_size == 0:
                seen_in_database.append(RegisteredSchool.objects.count())
            yield row

    report = import_register(lines_of(rows()), batch_size=batch_size)
    assert report.read == 260
    assert seen_in_database == [50, 100, 150, 200, 250]
    assert RegisteredSchool.objects.count() == 260
