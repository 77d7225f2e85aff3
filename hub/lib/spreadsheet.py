"""CSV files that open safely in a spreadsheet (no formula injection).

Excel, LibreOffice and Google Sheets run a cell that starts with = + - @ as a
formula, and they skip spaces, tabs and line breaks before it: " =HYPERLINK(...)"
is a formula too. Every CSV Staffroom makes is written through `writer()`, which
neutralises every text cell, so no export can forget one. (defusedcsv, the
package for this, checks only the very first character.)
"""

import csv
from collections.abc import Iterable
from typing import Any

# Written first, it tells Excel the file is UTF-8: without it Excel on Windows reads
# "Siobhán" and "—" in the PC's code page, as "SiobhÃ¡n" and "â€”".
UTF8_BOM = "\ufeff"

# The characters a formula starts with, and their full-width forms, which some
# spreadsheets accept too.
FORMULA_STARTS = frozenset("=+-@＝＋－＠")


def _skipped(character: str) -> bool:
    """What a spreadsheet skips before a formula: whitespace and control characters."""
    return character.isspace() or ord(character) < 32


def safe_cell(value: Any) -> Any:
    """Text that a spreadsheet would read as a formula, prefixed with ' to stay text.

    Numbers stay numbers; a text cell starting with whitespace or a control
    character is prefixed too, whatever follows, so nothing hides behind it.
    """
    if not isinstance(value, str) or not value:
        return value
    if value[0] in FORMULA_STARTS or _skipped(value[0]):
        return "'" + value
    return value


class _SafeWriter:
    def __init__(self, writer) -> None:
        self._writer = writer

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(target, **options) -> _SafeWriter:
    """`csv.writer(target)` whose every text cell goes through `safe_cell`.

    Every CSV a person downloads starts with the UTF-8 byte order mark (written here),
    so spreadsheets read its names correctly; `target` takes text (a file opened
    with encoding="utf-8", an HttpResponse).
    """
    target.write(UTF8_BOM)
    return _SafeWriter(csv.writer(target, **options))
