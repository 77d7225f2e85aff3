"""Where `ideas` and `events` tell `hub` about themselves, from AppConfig.ready().

`hub` lists every kind of contribution (moderation queue, dashboard, digest),
every panel of the home page and every part of the demo school from here, so it
never imports the feature apps. Each feature registers in its own `hooks.py`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

# What the pages built from registered parts show, top to bottom: each name is
# registered by the hooks.py beside it. A part registered under a name missing
# here (a test app's) comes after these, in the order it was registered.
HOME_PANELS = (
    "board",  # ideas/board/hooks.py: this week's Idea of the Week and newest post-its
    "thursday",  # ideas/thursday/hooks.py: this week's question, who asks next
    "lunches",  # events/lunches/hooks.py: the next learning lunches
    "scrapbook",  # ideas/scrapbook/hooks.py: the newest edition, my articles
    "celebrations",  # hub/leaders/hooks.py: the latest celebrated contributions
)
DIGEST_SECTIONS = (
    "board",  # ideas/board/hooks.py: the Idea of the Week, how many post-its
    "thursday",  # ideas/thursday/hooks.py: the week's question and its replies
    "lunches",  # events/lunches/hooks.py: lunches with free places
    "scrapbook",  # ideas/scrapbook/hooks.py: articles approved this week
    "celebrations",  # hub/leaders/hooks.py: what leaders celebrated
    "network",  # ideas/network/hooks.py: each network's Idea of the Week, shares, celebrations
)
# The staffroom screen and the printed sheet (hub/display/): only what every member
# of staff at the school may see, in large type.
DISPLAY_SECTIONS = (
    "board",  # ideas/board/hooks.py: this week's Idea of the Week and newest post-its
    "thursday",  # ideas/thursday/hooks.py: this week's question (from 07:00) and its replies
    "lunches",  # events/lunches/hooks.py: the next lunch, places, plates and inputs
    "celebrations",  # hub/leaders/hooks.py: the latest celebrations
)
PROFILE_SECTIONS = (
    "ideas_tried",  # ideas/board/hooks.py: ideas this person tried, and how it went
    "placements",  # hub/placements/hooks.py: work-shadowing placements, approved
)


def in_layout_order(parts: dict, layout: tuple[str, ...]) -> list:
    """Registered parts in the layout's order; names the layout lacks come last."""
    listed = [parts[name] for name in layout if name in parts]
    return listed + [part for name, part in parts.items() if name not in layout]


@dataclass(frozen=True)
class ContributionKind:
    model: type
    label: str
    label_plural: str
    # Which rows count as sharing something (dashboard, term summary): e.g. a
    # reflection counts, a bare "I'll try this" click does not.
    counts_as_sharing: Q = field(default_factory=Q)
    # How the moderation queue shows one item in full (its photos, the idea it answers...),
    # given `item`; without one the queue shows moderation_body_html().
    queue_template: str = ""

    def title_of(self, item) -> str:
        return self.titled(item.moderation_title())

    def titled(self, title: str) -> str:
        """A one-line title (moderation_title) naming its kind once: "Board idea: Mini
        whiteboards", but "Scrapbook article: …" as it is, never "Scrapbook article:
        Scrapbook article: …" (kinds whose titles say what they are start with its word)."""
        first_word = self.label.split()[0].lower()
        if title.lower().startswith(first_word):
            return title
        return f"{self.label}: {title}"

    def shared(self):
        """Published contributions of this kind that count as sharing (a queryset)."""
        return self.model.objects.published().filter(self.counts_as_sharing)

    def shared_between(self, school, start, end):
        """What a school shared of this kind from `start` (inclusive) to `end` (exclusive)."""
        return (
            self.shared()
            .filter(school_id=school.pk, created_at__gte=start, created_at__lt=end)
            .order_by()
        )


@dataclass(frozen=True)
class HomePanel:
    name: str
    template_name: str
    # Called with the signed-in staff member; returns the panel's context.
    get_context: Callable[[Any], dict]


