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
    opt_me_in,
    opt_me_out,
    rota,
    rota_opt_in,
    rota_opt_out,
)
from ideas.thursday.views.swaps import answer_swap, swap_request_detail, swap_turn

__all__ = [
    "answer_swap",
    "builds_on",
    "closure_dates",
    "delete_closure_date",
    "edit_question",
    "edit_rota_turn",
    "generate_rota",
    "opt_me_in",
    "opt_me_out",
    "question_detail",
    "reply",
    "rota",
    "rota_opt_in",
    "rota_opt_out",
    "summarise_question",
    "swap_request_detail",
    "swap_turn",
    "thursday",
    "thursday_archive",
    "thursday_print",
    "write_question",
]
