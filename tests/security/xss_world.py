"""A school whose every user-facing text field holds hostile text, and the pages that show it.

Each stored value is `<field code><payload>` (cut to the field's length), so a test can
say which field's text reached a page. Content is written with factories and the real
moderation/flag/celebration services: fast enough to run for 40 payloads in `make test`.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from events.lunches.models import DietaryNeeds
from events.twilights import services as twilight_services
from events.twilights.models import Twilight
from hub import moderation
from hub.leaders.flagging import flag_contribution
from hub.models import (
    JoinDirection,
    JoinRequest,
    JoinStatus,
    NoticeKind,
    Notification,
    Role,
    Status,
)
from ideas.board.models import IdeaOfTheWeek
from ideas.thursday.models import Closure, RotaOptOut
from tests.events.lunches.factories import (
    InputFactory,
    LunchFactory,
    SignUpFactory,
    TakeawayFactory,
    in_days,
)
from tests.events.twilights.factories import PresenterFactory, TwilightFactory, network_of
from tests.events.twilights.factories import SignUpFactory as TwilightSignUpFactory
from tests.factories import NetworkFactory, SchoolFactory, StaffFactory
from tests.hub.learning.factories import FocusFactory, NoteFactory, PulseFactory, answer
from tests.ideas.board.factories import CommentFactory, IdeaFactory, ReactionFactory, this_monday
from tests.ideas.scrapbook.factories import ArticleFactory, edition_with
from tests.ideas.thursday.factories import QuestionFactory, ReplyFactory, RotaTurnFactory
from tests.security.payloads import PAYLOADS

# Field code -> (model field, max length). The code starts each stored value.
FIELDS = {
    "SfN:": ("Staff.full_name", 120),
    "SdN:": ("Staff.display_name", 60),
    "SjT:": ("Staff.job_title", 100),
    "SsB:": ("Staff.subjects", 200),
    "SlF:": ("Staff.learning_focus (tag)", 100),
    "IdT:": ("Idea.title", 80),
    "IdN:": ("Idea.note", 500),
    "IdG:": ("Idea.tags (tag)", 100),
    "CmT:": ("Comment.text", 500),
    "RfT:": ("Reaction.reflection", 300),
    "QuT:": ("Question.text", 280),
    "QuC:": ("Question.context", 1000),
    "QuS:": ("Question.summary", 1000),
    "QuG:": ("Question.tags (tag)", 100),
    "RpT:": ("Reply.text", 1000),
    "LuR:": ("Lunch.room", 100),
    "LuT:": ("Lunch.theme", 150),
    "InT:": ("Input.title", 150),
    "InS:": ("Input.summary", 600),
    "InN:": ("Input.notes", 2000),
    "TkT:": ("Takeaway.text", 200),
    "SuP:": ("SignUp.plate", 80),
    "SuA:": ("SignUp.allergens", 200),
    "DnT:": ("DietaryNeeds.text", 300),
    "FlR:": ("Flag.reason", 500),
    "CeN:": ("celebration note", 280),
    "MoR:": ("moderation reason (note and audit)", 500),
    "PkR:": ("IdeaOfTheWeek.reason", 200),
    "ClR:": ("Closure.reason", 200),
    "OoR:": ("RotaOptOut.reason", 200),
    "RtS:": ("RotaTurn.skip_reason", 200),
    "NtM:": ("Notification.message", 300),
    "ArT:": ("Article.title", 120),
    "ArY:": ("Article.year_group", 60),
    "ArD:": ("Article.what_i_did (Markdown)", 3500),
    "ArH:": ("Article.what_happened (Markdown)", 3500),
    "ArI:": ("Article.try_it_yourself (Markdown)", 3500),
    "EdT:": ("Edition.title", 120),
    "EdF:": ("Edition.foreword", 2000),
    "LfT:": ("LearningFocus.text", 200),
    "LnT:": ("LearningNote.text", 1000),
    "PuQ:": ("Pulse.question", 200),
    "PuT:": ("Pulse.topics (a topic)", 80),
    "PuO:": ("Pulse.outcome", 500),
    "PaT:": ("PulseAnswer.text", 500),
    "TwT:": ("Twilight.title", 150),
    "TwD:": ("Twilight.description", 1000),
    "TwP:": ("Twilight.place", 150),
    "TsI:": ("TwilightSignUp.idea_title", 80),
    "TsS:": ("TwilightSignUp.idea_summary", 500),
    "NwN:": ("Network.name", 150),
    "JrM:": ("JoinRequest.message", 500),
    "JrA:": ("JoinRequest.answer_note", 500),
}


# Rendered as Markdown and sanitised by nh3 rather than escaped: what is unsafe is
# removed, so the text need not come back verbatim; the pages must still carry
# no injected markup.
SANITISED_FIELDS = {"ArD:", "ArH:", "ArI:"}


def value(code: str, payload: str) -> str:
    return (code + payload)[: FIELDS[code][1]]


@dataclass
class XssWorld:
    moderator: object
    admin: object
    # (who looks, URL) for every page that shows the stored text.
    pages: list[tuple[object, str]] = field(default_factory=list)
    stored: dict[str, list[str]] = field(default_factory=dict)  # code -> values
    # Every object's own page, for the (cheaper) server-side check.
    detail_pages: list[tuple[object, str]] = field(default_factory=list)

    def store(self, code: str, payload: str) -> str:
        text = value(code, payload)
        self.stored.setdefault(code, []).append(text)
        return text


def build(school, moderator, admin, payloads: list[str] = PAYLOADS) -> XssWorld:
    world = XssWorld(moderator=moderator, admin=admin)
    s = world.store
    lunch = LunchFactory(school=school, starts_at=in_days(7), room=s("LuR:", payloads[2]))
    past_lunch = LunchFactory(
        school=school, starts_at=in_days(-3), room=s("LuR:", payloads[3]), theme=s("LuT:", "<b>")
    )
    current = QuestionFactory(
        school=school,
        author=moderator,
        text=s("QuT:", payloads[0]),
        context=s("QuC:", payloads[1]),
        publish_at=timezone.now() - timedelta(hours=2),
    )
    authors, ideas, articles = [], [], []
    for n, p in enumerate(payloads):
        person = StaffFactory(
            school=school,
            role=Role.TEACHER,
            full_name=s("SfN:", p),
            display_name=s("SdN:", p) if n % 2 else "",
            job_title=s("SjT:", p),
            subjects=s("SsB:", p),
        )
        person.learning_focus.set([s("SlF:", p)])
        authors.append(person)
        idea = IdeaFactory(
            author=person, title=s("IdT:", p), note=s("IdN:", p), tags=[s("IdG:", p)]
        )
        ideas.append(idea)
        CommentFactory(idea=idea, author=person, text=s("CmT:", p))
        ReactionFactory(idea=idea, author=person, kind="tried", reflection=s("RfT:", p))
        question = QuestionFactory(
            school=school,
            author=person,
            text=s("QuT:", p),
            context=s("QuC:", p),
            summary=s("QuS:", p),
            summarised_at=timezone.now(),
            publish_at=timezone.now() - timedelta(days=7 * (n + 1)),
        )
        question.tags.set([s("QuG:", p)])
        world.detail_pages += [
            (moderator, reverse("hub:profile", kwargs={"pk": person.pk})),
            (moderator, reverse("ideas:idea_detail", kwargs={"pk": idea.pk})),
            (moderator, reverse("ideas:question_detail", kwargs={"pk": question.pk})),
        ]
        ReplyFactory(question=current, author=person, text=s("RpT:", p))
        themed = LunchFactory(
            school=school, starts_at=in_days(8 + n), room=s("LuR:", p), theme=s("LuT:", p)
        )
        world.detail_pages.append(
            (moderator, reverse("events:lunch_detail", kwargs={"pk": themed.pk}))
        )
        InputFactory(
            lunch=lunch,
            author=person,
            title=s("InT:", p),
            summary=s("InS:", p),
            notes=s("InN:", p),
        )
        TakeawayFactory(lunch=past_lunch, author=person, text=s("TkT:", p))
        SignUpFactory(lunch=lunch, staff=person, plate=s("SuP:", p), allergens=s("SuA:", p))
        DietaryNeeds.objects.create(staff=person, text=s("DnT:", p))
        flagger = authors[n - 1] if n else moderator
        flag_contribution(contribution=idea, staff=flagger, reason=s("FlR:", p))
        moderation.celebrate(idea, actor=moderator, note=s("CeN:", p))
        returned = IdeaFactory(author=person, status=Status.SUBMITTED)
        moderation.transition(returned, action="return", actor=moderator, reason=s("MoR:", p))
        day = timezone.localdate() + timedelta(days=400 + n)
        Closure.objects.create(school=school, first_day=day, last_day=day, reason=s("ClR:", p))
        RotaOptOut.objects.create(school=school, staff=person, reason=s("OoR:", p))
        RotaTurnFactory(school=school, staff=person, state="skipped", skip_reason=s("RtS:", p))
        Notification.objects.create(
            recipient=moderator,
            kind=NoticeKind.COMMENT,
            message=s("NtM:", p),
            target_type=ContentType.objects.get_for_model(idea),
            target_id=idea.pk,
        )
        article = ArticleFactory(
            author=person,
            status=Status.PUBLISHED,
            title=s("ArT:", p),
            year_group=s("ArY:", p),
            what_i_did=s("ArD:", p),
            what_happened=s("ArH:", p),
            try_it_yourself=s("ArI:", p),
        )
        articles.append(article)
        world.detail_pages.append(
            (moderator, reverse("ideas:article_detail", kwargs={"pk": article.pk}))
        )
        _learning(world, person, p, closed=n > 0)
        _network(world, school, p)
    IdeaOfTheWeek.objects.create(
        school=school,
        week=this_monday(school),
        idea=ideas[0],
        picked_by=moderator,
        reason=s("PkR:", payloads[0]),
    )
    edition = edition_with(
        articles, created_by=admin, title=s("EdT:", payloads[4]), foreword=s("EdF:", payloads[5])
    )
    world.pages = _pages(world, authors, ideas, current, lunch, past_lunch)
    world.pages += [
        (moderator, reverse("ideas:scrapbook")),
        (moderator, reverse("ideas:editions")),
        (moderator, reverse("ideas:edition_detail", kwargs={"pk": edition.pk})),
        (authors[7], reverse("ideas:my_articles")),
        (moderator, reverse("hub:pulses")),
        (admin, reverse("hub:networks")),
        (authors[9], reverse("hub:my_learning")),
        (moderator, reverse("ideas:article_detail", kwargs={"pk": articles[8].pk})),
    ]
    _twilights(world, school, authors, payloads)
    return world


def _twilights(world, school, authors, payloads: list[str]) -> None:
    """A twilight of each payload in a network of this school, presented by its author;
    the last is a Speed Learning evening with its table plan, the first has its draw."""
    s, moderator = world.store, world.moderator
    network = network_of(school)
    for n, p in enumerate(payloads):
        twilight = TwilightFactory(
            network=network,
            host_school=school,
            created_by=moderator,
            kind="speed_learning" if n == len(payloads) - 1 else "teachmeet",
            starts_at=in_days(5 + n),
            title=s("TwT:", p),
            description=s("TwD:", p),
            place=s("TwP:", p),
        )
        PresenterFactory(
            twilight=twilight, staff=authors[n], idea_title=s("TsI:", p), idea_summary=s("TsS:", p)
        )
        TwilightSignUpFactory(twilight=twilight, staff=authors[n - 1])
        world.detail_pages.append((moderator, twilight.get_absolute_url()))
    first = Twilight.objects.order_by("pk").first()
    twilight_services.draw_running_order(twilight_id=first.pk, actor=moderator)
    twilight_services.make_table_plan(twilight_id=twilight.pk, actor=moderator, rounds=1)
    world.pages += [
        (moderator, reverse("events:twilights")),
        (moderator, reverse("events:twilight_screen", kwargs={"pk": first.pk}) + "?shown=1"),
        (moderator, reverse("events:twilight_table_plan", kwargs={"pk": twilight.pk})),
    ]


def _network(world, school, payload: str) -> None:
    """A network named with the payload that invited the school, with a note each way."""
    s = world.store
    network = NetworkFactory(name=s("NwN:", payload))
    lead = StaffFactory(school=SchoolFactory())
    network.leads.add(lead)
    network.schools.add(school)
    invitation = JoinRequest.objects.create(
        network=network,
        school=school,
        direction=JoinDirection.INVITED,
        made_by=lead,
        message=s("JrM:", payload),
        status=JoinStatus.ACCEPTED,
        answered_by=world.admin,
        answer_note=s("JrA:", payload),
        answered_at=timezone.now(),
    )
    world.detail_pages += [
        (world.admin, invitation.get_absolute_url()),
        (world.admin, network.get_absolute_url()),
    ]


def _learning(world, person, payload: str, *, closed: bool) -> None:
    """The person's focus (on their profile) and private note (on their My learning), and
    a pulse of their own payload that they answered (one stays open)."""
    s, moderator = world.store, world.moderator
    FocusFactory(staff=person, text=s("LfT:", payload), show_on_profile=True)
    NoteFactory(staff=person, text=s("LnT:", payload))
    topic = s("PuT:", payload)
    pulse = PulseFactory(
        created_by=moderator,
        question=s("PuQ:", payload),
        topics=[topic, "Something else"],
        is_anonymous=False,
        closed_at=timezone.now() if closed else None,
        outcome=s("PuO:", payload) if closed else "",
    )
    answer(pulse, person, [topic], text=s("PaT:", payload))
    world.detail_pages += [
        (person, reverse("hub:my_learning")),
        (person, pulse.get_absolute_url()),
        (moderator, reverse("hub:pulse_results", kwargs={"pk": pulse.pk})),
    ]


def _pages(world, authors, ideas, current, lunch, past_lunch) -> list[tuple[object, str]]:
    moderator, admin = world.moderator, world.admin
    return [
        (moderator, reverse("hub:home")),
        (moderator, reverse("ideas:board")),
        (moderator, reverse("ideas:board_archive")),
        (moderator, reverse("ideas:board_print")),
        (moderator, reverse("ideas:idea_detail", kwargs={"pk": ideas[0].pk})),
        (moderator, reverse("ideas:idea_detail", kwargs={"pk": ideas[-1].pk})),
        (authors[1], reverse("ideas:edit_idea", kwargs={"pk": ideas[1].pk})),
        (moderator, reverse("ideas:thursday")),
        (moderator, reverse("ideas:question_detail", kwargs={"pk": current.pk})),
        (moderator, reverse("ideas:thursday_archive")),
        (moderator, reverse("ideas:thursday_print")),
        (moderator, reverse("ideas:rota")),
        (moderator, reverse("ideas:closure_dates")),
        (moderator, reverse("events:lunches")),
        (moderator, reverse("events:lunch_detail", kwargs={"pk": lunch.pk})),
        (moderator, reverse("events:lunch_detail", kwargs={"pk": past_lunch.pk})),
        (moderator, reverse("events:lunch_archive")),
        (authors[2], reverse("events:dietary_needs")),
        (moderator, reverse("hub:moderation_queue")),
        (moderator, reverse("hub:audit_log")),
        (moderator, reverse("hub:celebrations")),
        (moderator, reverse("hub:term_summary")),
        (moderator, reverse("hub:dashboard")),
        (moderator, reverse("hub:notifications")),
        (moderator, reverse("hub:profile", kwargs={"pk": authors[3].pk})),
        (authors[4], reverse("hub:edit_profile")),
        (authors[5], reverse("hub:home")),
        (admin, reverse("hub:staff_list")),
        (admin, reverse("hub:staff_detail", kwargs={"pk": authors[6].pk})),
    ]
