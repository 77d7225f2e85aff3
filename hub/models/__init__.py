from hub.models.audit import AuditEntry
from hub.models.contribution import (
    Contribution,
    ContributionQuerySet,
    Status,
    Visibility,
    celebrated_rows_index,
)
from hub.models.directory import RegisteredSchool
from hub.models.display import DisplayLink, hash_display_token
from hub.models.encouragement import ShareInvitation
from hub.models.flags import Flag, Resolution
from hub.models.learning import (
    LearningExport,
    LearningExportFormat,
    LearningExportStatus,
    LearningFocus,
    LearningNote,
    Pulse,
    PulseAnswer,
)
from hub.models.networks import JOIN_NOTE_MAX, JoinDirection, JoinRequest, JoinStatus
from hub.models.notifications import (
    NoticeHow,
    NoticeKind,
    Notification,
    SentDigest,
    SentEmail,
)
from hub.models.placements import (
    Placement,
    PlacementAsk,
    PlacementOffer,
    PlacementState,
)
from hub.models.school import Network, Phase, School, SchoolScopedQuerySet, SchoolTerm
from hub.models.staff import EmailPreference, Invitation, Role, RoleGroup, Staff
from hub.models.uploads import RandomName

__all__ = [
    "celebrated_rows_index",
    "hash_display_token",
    "AuditEntry",
    "Contribution",
    "DisplayLink",
    "EmailPreference",
    "Flag",
    "ContributionQuerySet",
    "Invitation",
    "JOIN_NOTE_MAX",
    "JoinDirection",
    "JoinRequest",
    "JoinStatus",
    "LearningExport",
    "LearningExportFormat",
    "LearningExportStatus",
    "LearningFocus",
    "LearningNote",
    "Network",
    "NoticeHow",
    "NoticeKind",
    "Notification",
    "Phase",
    "Placement",
    "PlacementAsk",
    "PlacementOffer",
    "PlacementState",
    "Pulse",
    "PulseAnswer",
    "RandomName",
    "RegisteredSchool",
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
