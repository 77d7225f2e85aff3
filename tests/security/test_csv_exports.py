"""Every CSV export neutralises formulas, including ones behind spaces or tabs
(issue 14, item 8).

Two exports make CSV today: the participation dashboard's and an edition's
spreadsheet. Both are filled with hostile text in every field a person can type
that reaches a cell; every cell must read as text. A scan of the code makes sure
no module writes CSV except through hub.lib.spreadsheet, so a new export is safe
by construction.
"""

import ast
import csv
import io
from pathlib import Path

import pytest
from django.urls import reverse

from hub.lib.spreadsheet import FORMULA_STARTS
from hub.models import Status
from tests.factories import StaffFactory
from tests.hub.leaders.factories import NoteFactory
from tests.ideas.scrapbook.factories import ArticleFactory, edition_with

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = [
    "=HYPERLINK(1)",
    " =1+1",
    "\t=cmd|' /C calc'!A0",
    "  +SUM(1)",
    "\u00a0-2+3",
    "\t@SUM(A1)",
    "＝1+1",
]
SKIPPED = "".join(chr(n) for n in range(33)) + "\u00a0\u3000"


def _inert(cell: str) -> bool:
    return cell.startswith("'") or (cell == cell.lstrip(SKIPPED) and cell[:1] not in FORMULA_STARTS)


def _hostile_cells(rows: list[list[str]]) -> list[str]:
    return [cell for row in rows for cell in row if not _inert(cell)]


@pytest.mark.parametrize("payload", HOSTILE)
def test_the_participation_csv_keeps_every_cell_text(client_for, moderator, school, payload):
    person = StaffFactory(school=school, full_name=payload, display_name=payload)
    NoteFactory(author=person, status=Status.PUBLISHED)

    response = client_for(moderator).get(reverse("hub:dashboard_csv"))

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert any("'" + payload in row for row in rows)
    assert _hostile_cells(rows) == []


@pytest.mark.parametrize("payload", HOSTILE)
def test_the_edition_csv_keeps_every_cell_text(school_admin, school, tmp_path, payload):
    from ideas.scrapbook.export.csv import write_edition_csv

    author = StaffFactory(school=school, full_name=payload)
    helper = StaffFactory(school=school, full_name=payload)
    article = ArticleFactory(
        author=author,
        status=Status.PUBLISHED,
        title=payload,
        year_group=payload,
        subject_or_area=payload,
    )
    article.co_authors.add(helper)
    article.tags.add(payload)
    target = tmp_path / "edition.csv"

    write_edition_csv(edition_with([article], created_by=school_admin), target)

    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    # Title, author, co-author, year group, subject: five typed cells, all made text.
    assert sum(cell.startswith("'") for cell in rows[1]) >= 5
    assert _hostile_cells(rows) == []


def _csv_writers(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    return [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr in {"writer", "DictWriter"}
        and isinstance(node.value, ast.Name)
        and node.value.id == "csv"
    ]


def test_no_code_writes_csv_except_through_the_safe_writer():
    files = [
        path
        for app in ("hub", "ideas", "events")
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts and path != ROOT / "hub" / "lib" / "spreadsheet.py"
    ]
    assert [hit for path in files for hit in _csv_writers(path)] == []
