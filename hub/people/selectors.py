"""Selectors for a staff member's profile: what they shared, what was celebrated.

Queries are per registered kind (at most three each), never per item.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from hub.registry import contribution_kinds, profile_celebrations, profile_sections

RECENT_PER_KIND = 5
CELEBRATIONS_SHOWN = 10


@dataclass
class KindSummary:
    label: str
    label_plural: str
    total: int
    recent: list = field(default_factory=list)


@dataclass
class ProfileContent:
    kinds: list[KindSummary]
    celebrations: list[dict]
    sections: list[dict]

    @property
    def total(self) -> int:
        return sum(kind.total for kind in self.kinds)


def profile_content(*, member, viewer) -> ProfileContent:
    """Everything of `member`'s that `viewer` may see, shared and celebrated."""
    kinds, celebrations = [], []
    for kind in contribution_kinds():
        shared = kind.model.objects.visible_to(viewer).published().filter(author_id=member.pk)
        totals = shared.aggregate(
            total=Count("pk"), celebrated=Count("pk", filter=Q(celebrated_at__isnull=False))
        )
        if not totals["total"]:
            continue
        recent = list(
            shared.select_related(*kind.model.moderation_related).order_by("-created_at", "-pk")[
                :RECENT_PER_KIND
            ]
        )
        kinds.append(KindSummary(kind.label, kind.label_plural, totals["total"], recent))
        if totals["celebrated"]:
            celebrated = shared.filter(celebrated_at__isnull=False).order_by("-celebrated_at")
            celebrations.extend(
                {"kind": kind, "item": item} for item in celebrated[:CELEBRATIONS_SHOWN]
            )
    for get in profile_celebrations():
        celebrations.extend(
            {"kind": {"label": label}, "item": item} for label, item in get(member, viewer)
        )
    celebrations.sort(key=lambda entry: entry["item"].celebrated_at, reverse=True)
    sections = []
    for section in profile_sections():
        context = section.get_context(member, viewer)
        if context is not None:
            sections.append({"template_name": section.template_name, **context})
    return ProfileContent(kinds, celebrations[:CELEBRATIONS_SHOWN], sections)
