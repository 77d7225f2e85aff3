from hub.models.audit import AuditEntry
from hub.models.contribution import Contribution, ContributionQuerySet, Status, Visibility
from hub.models.flags import Flag, Resolution
from hub.models.school import Network, Phase, School, SchoolScopedQuerySet
from hub.models.staff import Invitation, Role, RoleGroup, Staff

__all__ = [
    "AuditEntry",
    "Contribution",
    "Flag",
    "ContributionQuerySet",
    "Invitation",
    "Network",
    "Phase",
    "Resolution",
    "Role",
    "RoleGroup",
    "School",
    "SchoolScopedQuerySet",
    "Staff",
    "Status",
    "Visibility",
]
