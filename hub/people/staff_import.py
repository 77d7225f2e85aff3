"""Check a whole staff CSV before anything is imported."""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from hub.models import Role, School, Staff

MAX_IMPORT_BYTES = 1_000_000
MAX_IMPORT_ROWS = 2_000
REQUIRED_COLUMNS = ("email", "full name", "role")

# What people type in the role column, beyond the exact labels.
ROLE_ALIASES = {
    "ta": Role.TEACHING_ASSISTANT,
    "hlta": Role.TEACHING_ASSISTANT,
    "teaching assistant": Role.TEACHING_ASSISTANT,
    "support": Role.SUPPORT,
    "office": Role.OFFICE,
    "admin": Role.OFFICE,
    "office staff": Role.OFFICE,
    "slt": Role.SENIOR_LEADER,
    "senior leader": Role.SENIOR_LEADER,
    "head": Role.HEADTEACHER,
    "head teacher": Role.HEADTEACHER,
}


@dataclass
class ImportRow:
    line: int
    email: str
    full_name: str
    role: str


@dataclass
class ImportCheck:
    rows: list[ImportRow] = field(default_factory=list)
    # (line number, message); line 0 means the file as a whole.
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def parse_role(value: str) -> str | None:
    key = " ".join(value.strip().lower().replace("_", " ").split())
    for role in Role:
        if key in (role.value.replace("_", " "), role.label.lower()):
            return role.value
    alias = ROLE_ALIASES.get(key)
    return alias.value if alias else None


def _read_text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            "The file is not UTF-8 text. In Excel choose “CSV UTF-8” when you save it."
        ) from None


def check_staff_csv(data: bytes, *, school: School) -> ImportCheck:
    result = ImportCheck()
    if len(data) > MAX_IMPORT_BYTES:
        result.errors.append((0, "The file is larger than 1 MB. Split it into smaller files."))
        return result
    try:
        text = _read_text(data)
    except ValidationError as error:
        result.errors.append((0, error.messages[0]))
        return result
    reader = csv.DictReader(io.StringIO(text))
    headers = {(name or "").strip().lower(): name for name in (reader.fieldnames or [])}
    missing = [column for column in REQUIRED_COLUMNS if column not in headers]
    if missing:
        result.errors.append(
            (
                0,
                "The first row must name the columns: email, full name, role. Missing: "
                + ", ".join(missing)
                + ".",
            )
        )
        return result
    seen: dict[str, int] = {}
    for line, raw in enumerate(reader, start=2):
        if line - 1 > MAX_IMPORT_ROWS:
            result.errors.append((0, f"The file has more than {MAX_IMPORT_ROWS} rows."))
            break
        row = {key: (raw.get(name) or "").strip() for key, name in headers.items()}
        if not any(row.values()):
            continue
        _check_row(result, line, row, seen)
    if not result.rows and not result.errors:
        result.errors.append((0, "The file has no staff rows under its header."))
    # Only this school's own accounts: the answer for an address with an account at
    # another school is the same as for a new one (hub.people.services.staff_invite).
    existing = set(
        Staff.objects.filter(
            school=school, email__in=[row.email for row in result.rows]
        ).values_list("email", flat=True)
    )
    for row in result.rows:
        if row.email in existing:
            result.errors.append((row.line, f"{row.email} already has a Staffroom account."))
    # By line, keeping each row's problems in the order of its columns.
    result.errors.sort(key=lambda error: error[0])
    return result


def _check_row(result: ImportCheck, line: int, row: dict, seen: dict[str, int]) -> None:
    email = row["email"].lower()
    name = row["full name"]
    errors_before = len(result.errors)
    try:
        validate_email(email)
    except ValidationError:
        result.errors.append((line, f"“{row['email'] or '(empty)'}” is not an email address."))
    if email in seen:
        result.errors.append((line, f"{email} is also on line {seen[email]}."))
    seen.setdefault(email, line)
    if not name:
        result.errors.append((line, "The full name is empty."))
    elif len(name) > 120:
        result.errors.append((line, "The full name is longer than 120 characters."))
    role = parse_role(row["role"])
    if role is None:
        choices = ", ".join(label.lower() for label in Role.labels)
        result.errors.append((line, f"“{row['role']}” is not a role. Use one of: {choices}."))
    if len(result.errors) == errors_before:
        result.rows.append(ImportRow(line, email, name, role))
