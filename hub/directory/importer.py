"""Reading England's register of schools (the GIAS "edubasealldata" CSV) into
RegisteredSchool, a batch at a time.

The real file has ~50,000 rows and ~140 columns, in Windows-1252: it is read as a
stream of lines (never the whole file in memory), each batch written with one
upsert keyed on the URN, so running it twice leaves the same rows.
"""

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from hub.models import Phase, RegisteredSchool

BATCH_SIZE = 1000
ENCODING = "cp1252"

# The register's columns we read; every other column is passed over.
URN = "URN"
NAME = "EstablishmentName"
PHASE = "PhaseOfEducation (name)"
TYPE = "TypeOfEstablishment (name)"
LA = "LA (name)"
REGION = "GOR (name)"
PUPILS = "NumberOfPupils"
FSM = "PercentageFSM"
URBAN_RURAL = "UrbanRural (name)"
TRUST = "Trusts (name)"
STATUS = "EstablishmentStatus (name)"
REQUIRED_COLUMNS = (URN, NAME, PHASE, TYPE, LA, REGION, PUPILS, FSM, STATUS)

PHASES = {
    "nursery": Phase.NURSERY,
    "primary": Phase.PRIMARY,
    "middle deemed primary": Phase.PRIMARY,
    "secondary": Phase.SECONDARY,
    "middle deemed secondary": Phase.SECONDARY,
    "all-through": Phase.ALL_THROUGH,
    "16 plus": Phase.FE,
}
# "Open, but proposed to close" is still open.
OPEN_STATUSES = {"open", "open, but proposed to close"}
UPDATED_FIELDS = [
    "name",
    "phase",
    "phase_name",
    "type_name",
    "local_authority",
    "region",
    "number_of_pupils",
    "percentage_fsm",
    "urban_rural",
    "trust",
    "status",
    "is_open",
    "imported_at",
]


class MissingColumns(ValueError):
    pass


@dataclass
class ImportReport:
    read: int = 0
    added: int = 0
    updated: int = 0
    # (line number in the file, what was wrong)
    skipped: list[tuple[int, str]] = field(default_factory=list)


def _text(row: dict, column: str, limit: int) -> str:
    return (row.get(column) or "").strip()[:limit]


def _whole_number(value: str) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    number = int(value)
    if number < 0:
        raise ValueError("a negative number")
    return number


def _percentage(value: str) -> Decimal | None:
    value = (value or "").strip().rstrip("%")
    if not value or value.upper() in {"SUPP", "NE", "NA", "X"}:
        return None
    percentage = Decimal(value).quantize(Decimal("0.1"))
    if not 0 <= percentage <= 100:
        raise ValueError("a percentage outside 0 to 100")
    return percentage


def our_phase(phase_name: str, type_name: str) -> str:
    if "special" in type_name.lower():
        return Phase.SPECIAL
    return PHASES.get(phase_name.strip().lower(), "")


def school_from_row(row: dict) -> RegisteredSchool:
    """A RegisteredSchool from one CSV row; ValueError says what is wrong with it."""
    urn = _text(row, URN, 20)
    if not urn.isdigit() or len(urn) > 10:
        raise ValueError(f"the URN “{urn}” is not a number of up to 10 digits")
    name = _text(row, NAME, 150)
    if not name:
        raise ValueError("the school has no name")
    try:
        pupils = _whole_number(row.get(PUPILS, ""))
    except ValueError:
        raise ValueError(f"the number of pupils “{row.get(PUPILS)}” is not a number") from None
    try:
        fsm = _percentage(row.get(FSM, ""))
    except (InvalidOperation, ValueError):
        raise ValueError(f"the FSM percentage “{row.get(FSM)}” is not a percentage") from None
    phase_name, type_name = _text(row, PHASE, 60), _text(row, TYPE, 100)
    status = _text(row, STATUS, 60)
    return RegisteredSchool(
        urn=urn,
        name=name,
        phase=our_phase(phase_name, type_name),
        phase_name=phase_name,
        type_name=type_name,
        local_authority=_text(row, LA, 100),
        region=_text(row, REGION, 60),
        number_of_pupils=pupils,
        percentage_fsm=fsm,
        urban_rural=_text(row, URBAN_RURAL, 100),
        trust=_text(row, TRUST, 150),
        status=status,
        is_open=status.lower() in OPEN_STATUSES,
    )


def _write(batch: dict[str, RegisteredSchool], report: ImportReport) -> None:
    known = set(RegisteredSchool.objects.filter(urn__in=batch.keys()).values_list("urn", flat=True))
    RegisteredSchool.objects.bulk_create(
        batch.values(),
        update_conflicts=True,
        unique_fields=["urn"],
        update_fields=UPDATED_FIELDS,
    )
    report.updated += len(known)
    report.added += len(batch) - len(known)


def import_register(lines: Iterable[str], *, batch_size: int = BATCH_SIZE) -> ImportReport:
    """Upsert every row of the register read from `lines` (an open file, or any
    iterable of lines), `batch_size` rows per write; rows that cannot be read are
    skipped and reported with their line number."""
    reader = csv.DictReader(lines)
    columns = [name.lstrip("\ufeff") for name in reader.fieldnames or []]
    reader.fieldnames = columns
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise MissingColumns("The file has no column " + ", ".join(f"“{m}”" for m in missing))
    report = ImportReport()
    batch: dict[str, RegisteredSchool] = {}
    for row in reader:
        report.read += 1
        try:
            school = school_from_row(row)
        except ValueError as problem:
            report.skipped.append((reader.line_num, str(problem)))
            continue
        # The same URN twice in one batch would make one upsert touch a row twice.
        batch[school.urn] = school
        if len(batch) >= batch_size:
            _write(batch, report)
            batch = {}
    if batch:
        _write(batch, report)
    return report
