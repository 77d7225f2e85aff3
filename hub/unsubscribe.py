"""One-click unsubscribe from a kind of bulk email (RFC 8058), by a signed link.

Bulk emails — the weekly digest and the notices sent to many people or by a
periodic job (reminders, "How did it go?", lunches, scrapbook editions) — carry
`List-Unsubscribe: <https://…/unsubscribe/<token>/>` and
`List-Unsubscribe-Post: List-Unsubscribe=One-Click`. The token, signed with
Django's signing (a salted TimestampSigner), names one person and one kind: a mail
client's one-click POST to it stops exactly those emails, with no sign-in and no
CSRF token (the signature is the proof). A GET only asks, because mail scanners
follow links.

Which emails are bulk, and why the others are not:
- bulk: the weekly digest (kind "digest"); notices of the kinds in BULK_NOTICE_KINDS
  (Thinking Thursday turns and reminders, learning-lunch reminders and follow-ups,
  "How did it go?", scrapbook editions).
- not bulk: invitations and password resets (how people get in), and the messages
  one person's action sends to another (a comment, a reply, a pick, a celebration,
  a moderator's decision, a flag for moderators, a missed Thursday turn for
  moderators, a leader's personal invitation to share).
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from hub.models import EmailPreference, NoticeHow, NoticeKind, Staff

DIGEST = "digest"
ALL = "all"  # Links in digests sent before kinds existed promised "every email".
BULK_NOTICE_KINDS = frozenset(
    {NoticeKind.THURSDAY, NoticeKind.LUNCH, NoticeKind.FOLLOW_UP, NoticeKind.SCRAPBOOK}
)
# Tokens made before kinds existed were signed with this salt: they keep working.
SALT = "hub.leaders.digest.unsubscribe"


def kind_label(kind: str) -> str:
    """What a person is unsubscribing from, for the page and the email's footer."""
    if kind == DIGEST:
        return "the weekly digest"
    if kind == ALL:
        return "every email from Staffroom"
    label = dict(NoticeKind.choices)[kind]
    return f"emails about {label[0].lower()}{label[1:]}"  # "…about learning lunches: places…"


def unsubscribe_token(staff: Staff, kind: str = DIGEST) -> str:
    """A signed token naming this person and kind; no expiry, as old emails must keep
    working. The address is in it, so a link stops working when the address changes."""
    return signing.dumps({"staff": staff.pk, "email": staff.email, "kind": kind}, salt=SALT)


def read_token(token: str) -> tuple[Staff, str] | None:
    """The person and kind a genuine token names (one query); None for a forged one."""
    try:
        payload = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict):
        return None
    kind = payload.get("kind", ALL)
    if kind not in (DIGEST, ALL, *BULK_NOTICE_KINDS):
        return None
    staff = Staff.objects.filter(pk=payload.get("staff"), email=payload.get("email")).first()
    return (staff, kind) if staff is not None else None


def unsubscribe_url(staff: Staff, kind: str = DIGEST) -> str:
    return settings.SITE_URL + reverse("hub:unsubscribe", args=[unsubscribe_token(staff, kind)])


def unsubscribe_headers(url: str) -> dict[str, str]:
    """RFC 2369 and RFC 8058 headers: mail clients show an unsubscribe button that POSTs."""
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def is_subscribed(staff: Staff, kind: str) -> bool:
    if kind == DIGEST:
        return staff.gets_weekly_digest and staff.email_preference != EmailPreference.OFF
    if kind == ALL:
        return staff.email_preference != EmailPreference.OFF
    from hub.notifications import how_told

    return how_told(staff, kind) == NoticeHow.INSTANT


def unsubscribe(staff: Staff, kind: str) -> None:
    """Stop exactly these emails to this person; what is listed in the app stays."""
    if kind == DIGEST:
        staff.gets_weekly_digest = False
        staff.save(update_fields=["gets_weekly_digest"])
    elif kind == ALL:
        staff.email_preference = EmailPreference.OFF
        staff.save(update_fields=["email_preference"])
    else:
        # Still listed in Staffroom (and the digest, for whoever reads it), never emailed.
        staff.notice_preferences = {**(staff.notice_preferences or {}), kind: NoticeHow.DIGEST}
        staff.save(update_fields=["notice_preferences"])
