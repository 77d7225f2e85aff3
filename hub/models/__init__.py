from hub.models.audit import AuditEntry
from hub.models.contribution import Contribution, ContributionQuerySet, Status, Visibility
from hub.models.school import Network, Phase, School, SchoolScopedQuerySet
from hub.models.staff import Invitation, Role, RoleGroup, Staff

__all__ = [
    "AuditEntry",
    "Contribution",
    "ContributionQuerySet",
    "Invitation",
    "Network",
    "Phase",
    "Role",
    "RoleGroup",
    "School",
    "SchoolScopedQuerySet",
    "Staff",
    "Status",
    "Visibility",
]
