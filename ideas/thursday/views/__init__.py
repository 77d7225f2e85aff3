"""Thinking Thursday views: questions, replies, the archive, and the rota."""

from ideas.thursday.views.questions import (
    edit_question,
    question_detail,
    summarise_question,
    thursday,
    thursday_archive,
    thursday_print,
    write_question,
)
from ideas.thursday.views.replies import builds_on, reply
from ideas.thursday.views.rota import (
    closure_dates,
    delete_closure_date,
    edit_rota_turn,
    generate_rota,
    rota,
    rota_opt_in,
    rota_opt_out,
    swap_turn,
)

__all__ = [
    "builds_on",
    "closure_dates",
    "delete_closure_date",
    "edit_question",
    "edit_rota_turn",
    "generate_rota",
    "question_detail",
    "reply",
    "rota",
    "rota_opt_in",
    "rota_opt_out",
    "summarise_question",
    "swap_turn",
    "thursday",
    "thursday_archive",
    "thursday_print",
    "write_question",
]
