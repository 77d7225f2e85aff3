"""The school content version (hub.content): every change to what a school's staff
see together raises it, in the same transaction; signing in, sessions, lockouts and
notifications never do; a change at one school leaves the others' alone."""

import datetime as dt

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from events.lunches import services as lunches
from events.twilights import services as twilights
from hub import moderation
from hub.content import school_changed, schools_changed
from hub.leaders.flagging import flag_contribution
from hub.leaders.settings_services import school_settings_save
from hub.learning import services as learning
from hub.models import AuditEntry, NoticeKind, PlacementState, School, Status
from hub.notifications import notify
from hub.people import services as people
from hub.placements import services as placements
from ideas.board import services as board
from ideas.scrapbook import services as scrapbook
from ideas.thursday import rota_services
from ideas.thursday import services as thursday
from ideas.thursday.swaps import swap_answer, swap_request
from tests.events.lunches.factories import LunchFactory
from tests.events.twilights.factories import PresenterFactory as TwilightPresenterFactory
from tests.events.twilights.factories import SignUpFactory as TwilightSignUpFactory
from tests.events.twilights.factories import TwilightFactory, in_days, network_of
from tests.factories import SchoolFactory, StaffFactory
from tests.hub.placements.factories import (
    head_of,
    make_ask,
    make_offer,
    make_placement,
    partner_school,
    trust_with,
)
from tests.ideas.board.factories import IdeaFactory
from tests.ideas.scrapbook.factories import ArticleFactory, EditionFactory
from tests.ideas.thursday.factories import QuestionFactory, RotaTurnFactory

pytestmark = pytest.mark.django_db


def version(school) -> int:
    return School.objects.values_list("content_version", flat=True).get(pk=school.pk)


class Watch:
    """`with watch.bumps(...)`: the school's version went up, the other school's did not."""

    def __init__(self, school, other_school):
        self.school, self.other = school, other_school

    def bumps(self, name: str):
        watch = self

        class Block:
            def __enter__(self):
                self.before = version(watch.school), version(watch.other)

            def __exit__(self, *exc):
                if exc[0] is None:
                    after = version(watch.school), version(watch.other)
                    assert after[0] > self.before[0], f"{name} did not bump the school"
                    assert after[1] == self.before[1], f"{name} bumped another school"

        return Block()


@pytest.fixture
def watch(school, other_school):
    return Watch(school, other_school)


def test_the_helper_adds_one_in_the_database_whatever_the_caller_read(school):
    stale_copy = School.objects.get(pk=school.pk)
    school_changed(school)
    school_changed(stale_copy.pk)
    assert version(school) == stale_copy.content_version + 2
    school_changed(None)  # a superuser without a school changes nothing


def test_a_rolled_back_change_leaves_the_version_as_it_was(school):
    before = version(school)
    with pytest.raises(RuntimeError), transaction.atomic():
        school_changed(school)
        raise RuntimeError
    assert version(school) == before


def test_a_job_bumps_only_the_schools_it_names(school, other_school):
    before = version(school), version(other_school)
    schools_changed([school.pk, school.pk, None])
    assert (version(school), version(other_school)) == (before[0] + 1, before[1])
    schools_changed([])  # no query, no change
    assert version(school) == before[0] + 1


def test_board_services_and_moderation_bump_the_school(watch, staff, moderator, school):
    school.moderation_mode = "pre"
    school.save()
    with watch.bumps("idea_create"):
        idea = board.idea_create(
            author=staff, title="Exit tickets", note="3 Qs", tags=[], colour="blue"
        )
    with watch.bumps("approve"):
        moderation.transition(idea, action="approve", actor=moderator)
    with watch.bumps("idea_update"):
        board.idea_update(
            idea=idea, editor=staff, title="Exit tickets!", note="3", tags=["a"], colour="blue"
        )
    with watch.bumps("reaction_add"):
        board.reaction_add(idea=idea, author=moderator, kind="will_try")
    with watch.bumps("reaction_add (a new reflection)"):
        board.reaction_add(idea=idea, author=moderator, kind="tried", reflection="Went well")
        board.reaction_add(idea=idea, author=moderator, kind="tried", reflection="Went very well")
    with watch.bumps("reaction_remove"):
        board.reaction_remove(idea=idea, author=moderator, kind="will_try")
    with watch.bumps("comment_add"):
        board.comment_add(idea=idea, author=moderator, text="Thank you")
    with watch.bumps("pick_idea_of_week"):
        board.pick_idea_of_week(idea=idea, actor=moderator, reason="Simple")
    with watch.bumps("celebrate"):
        moderation.celebrate(idea, actor=moderator, note="Well done")
    with watch.bumps("flag"):
        flag_contribution(contribution=idea, staff=moderator, reason="Check")
    with watch.bumps("dismiss_flags"):
        moderation.dismiss_flags(idea, actor=moderator)
    with watch.bumps("hide"):
        moderation.transition(idea, action="hide", actor=moderator, reason="Names a pupil")
    entry = AuditEntry.objects.filter(action="hide", object_id=idea.pk).latest("pk")
    with watch.bumps("undo"):
        moderation.undo(idea, entry=entry, actor=moderator, expected_version=idea.version)
    with watch.bumps("idea_delete"):
        board.idea_delete(idea=idea, actor=staff)