@dataclass(frozen=True, order=True)
class DemoSeeder:
    order: int
    name: str
    # Called with (school, staff list, rng); must be idempotent.
    seed: Callable[..., None] = field(compare=False)


@dataclass(frozen=True, order=True)
class PeriodicJob:
    name: str
    # Called with the current aware datetime; must be idempotent, because it runs
    # every minute or so and after restarts. Queue slow work as tasks.
    run: Callable[[Any], None] = field(compare=False)


_contribution_kinds: dict[str, ContributionKind] = {}
_home_panels: dict[str, HomePanel] = {}
_demo_seeders: list[DemoSeeder] = []
_periodic_jobs: dict[str, PeriodicJob] = {}


def register_contribution(
    model: type,
    *,
    label: str,
    label_plural: str,
    counts_as_sharing: Q | None = None,
    queue_template: str = "",
) -> None:
    key = model._meta.label_lower
    _contribution_kinds[key] = ContributionKind(
        model, label, label_plural, counts_as_sharing or Q(), queue_template
    )


def contribution_kinds() -> list[ContributionKind]:
    return list(_contribution_kinds.values())


def register_home_panel(*, name: str, template_name: str, get_context: Callable) -> None:
    _home_panels[name] = HomePanel(name, template_name, get_context)


def home_panels() -> list[HomePanel]:
    return in_layout_order(_home_panels, HOME_PANELS)


def register_demo_seeder(*, order: int, name: str, seed: Callable) -> None:
    if any(seeder.name == name for seeder in _demo_seeders):
        return
    _demo_seeders.append(DemoSeeder(order, name, seed))


def demo_seeders() -> list[DemoSeeder]:
    return sorted(_demo_seeders)


def register_periodic_job(*, name: str, run: Callable) -> None:
    _periodic_jobs[name] = PeriodicJob(name, run)


def periodic_jobs() -> list[PeriodicJob]:
    return sorted(_periodic_jobs.values())


_long_tasks: dict[str, int] = {}


def register_long_task(*, task, seconds: int) -> None:
    """A task that may run longer than STAFFROOM_TASK_TIMEOUT: its worker counts as lost
    only after `seconds` (hub.ops.task_recovery). Every other task is short."""
    _long_tasks[task.module_path] = seconds


def long_tasks() -> dict[str, int]:
    return dict(_long_tasks)


# --- Leaders' tools: participation dashboard, weekly digest, staff profiles ---


@dataclass(frozen=True, order=True)
class ParticipationMetric:
    """A column of the participation dashboard beyond the contribution kinds.

    Every registered contribution kind is counted by author already (published,
    created in the range); register only what is not a contribution, e.g. lunch
    attendance. `counts(school, start, end)` gets aware datetimes (start
    inclusive, end exclusive) and returns {staff_id: count} in ONE query.
    """

    order: int
    key: str = field(compare=False)
    label: str = field(compare=False)
    counts: Callable[[Any, Any, Any], dict[int, int]] = field(compare=False)


@dataclass(frozen=True)
class DigestSection:
    """A part of the Friday digest email.

    `get_context(school, week_start, week_end)` (aware datetimes, end exclusive)
    returns the section's context, or None to leave the section out this week.
    `template_name` is the HTML part (e.g. "ideas/digest/_idea.html"); a twin
    ending in ".txt" beside it gives the plain-text part.
    """

    name: str
    template_name: str
    get_context: Callable[[Any, Any, Any], dict | None]


@dataclass(frozen=True)
class ProfileSection:
    """A section of a staff member's profile page (e.g. "ideas they tried").

    `get_context(member, viewer)` returns a dict or None to leave the section
    out; the template reads it as `section.<key>` (as home panels read `panel`)
    and wraps itself in `<section class="profile-section" aria-labelledby=...>`
    with an `<h2>`. Keep it to a query or two: the profile runs every section.
    """

    name: str
    template_name: str
    get_context: Callable[[Any, Any], dict | None]


