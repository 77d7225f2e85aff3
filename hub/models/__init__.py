from hub.models.audit import AuditEntry
from hub.models.contribution import (
    Contribution,
    ContributionQuerySet,
    Status,
    Visibility,
    celebrated_rows_index,
)
from hub.models.encouragement import ShareInvitation
from hub.models.flags import Flag, Resolution
from hub.models.notifications import (
    NoticeHow,
    NoticeKind,
    Notification,
    SentDigest,
    SentEmail,
)
from hub.models.school import Network, Phase, School, SchoolScopedQuerySet, SchoolTerm
from hub.models.staff import EmailPreference, Invitation, Role, RoleGroup, Staff
from hub.models.uploads import RandomName

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
    "RandomName",
    "Resolution",
    "Role",
    "RoleGroup",
    "School",
    "SchoolScopedQuerySet",
    "SchoolTerm",
    "SentDigest",
    "SentEmail",
    "ShareInvitation",
    "Staff",
    "Status",
    "Visibility",
]
