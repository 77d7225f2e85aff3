"""A person's record for appraisal: a one-or-two page A4 PDF (WeasyPrint) and a CSV.

Both hold the person's name, role, focuses and every entry of the period, with
their own reflections (private ones too: the file is theirs alone).
"""

import io
from typing import BinaryIO

from django.template.loader import render_to_string
from weasyprint import HTML, URLFetcher

from hub.learning.selectors import by_term, focuses_of, learning_record
from hub.lib import spreadsheet
from hub.models.learning import school_year_of

# An appraisal wants one or two pages: this many entries, reflections cut short, fit.
PDF_ENTRIES = 30
CSV_HEADER = ["Date", "Term", "What", "Title", "Reflection", "Private", "Tags", "Link"]


def _record(export) -> dict:
    person = export.staff
    entries = learning_record(person, export.start, export.end)
    years = range(school_year_of(export.start), school_year_of(export.end) + 1)
    focuses = [focus for year in years for focus in focuses_of(person, year)]
    return {"person": person, "export": export, "entries": entries, "focuses": focuses}


class _Refuse(URLFetcher):
    """The record needs nothing from outside itself: WeasyPrint may fetch nothing."""

    def fetch(self, url, headers=None):
        raise ValueError(f"Refused to fetch {url[:60]}")


def learning_html(export) -> str:
    """The newest PDF_ENTRIES entries, so the PDF stays within two pages; the CSV has all."""
    record = _record(export)
    zone = record["person"].school.zone
    shown = record["entries"][:PDF_ENTRIES]
    context = {
        **record,
        "terms": by_term(shown, zone),
        "left_out": len(record["entries"]) - len(shown),
    }
    return render_to_string("hub/learning/print.html", context)


def write_learning_pdf(export, output: BinaryIO) -> int:
    """Render to `output`; returns the number of pages."""
    document = HTML(string=learning_html(export), url_fetcher=_Refuse()).render()
    document.write_pdf(target=output)
    return len(document.pages)


def write_learning_csv(export, output: BinaryIO) -> None:
    record = _record(export)
    person, zone = record["person"], record["person"].school.zone
    text = io.StringIO()
    rows = spreadsheet.writer(text)
    rows.writerow(["Name", person.full_name])
    rows.writerow(["Role", person.job_title or person.get_role_display()])
    rows.writerow(["School", person.school.name])
    rows.writerow(["Period", f"{export.start:%Y-%m-%d} to {export.end:%Y-%m-%d}"])
    for focus in record["focuses"]:
        tags = ", ".join(tag.name for tag in focus.tags.all())
        rows.writerow(["Focus", focus.text, tags])
    rows.writerow([])
    rows.writerow(CSV_HEADER)
    for group in by_term(record["entries"], zone):
        for entry in group.entries:
            rows.writerow(
                [
                    entry.when.astimezone(zone).date().isoformat(),
                    group.term.label,
                    entry.verb,
                    entry.title,
                    entry.reflection,
                    "yes" if entry.is_private else "no",
                    ", ".join(entry.tags),
                    entry.url,
                ]
            )
    # spreadsheet.writer began it with the byte-order mark Excel needs for UTF-8.
    output.write(text.getvalue().encode())