@dataclass(frozen=True)
class DisplaySection:
    """A panel of the staffroom screen and a part of the printed A4 sheet.

    `get_context(viewer, now)` gets a stand-in for "any member of staff at this
    school" (hub.display.selectors.EveryStaffMember: not a moderator, nothing of
    its own, passed to the one scoping rule like a signed-in person) and the
    current aware datetime; it returns the section's context, read as `section.<key>`,
    or None to leave the section out. No anonymous author's name, no draft or
    hidden work, nothing only moderators see. A fixed number of queries.
    `title` names the panel in the screen's list of panels.
    """

    name: str
    title: str
    template_name: str
    get_context: Callable[[Any, Any], dict | None]


_participation_metrics: dict[str, ParticipationMetric] = {}
_digest_sections: dict[str, DigestSection] = {}
_profile_sections: dict[str, ProfileSection] = {}
_display_sections: dict[str, DisplaySection] = {}


def register_participation_metric(
    *, key: str, label: str, counts: Callable, order: int = 100
) -> None:
    _participation_metrics[key] = ParticipationMetric(order, key, label, counts)


def participation_metrics() -> list[ParticipationMetric]:
    return sorted(_participation_metrics.values())


def register_digest_section(*, name: str, template_name: str, get_context: Callable) -> None:
    _digest_sections[name] = DigestSection(name, template_name, get_context)


def digest_sections() -> list[DigestSection]:
    return in_layout_order(_digest_sections, DIGEST_SECTIONS)


def register_profile_section(*, name: str, template_name: str, get_context: Callable) -> None:
    _profile_sections[name] = ProfileSection(name, template_name, get_context)


def profile_sections() -> list[ProfileSection]:
    return in_layout_order(_profile_sections, PROFILE_SECTIONS)


def register_display_section(
    *, name: str, title: str, template_name: str, get_context: Callable
) -> None:
    _display_sections[name] = DisplaySection(name, title, template_name, get_context)


def display_sections() -> list[DisplaySection]:
    return in_layout_order(_display_sections, DISPLAY_SECTIONS)


# Honours that are not a celebrated contribution (the Idea of the Week), listed among a
# person's celebrations on their profile: name -> get(member, viewer) returning
# (label, item) pairs, where item has moderation_title(), get_absolute_url(),
# celebrated_at and celebration_note like a celebrated contribution. One query each.
_profile_celebrations: dict[str, Callable] = {}


def register_profile_celebrations(*, name: str, get: Callable) -> None:
    _profile_celebrations[name] = get


def profile_celebrations() -> list[Callable]:
    return list(_profile_celebrations.values())


# --- Network-scale benchmark data (manage.py seed_scale) ---


@dataclass(frozen=True, order=True)
class ScaleGenerator:
    """Bulk-writes one feature's rows for `seed_scale`.

    `generate(schools, staff_by_school, weeks, rng)` gets a chunk of schools,
    {school_id: [Staff]} (the first of each school is its headteacher and a
    moderator), the Mondays to fill (oldest first, this week last) and a
    random.Random; it writes with bulk inserts and returns how many rows it wrote.
    """

    order: int
    name: str = field(compare=False)
    generate: Callable[..., int] = field(compare=False)


_scale_generators: dict[str, ScaleGenerator] = {}


def register_scale_generator(*, order: int, name: str, generate: Callable) -> None:
    _scale_generators[name] = ScaleGenerator(order, name, generate)


def scale_generators() -> list[ScaleGenerator]:
    return sorted(_scale_generators.values())


# --- My learning (hub/learning/): each feature tells hub what a person did in it ---


