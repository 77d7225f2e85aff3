from hub.models.audit import AuditEntry
from hub.models.contribution import (
    Contribution,
    ContributionQuerySet,
    Status,
    Visibility,
    celebrated_rows_index,
)
from hub.models.flags import Flag, Resolution
from hub.models.notifications import (
    NoticeHow,
    NoticeKind,
    Notification,
    SentDigest,
)
from hub.models.school import Network, Phase, School, SchoolScopedQuerySet
from hub.models.staff import EmailPreference, Invitation, Role, RoleGroup, Staff

__all__ = [
    "celebrated_rows_index",
    "AuditEntry",
    "Contribution",
    "EmailPreference",
    "Flag",
    "ContributionQuerySet",
    "Invitation",
    "Network",
    "NoticeHow",
    "NoticeKind",
    "Notification",
    "Phase",
    "Resolution",
    "Role",
    "RoleGroup",
    "School",
    "SchoolScopedQuerySet",
    "SentDigest",
    "Staff",
    "Status",
    "Visibility",
]