def test_thursday_services_bump_the_school(watch, staff, moderator, school):
    now = timezone.now()
    turn = RotaTurnFactory(
        school=school, staff=staff, date=timezone.localdate() + dt.timedelta(days=1)
    )
    with watch.bumps("question_write"):
        question = thursday.question_write(turn=turn, author=staff, text="Why?", now=now)
    with watch.bumps("question_update"):
        thursday.question_update(
            question=question, editor=staff, text="Why not?", context="", link="", tags=[],
            allow_anonymous=True, now=now,
        )  # fmt: skip
    live = QuestionFactory(school=school, author=staff, allow_anonymous=True)
    with watch.bumps("reply_create"):
        reply = thursday.reply_create(question=live, author=moderator, text="Because", now=now)
    with watch.bumps("builds_on_toggle"):
        thursday.builds_on_toggle(reply=reply, staff=staff)
    with watch.bumps("builds_on_toggle (unmark)"):
        thursday.builds_on_toggle(reply=reply, staff=staff)
    with watch.bumps("question_summarise"):
        thursday.question_summarise(question=live, author=staff, summary="We'll try it", now=now)
    today = timezone.localdate()
    with watch.bumps("closure_add"):
        rota_services.closure_add(school=school, first_day=today, last_day=None, reason="INSET")
    with watch.bumps("opt_out_add"):
        rota_services.opt_out_add(school=school, staff=moderator, reason="Part time")
    with watch.bumps("opt_out_remove"):
        rota_services.opt_out_remove(staff=moderator)
    with watch.bumps("rota_generate"):
        rota_services.rota_generate(
            school=school, start=today + dt.timedelta(days=7), end=today + dt.timedelta(days=60),
            by=moderator, today=today, tell_posers=False,
        )  # fmt: skip


def test_lunch_services_bump_the_school(watch, staff, moderator, school):
    day = timezone.localdate() + dt.timedelta(days=7)
    with watch.bumps("schedule_lunch"):
        lunch = lunches.schedule_lunch(
            school=school, created_by=moderator, date=day, start_time=dt.time(12),
            end_time=dt.time(12, 45), room="Staffroom", capacity=1,
        )  # fmt: skip
    with watch.bumps("sign_up"):
        lunches.sign_up(lunch_id=lunch.pk, staff=staff, plate="Scones", plate_kind="sweet")
    with watch.bumps("sign_up (waitlist)"):
        lunches.sign_up(lunch_id=lunch.pk, staff=moderator)
    with watch.bumps("cancel_sign_up"):
        lunches.cancel_sign_up(lunch_id=lunch.pk, staff=staff)
    with watch.bumps("update_lunch"):
        lunches.update_lunch(
            lunch_id=lunch.pk, date=day, start_time=dt.time(12), end_time=dt.time(12, 45),
            room="Library", capacity=5,
        )  # fmt: skip
    with watch.bumps("volunteer_input"):
        item = lunches.volunteer_input(
            lunch_id=lunch.pk, author=staff, title="Recall", kind="finding", summary="It works"
        )
    with watch.bumps("add_resources"):
        lunches.add_resources(item=item, link="https://example.org/slides")
    with watch.bumps("save_dietary_needs"):
        lunches.save_dietary_needs(staff=staff, text="No nuts")
    past = LunchFactory(school=school, starts_at=timezone.now() - dt.timedelta(hours=2))
    with watch.bumps("add_takeaway"):
        lunches.add_takeaway(lunch=past, author=staff, text="Three recall questions")


def test_scrapbook_services_bump_the_school(watch, staff, school_admin, school):
    with watch.bumps("article_create"):
        article = scrapbook.article_create(author=staff, title="Talk partners", what_i_did="Pairs")
    with watch.bumps("article_update"):
        scrapbook.article_update(article=article, editor=staff, title="Talk partners!")
    edition = EditionFactory(created_by=school_admin, school=school)
    published = ArticleFactory(author=staff, status=Status.PUBLISHED)
    with watch.bumps("edition_arrange"):
        scrapbook.edition_arrange(
            edition=edition, editor=school_admin, action="add", article_id=published.pk
        )
    with watch.bumps("edition_save"):
        edition.title = "Spring term"
        scrapbook.edition_save(edition=edition, editor=school_admin)
    with watch.bumps("article_delete"):
        scrapbook.article_delete(article=article, actor=staff)
    with watch.bumps("edition_delete"):
        scrapbook.edition_delete(edition=edition, editor=school_admin)