@dataclass(frozen=True)
class LearningEntry:
    """One thing a person did, in plain words: "Tried" *Call and response*.

    `verb` starts the sentence, `title` is the object's name (shown in italics) and
    `after` ends it ("for the Autumn scrapbook"); `reflection` is the person's own
    words about it, if any, and `is_private` says whether only they may read them.
    """

    when: Any  # an aware datetime
    kind: str  # a short key: "idea", "tried", "lunch_attended"...
    verb: str
    title: str
    url: str = ""
    after: str = ""
    reflection: str = ""
    is_private: bool = False
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, order=True)
class LearningSource:
    """`entries(person, start, end)` returns the person's LearningEntry list for aware
    datetimes `start` (inclusive) to `end` (exclusive), in a fixed number of queries
    however many there are (My learning's query count stays constant)."""

    order: int
    name: str = field(compare=False)
    entries: Callable[[Any, Any, Any], list[LearningEntry]] = field(compare=False)


@dataclass(frozen=True, order=True)
class TopicAction:
    """ "Turn this topic into …" on a pulse's results: `url_for(viewer, topic)` returns a
    feature's create page with the topic filled in, or None when the viewer has no such
    page to use (say, no Thinking Thursday turn coming)."""

    order: int
    name: str = field(compare=False)
    label: str = field(compare=False)
    url_for: Callable[[Any, str], str | None] = field(compare=False)


_learning_sources: dict[str, LearningSource] = {}
_topic_actions: dict[str, TopicAction] = {}


def register_learning_source(*, order: int, name: str, entries: Callable) -> None:
    _learning_sources[name] = LearningSource(order, name, entries)


def learning_sources() -> list[LearningSource]:
    return sorted(_learning_sources.values())


def register_topic_action(*, order: int, name: str, label: str, url_for: Callable) -> None:
    _topic_actions[name] = TopicAction(order, name, label, url_for)


def topic_actions() -> list[TopicAction]:
    return sorted(_topic_actions.values())


# --- Post-its made by another feature (a twilight's presenters' ideas, events/twilights/) ---


@dataclass(frozen=True)
class NetworkPostIts:
    """What ideas/board offers `events` without being imported (ideas/board/hooks.py).

    `post(author=, title=, note=, on=None)` puts an idea on the board (of the week of
    `on`, this week if None), shared with the author's networks and credited to them,
    and returns its id. `will_try(idea_id=, person=)`
    records "I'll try this" from `person` (the author hears, as on the board) and returns
    False when the idea is not one `person` may see (hidden, waiting for approval).
    """

    post: Callable[..., int]
    will_try: Callable[..., bool]
    url_of: Callable[[int], str]


_network_post_its: list[NetworkPostIts] = []


def register_network_post_its(*, post: Callable, will_try: Callable, url_of: Callable) -> None:
    _network_post_its[:] = [NetworkPostIts(post, will_try, url_of)]


def network_post_its() -> NetworkPostIts | None:
    return _network_post_its[0] if _network_post_its else None


# --- A network's home page (hub/networks/): what else the network has ---

# "What's here" on a network's home, top to bottom. Each feature registers its part
# from its own hooks.py with `register_network_section`; until one does, the page
# says what is still to come.
NETWORK_SECTIONS = (
    "feed",  # ideas/network/hooks.py: "Across the trust", what colleagues opened to it
    "twilights",  # events/twilights/hooks.py: Speed Learning and TeachMeet twilights
    "placements",  # hub/placements/hooks.py: asks and offers of work-shadowing placements
)


@dataclass(frozen=True)
class NetworkSection:
    """A link on a network's home page to a feature's page for that network.

    `url_for(network, viewer)` returns the page's address, or None to leave the link
    out for this person. No query: the home page lists every section.
    """

    name: str
    title: str
    description: str
    url_for: Callable[[Any, Any], str | None]


_network_sections: dict[str, NetworkSection] = {}


def register_network_section(*, name: str, title: str, description: str, url_for: Callable) -> None:
    _network_sections[name] = NetworkSection(name, title, description, url_for)


def network_sections() -> list[NetworkSection]:
    return in_layout_order(_network_sections, NETWORK_SECTIONS)
