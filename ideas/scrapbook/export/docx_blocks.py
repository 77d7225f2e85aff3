"""Word building blocks for an edition: the scrapbook's Markdown as real Word paragraphs
and lists, A4 pages, a running header and page numbers (python-docx).

Both exports read the sanitised HTML stored with each article when it was saved
(render_markdown), so they show the same subset: paragraphs, bold, italics, links, line breaks
and bulleted or numbered lists (nested up to three levels).
"""

import re
from html.parser import HTMLParser

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

A4_WIDTH, A4_HEIGHT = Mm(210), Mm(297)
MAX_LIST_DEPTH = 3
_SPACE = re.compile(r"\s+")


def set_up_a4(document, *, school: str, edition: str) -> None:
    """A4 portrait with the PDF's margins; every page but the cover carries a running
    header (school, edition) and "Page N" in its footer."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = A4_WIDTH, A4_HEIGHT
    section.top_margin, section.bottom_margin = Mm(22), Mm(20)
    section.left_margin = section.right_margin = Mm(18)
    section.header_distance = section.footer_distance = Mm(10)
    section.different_first_page_header_footer = True  # the cover stays clean

    header = section.header.paragraphs[0]
    width = section.page_width - section.left_margin - section.right_margin
    stops = header.paragraph_format.tab_stops
    # The template's Header style has US Letter stops (centre 3.25", right 6.5"): cleared,
    # or the edition's name would stop in the middle of the line.
    for position in header.style.paragraph_format.tab_stops:
        stops.add_tab_stop(position.position, WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    _small_grey(header.add_run(f"{school}\t{edition}"))

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _small_grey(footer.add_run("Page "))
    _add_field(footer, "PAGE", _small_grey)


def _small_grey(run):
    run.font.size = Pt(8.5)
    run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    return run


def _add_field(paragraph, instruction: str, style) -> None:
    """A Word field (PAGE) that Word and LibreOffice fill in on every page: begin,
    instruction, separator, placeholder value and end, each its own run as Word writes
    them, so the number takes the same small grey type as the text around it."""
    for kind, value in (
        ("begin", None),
        ("instr", instruction),
        ("separate", None),
        ("text", "1"),
        ("end", None),
    ):
        run = style(paragraph.add_run())
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {value} "
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = value
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def add_html(document, html: str) -> None:
    """Append a section's sanitised HTML (rendered from its Markdown when it was saved)
    as Word paragraphs, bulleted and numbered lists."""
    _MarkdownToWord(document).feed(str(html))


class _MarkdownToWord(HTMLParser):
    """Walks the sanitised HTML (p, ul, ol, li, strong/b, em/i, a, br) into Word."""

    def __init__(self, document) -> None:
        super().__init__(convert_charrefs=True)
        self.document = document
        self.lists: list[tuple[str, int | None]] = []  # ("ul" | "ol", restarted numId)
        self.paragraph = None
        self.bold = self.italic = 0
        self.link: str | None = None
        self.link_text = ""

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("ul", "ol"):
            self.paragraph = None
            top_level_ol = tag == "ol" and not self.lists
            restart = _restarted_numbering(self.document) if top_level_ol else None
            self.lists.append((tag, restart))
        elif tag == "li":
            self.paragraph = self._list_paragraph()
        elif tag == "p":
            # A loose list wraps its items' text in <p>: it stays in the item.
            if not (self.lists and self.paragraph is not None and not self.paragraph.text):
                self.paragraph = self.document.add_paragraph()
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag == "a":
            self.link, self.link_text = dict(attrs).get("href") or "", ""
        elif tag == "br" and self.paragraph is not None:
            self.paragraph.add_run().add_break()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
            self.paragraph = None
        elif tag in ("li", "p"):
            self.paragraph = None
        elif tag in ("strong", "b"):
            self.bold = max(0, self.bold - 1)
        elif tag in ("em", "i"):
            self.italic = max(0, self.italic - 1)
        elif tag == "a":
            href, self.link = self.link, None
            if href and href.rstrip("/") != self.link_text.strip().rstrip("/"):
                self._run(f" ({href.removeprefix('mailto:')})")

    def handle_data(self, data: str) -> None:
        text = _SPACE.sub(" ", data)
        if self.paragraph is None:
            if not text.strip():
                return
            self.paragraph = self.document.add_paragraph()
        if not self.paragraph.text:
            text = text.lstrip()
        if self.link is not None:
            self.link_text += text
        run = self._run(text)
        if self.link is not None:
            run.underline = True

    def _run(self, text: str):
        run = self.paragraph.add_run(text)
        run.bold = bool(self.bold) or None
        run.italic = bool(self.italic) or None
        return run

    def _list_paragraph(self):
        depth = min(len(self.lists), MAX_LIST_DEPTH) or 1
        kind, num_id = self.lists[-1] if self.lists else ("ul", None)
        style = ("List Number" if kind == "ol" else "List Bullet") + (
            f" {depth}" if depth > 1 else ""
        )
        paragraph = self.document.add_paragraph(style=style)
        if num_id is not None and depth == 1:
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = num_id
        return paragraph


def _restarted_numbering(document) -> int | None:
    """A numbering instance of "List Number" that starts again at 1: without it every
    numbered list in the edition would carry on from the one before."""
    style = document.styles["List Number"].element
    if style.pPr is None or style.pPr.numPr is None:
        return None
    numbering = document.part.numbering_part.numbering_definitions._numbering
    abstract_id = numbering.num_having_numId(style.pPr.numPr.numId.val).abstractNumId.val
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return num.numId
