"""Registers Thinking Thursday with hub: contribution kinds, home panel, digest, jobs,
demo and scale data."""

from django.utils import timezone

from hub.fragments import Fragment, school_fragment
from hub.registry import (
    register_contribution,
    register_demo_seeder,
    register_digest_section,
    register_display_section,
    register_home_panel,
    register_learning_source,
    register_periodic_job,
    register_scale_generator,
    register_topic_action,
)
from ideas.thursday import jobs
from ideas.thursday.demo import seed_thursday
from ideas.thursday.models import Question, Reply
from ideas.thursday.scale import generate_thursday
from ideas.thursday.selectors import (
    current_question,
    learning_entries,
    next_turn,
    question_for_display,
    question_this_week,
    write_question_for,
)


def home_panel_context(staff) -> dict:
    """This week's question and who poses the next one; two queries."""
    if staff.school_id is None:
        return {"thursday_question": None, "thursday_next_turn": None}
    moment = timezone.now()

    def build() -> Fragment:
        question = current_question(staff, moment)
        upcoming = next_turn(staff, moment.astimezone(staff.school.zone).date(), after=question)
        return Fragment("", {"thursday_question": question, "thursday_next_turn": upcoming})

    # The same for everyone at the school (the template says "yours" to the poser); the
    # question opens at a set time, so the minute is part of the key.
    minute = moment.strftime("%Y%m%d%H%M")
    return school_fragment(staff.school, "thursday-home", build, parts=[minute]).data


register_contribution(
    Question,
    label="Thinking Thursday question",
    label_plural="Thinking Thursday questions",
    queue_template="ideas/thursday/_queue_question.html",
)
register_contribution(
    Reply,
    label="Reply to a question",
    label_plural="Replies to questions",
    queue_template="ideas/thursday/_queue_reply.html",
)
register_home_panel(
    name="thursday",
    template_name="ideas/thursday/_home_panel.html",
    get_context=home_panel_context,
)
register_display_section(
    name="thursday",
    title="Thinking Thursday",
    template_name="ideas/thursday/_display.html",
    get_context=question_for_display,
)
register_digest_section(
    name="thursday", template_name="ideas/thursday/_digest.html", get_context=question_this_week
)
register_periodic_job(name="thursday_remind_posers", run=jobs.remind_posers)
register_periodic_job(name="thursday_flag_missed_turns", run=jobs.flag_missed_turns)
register_periodic_job(name="thursday_remind_summaries", run=jobs.remind_summaries)
register_demo_seeder(order=20, name="Thinking Thursday", seed=seed_thursday)
register_scale_generator(order=20, name="ideas.thursday", generate=generate_thursday)
register_learning_source(order=20, name="thursday", entries=learning_entries)
register_topic_action(
    order=20,
    name="thursday",
    label="Ask it as your Thinking Thursday question",
    url_for=write_question_for,
)
