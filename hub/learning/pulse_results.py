"""What a pulse's answers say, for leaders: by topic and by role group, never who.

An anonymous pulse's answers are never named, and a role group's count below
SMALLEST_GROUP (none included) is shown as "fewer than 3": in a school with two
office staff, "2 office staff want behaviour training" would say who answered.
Where only one count in a row is hidden, the topic's total would give it away
(4 in all, 3 teachers: the one is the TA), so the smallest shown count is hidden too.
"""

from dataclasses import dataclass, field

from hub.models import PulseAnswer, RoleGroup

SMALLEST_GROUP = 3
OTHER = "Something else (their own words)"


@dataclass
class TopicResult:
    topic: str
    count: int = 0
    # {role group label: count, TOO_FEW or HIDDEN}
    by_group: dict[str, int | str | None] = field(default_factory=dict)
    # "Make it a learning lunch"...: filled by the page for its viewer.
    links: list[dict] = field(default_factory=list)


@dataclass
class FreeText:
    text: str
    # Empty for an anonymous pulse: nobody's name is ever attached to it.
    name: str = ""
    topics: list[str] = field(default_factory=list)


@dataclass
class PulseResults:
    answered: int
    topics: list[TopicResult]
    groups: list[str]
    free_texts: list[FreeText]
    suppressed: bool


TOO_FEW = None  # shown as "fewer than 3"
HIDDEN = "hidden"  # hidden so that the total does not give away a small count


def suppressed_row(counts: dict[str, int]) -> dict[str, int | str | None]:
    """An anonymous pulse's counts for one topic, by group, as leaders may see them."""
    row: dict[str, int | str | None] = {
        group: TOO_FEW if count < SMALLEST_GROUP else count for group, count in counts.items()
    }
    hidden = [group for group, shown in row.items() if shown is TOO_FEW]
    shown = [group for group, value in row.items() if value is not TOO_FEW]
    if len(hidden) == 1 and shown:
        row[min(shown, key=lambda group: counts[group])] = HIDDEN
    return row


def pulse_results(pulse) -> PulseResults:
    """One query, however many answered."""
    answers = PulseAnswer.objects.filter(pulse_id=pulse.pk).order_by("answered_at", "pk")
    if not pulse.is_anonymous:
        answers = answers.select_related("staff")
    answers = list(answers)
    labels = dict(RoleGroup.choices)
    groups = [label for value, label in RoleGroup.choices]
    results = {topic: TopicResult(topic) for topic in pulse.topics}
    counts: dict[tuple[str, str], int] = {}
    free_texts = []
    for answer in answers:
        group = labels.get(answer.role_group, answer.role_group)
        for topic in answer.topics:
            if topic in results:
                results[topic].count += 1
                counts[topic, group] = counts.get((topic, group), 0) + 1
        if answer.text:
            name = "" if pulse.is_anonymous else answer.staff.name
            free_texts.append(FreeText(answer.text, name, list(answer.topics)))
    suppressed = False
    for result in results.values():
        row = {group: counts.get((result.topic, group), 0) for group in groups}
        if pulse.is_anonymous:
            row = suppressed_row(row)
            suppressed |= any(value in (TOO_FEW, HIDDEN) for value in row.values())
        result.by_group = row
    if pulse.is_anonymous:
        # Free text in the order given would line up with who answered when: shuffle
        # it into a fixed, meaningless order (by its own text).
        free_texts.sort(key=lambda item: item.text.casefold())
    ordered = sorted(results.values(), key=lambda result: -result.count)
    return PulseResults(len(answers), ordered, groups, free_texts, suppressed)