def test_people_services_bump_the_school(watch, staff, school_admin, school):
    with watch.bumps("staff_invite"):
        invited = people.staff_invite(
            school=school, email="new@oakfield.example", full_name="New Colleague",
            role="teacher", invited_by=school_admin,
        )  # fmt: skip
    with watch.bumps("staff_change_role"):
        people.staff_change_role(
            staff=staff,
            by=school_admin,
            role="teaching_assistant",
            is_moderator=False,
            is_school_admin=False,
        )
    with watch.bumps("staff_deactivate"):
        people.staff_deactivate(staff=invited, by=school_admin)
    with watch.bumps("staff_reactivate"):
        people.staff_reactivate(staff=invited)


def test_a_new_name_on_the_profile_bumps_the_school(watch, staff, client_for):
    client = client_for(staff)
    data = {"full_name": "Alice Renamed", "display_name": "", "job_title": "", "phase": "primary"}
    with watch.bumps("edit_profile"):
        assert client.post(reverse("hub:edit_profile"), data).status_code == 302


def test_signing_in_sessions_lockouts_and_notifications_never_bump(staff, school):
    staff.set_password("correct horse battery")
    staff.save()
    idea = IdeaFactory(author=staff)
    before = version(school)
    client = Client()
    login = reverse("login")
    for _ in range(3):  # wrong passwords: django-axes records each
        client.post(login, {"username": staff.email, "password": "wrong password!"})
    response = client.post(login, {"username": staff.email, "password": "correct horse battery"})
    assert response.status_code == 302  # signed in: last_login written, a new session
    assert client.get(reverse("hub:home")).status_code == 200
    notify(
        recipient=staff, kind=NoticeKind.COMMENT, target=idea, email_template="notice",
        context={"message": "Hello", "quote": ""}, message="Hello",
    )  # fmt: skip
    assert client.get(reverse("hub:notifications")).status_code == 200
    client.post(reverse("hub:mark_notifications_read"))
    client.post(reverse("logout"))
    assert version(school) == before


def test_changes_made_in_django_admin_bump_the_school_they_belong_to(watch, school, staff):
    from hub.models import Staff as StaffModel

    root = StaffModel.objects.create_superuser("root@staffroom.example", "a-long-secret")
    client = Client()
    client.force_login(root)
    idea = IdeaFactory(author=staff, title="Exit tickets")
    with watch.bumps("admin delete (action)"):
        response = client.post(
            reverse("admin:ideas_idea_changelist"),
            {"action": "delete_selected", "_selected_action": [idea.pk], "post": "yes"},
        )
        assert response.status_code == 302
    assert not idea.__class__.objects.filter(pk=idea.pk).exists()
    with watch.bumps("admin delete (one)"):
        other = IdeaFactory(author=staff)
        response = client.post(reverse("admin:ideas_idea_delete", args=[other.pk]), {"post": "yes"})
        assert response.status_code == 302


def test_an_accepted_rota_swap_bumps_the_school(watch, staff, moderator, school):
    day = timezone.localdate() + dt.timedelta(days=14)
    mine = RotaTurnFactory(school=school, staff=staff, date=day)
    theirs = RotaTurnFactory(school=school, staff=moderator, date=day + dt.timedelta(days=7))
    swap = swap_request(turn=mine, other=theirs, by=staff, moment=timezone.now())
    with watch.bumps("swap_answer (accept)"):
        swap_answer(swap=swap, by=moderator, answer="accept", moment=timezone.now())


def test_school_settings_bump_the_school_and_never_write_an_old_version_back(
    watch, moderator, school
):
    class NoTermChanges:
        def has_changed(self) -> bool:
            return False

    moderator.manages_settings = True
    moderator.save(update_fields=["manages_settings"])
    read = School.objects.get(pk=school.pk)
    # A colleague's change lands between reading the school and saving the settings.
    school_changed(school)
    read.time_zone = "Europe/Dublin"
    with watch.bumps("school_settings_save"):
        school_settings_save(
            school=read,
            editor=moderator,
            changed_fields=["time_zone"],
            terms_formset=NoTermChanges(),
        )
    assert version(school) == read.content_version + 2
    assert School.objects.get(pk=school.pk).time_zone == "Europe/Dublin"


def test_a_learning_note_bumps_the_school_its_dashboard_counts(watch, staff):
    with watch.bumps("note_add"):
        learning.note_add(staff=staff, text="Cold calling worked", tags=[], is_private=True)


