"""Reads for the staffroom screen and sheet: what every member of staff may see."""

from dataclasses import dataclass
from datetime import datetime
from functools import cache

import segno
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone

from hub.fragments import Fragment, school_fragment
from hub.models import DisplayLink, School, hash_display_token
from hub.registry import display_sections

# No staff row has this id, so "their own work" is nothing (the scoping rule lets an
# author see their own drafts; the screen must not be anybody).
NO_ONE = 0
SCREEN_CACHE_SECONDS = 120


@dataclass(frozen=True)
class EveryStaffMember:
    """How the one scoping rule (`visible_to`) sees a staffroom screen: a plain member
    of staff at `school`, not a moderator, with nothing of their own. What it may
    see is what everybody at the school may see."""

    school: School
    pk: int = NO_ONE
    is_moderator: bool = False
    is_school_admin: bool = False
    is_authenticated: bool = True

    @property
    def school_id(self) -> int:
        return self.school.pk


def active_link(token: str) -> DisplayLink | None:
    """The unrevoked link whose token this is, with its school; one query."""
    if not token or len(token) > 200:
        return None
    return (
        DisplayLink.objects.active()
        .select_related("school")
        .filter(token_hash=hash_display_token(token))
        .first()
    )


def links_of(school: School) -> QuerySet[DisplayLink]:
    return DisplayLink.objects.filter(school=school).select_related("created_by", "revoked_by")


def sections_for(school: School, now: datetime) -> list[dict]:
    """Every registered section with its context, as `section` in the templates."""
    viewer = EveryStaffMember(school)
    sections = []
    for section in display_sections():
        context = section.get_context(viewer, now)
        if context is not None:
            sections.append(
                {
                    "name": section.name,
                    "title": section.title,
                    "template_name": section.template_name,
                    **context,
                }
            )
    return sections


def screen_content_html(school: School) -> str:
    """The rotating panels of a school's screen: a school fragment (hub.fragments),
    rendered once per change of the school's content and at most once a minute (a
    new minute may open Thursday's question or start a lunch), shared by all of
    its screens."""
    now = timezone.now()

    def build() -> Fragment:
        with timezone.override(school.zone):
            return Fragment(
                render_to_string(
                    "hub/display/_screen_content.html",
                    {"sections": sections_for(school, now), "rendered_at": now},
                )
            )

    minute = now.strftime("%Y%m%d%H%M")
    return school_fragment(
        school, "screen", build, parts=[minute], seconds=SCREEN_CACHE_SECONDS
    ).html


@cache
def qr_code_svg(url: str) -> str:
    """An inline SVG QR code for `url` (the same for every school: kept per process)."""
    return segno.make(url, error="m").svg_inline(
        scale=1, omitsize=True, dark="#10243e", light="#ffffff", border=2
    )
