"""Registers Thinking Thursday with hub: contribution kinds, home panel, jobs, demo content."""

from django.utils import timezone

from hub.registry import (
    register_contribution,
    register_demo_seeder,
    register_digest_section,
    register_home_panel,
    register_periodic_job,
)
from ideas.models import Question, Reply


def home_panel_context(staff) -> dict:
    """This week's question and who poses the next one; two queries."""
    from ideas.selectors.thursday import current_question, next_turn

    if staff.school_id is None:
        return {"thursday_question": None, "thursday_next_turn": None}
    moment = timezone.now()
    question = current_question(staff, moment)
    upcoming = next_turn(staff, moment.astimezone(staff.school.zone).date(), after=question)
    return {"thursday_question": question, "thursday_next_turn": upcoming}


def _seed(**kwargs) -> None:
    from ideas.demo_thursday import seed_thursday

    seed_thursday(**kwargs)


def _job(name: str):
    def run(now) -> None:
        from ideas.services import thursday_jobs

        getattr(thursday_jobs, name)(now)

    return run


register_contribution(
    Question, label="Thinking Thursday question", label_plural="Thinking Thursday questions"
)
register_contribution(Reply, label="Reply to a question", label_plural="Replies to questions")
register_home_panel(
    order=20,
    template_name="ideas/thursday/_home_panel.html",
    get_context=home_panel_context,
)
register_demo_seeder(order=20, name="Thinking Thursday", seed=_seed)
register_periodic_job(name="thursday_remind_posers", run=_job("remind_posers"))
register_periodic_job(name="thursday_flag_missed_turns", run=_job("flag_missed_turns"))
register_periodic_job(name="thursday_remind_summaries", run=_job("remind_summaries"))


def _question_this_week(school, week_start, week_end):
    from ideas.insights_thursday import question_this_week

    return question_this_week(school, week_start, week_end)


register_digest_section(
    order=20, template_name="ideas/thursday/_digest.html", get_context=_question_this_week
)


def _register_scale() -> None:
    from hub.registry import register_scale_generator
    from ideas.scale_thursday import generate_thursday

    register_scale_generator(order=20, name="ideas.thursday", generate=generate_thursday)


_register_scale()