def test_placement_services_bump_both_schools_when_a_profile_changes(watch, staff, school):
    """An approved placement is on the visitor's and the host's profiles; proposing and
    agreeing change no page a school shares."""
    partner = partner_school()
    trust = trust_with(school, partner)
    offer = make_offer(trust, StaffFactory(school=partner))
    placement = make_placement(make_ask(trust, staff), offer, state=PlacementState.AGREED)
    placements.placement_decide(placement=placement, by=head_of(partner), approve=True)
    partner_before = version(partner)
    with watch.bumps("placement_decide (both heads approved)"):
        placements.placement_decide(placement=placement, by=head_of(school), approve=True)
    assert version(partner) == partner_before + 1
    with watch.bumps("placement_withdraw"):
        placements.placement_withdraw(placement=placement, by=staff)


def test_twilight_services_bump_every_school_of_the_network(watch, staff, moderator, school):
    """A twilight shows on the pages of every school in its network, and of no other."""
    partner = SchoolFactory()
    network = network_of(school, partner)
    partner_watch = Watch(partner, watch.other)
    day = timezone.localdate() + dt.timedelta(days=7)
    with watch.bumps("schedule_twilight"), partner_watch.bumps("schedule_twilight"):
        twilight = twilights.schedule_twilight(
            network=network, host_school=school, created_by=moderator, kind="speed_learning",
            title="Speed Learning", date=day, start_time=dt.time(16), end_time=dt.time(17),
            capacity=1, presenter_cap=2, place="Library",
        )  # fmt: skip
    with watch.bumps("sign_up (presenter)"), partner_watch.bumps("sign_up"):
        twilights.sign_up(
            twilight_id=twilight.pk, staff=staff, role="presenter", idea_title="Cold calling",
            slot="nano",
        )  # fmt: skip
    with watch.bumps("sign_up (participant)"):
        twilights.sign_up(twilight_id=twilight.pk, staff=moderator, role="participant")
    with watch.bumps("make_table_plan"):
        twilights.make_table_plan(twilight_id=twilight.pk, actor=moderator, rounds=1)
    with watch.bumps("cancel_sign_up"):
        twilights.cancel_sign_up(twilight_id=twilight.pk, staff=moderator)
    teachmeet = TwilightFactory(network=network, host_school=school, created_by=moderator)
    TwilightSignUpFactory(
        twilight=teachmeet, staff=staff, role="presenter", idea_title="A", slot="nano"
    )
    with watch.bumps("draw_running_order"):
        twilights.draw_running_order(twilight_id=teachmeet.pk, actor=moderator)
    past = TwilightFactory(network=network, host_school=school, starts_at=in_days(-2))
    TwilightPresenterFactory(twilight=past, staff=staff)
    taking_part = TwilightSignUpFactory(twilight=past, staff=moderator)
    with watch.bumps("follow_up_twilight"), partner_watch.bumps("follow_up_twilight"):
        twilights.follow_up_twilight(twilight_id=past.pk)
    with watch.bumps("choose_idea_to_try"):
        twilights.choose_idea_to_try(
            twilight_id=past.pk,
            staff=taking_part.staff,
            presenter_sign_up_id=past.sign_ups.get(role="presenter").pk,
        )


def test_network_picks_celebrations_and_hides_bump_the_post_its_school(watch, staff, school):
    from hub.models import Visibility
    from ideas.network import services as network_services
    from tests.factories import NetworkFactory, StaffFactory

    trust = NetworkFactory()
    trust.schools.add(school)
    lead = StaffFactory(school=None)
    trust.leads.add(lead)
    idea = IdeaFactory(author=staff, visibility=Visibility.NETWORK)
    with watch.bumps("pick_network_idea"):
        network_services.pick_network_idea(network=trust, idea=idea, actor=lead)
    with watch.bumps("celebrate_in_network"):
        network_services.celebrate_in_network(network=trust, idea=idea, actor=lead, note="Yes")
    with watch.bumps("a network lead's hide"):
        moderation.transition(idea, action="hide", actor=lead, reason="No", network=trust)


def test_joining_and_leaving_a_network_bump_the_school(watch, school_admin, school):
    from hub.networks import services as networks
    from tests.factories import NetworkFactory, StaffFactory

    network = NetworkFactory()
    lead = StaffFactory()
    network.leads.add(lead)
    network.schools.add(lead.school)
    join_request, _ = networks.ask_to_join(network=network, school=school, by=school_admin)
    with watch.bumps("accepting a school into a network"):
        networks.answer_join_request(join_request=join_request, by=lead, accept=True)
    with watch.bumps("leaving a network"):
        networks.leave_network(network=network, school=school, by=school_admin)
