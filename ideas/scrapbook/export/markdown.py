"""The scrapbook's Markdown subset: bold, italics, lists and links, sanitised by nh3."""

import html
import re

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "strong", "em", "b", "i", "ul", "ol", "li", "a", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}
_WORD = re.compile(r"[\w'’-]+")
_MARKUP = re.compile(r"\]\([^)]*\)|[*_#>`\[\]]")


def render_markdown(text: str) -> SafeString:
    """HTML for the subset; anything else (raw HTML, images, scripts) is stripped or escaped."""
    html = markdown.markdown(text or "", extensions=["sane_lists"], output_format="html")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(clean)  # noqa: S308 — sanitised by nh3 just above.


def count_words(text: str) -> int:
    """Words as a reader counts them: link targets and Markdown marks do not count."""
    return len(_WORD.findall(_MARKUP.sub(" ", text or "")))


def text_of_html(rendered: str) -> str:
    """The text of HTML this module rendered (an article's stored section), without tags."""
    return html.unescape(nh3.clean(rendered, tags=set())).strip()
