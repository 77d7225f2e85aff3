from tests.ideas.board.factories import IdeaFactory
from tests.permissions.matrix import Row, World, everyone


def staffs_idea(world: World) -> dict:
    return {"pk": IdeaFactory(author=world.people["staff"]).pk}


AUTHOR_ONLY = everyone(403, staff=200, outsider=404)

ROWS = [
    Row("ideas:how_did_it_go", everyone(200, outsider=404), kwargs=staffs_idea),
    Row(
        "ideas:how_did_it_go",
        everyone(302, outsider=404),
        method="post",
        kwargs=staffs_idea,
        data=lambda world: {"answer": "not_yet"},
        note="'didn't get to it' from anyone who can see the idea; another school's: 404",
    ),
    Row("ideas:take_it_further", AUTHOR_ONLY, kwargs=staffs_idea),
    Row("ideas:board", everyone(200)),
    Row("ideas:board_archive", everyone(200)),
    Row("ideas:board_print", everyone(200)),
    Row("ideas:tag_suggestions", everyone(200)),
    Row("ideas:post_idea", everyone(200)),
    Row("ideas:idea_detail", everyone(200, outsider=404), kwargs=staffs_idea),
    Row("ideas:edit_idea", AUTHOR_ONLY, kwargs=staffs_idea),
    Row("ideas:delete_idea", AUTHOR_ONLY, kwargs=staffs_idea),
    Row(
        "ideas:react",
        everyone(302, outsider=404),
        method="post",
        kwargs=staffs_idea,
        data=lambda world: {"kind": "will_try"},
    ),
    Row(
        "ideas:comment",
        everyone(302, outsider=404),
        method="post",
        kwargs=staffs_idea,
        data=lambda world: {"text": "Thank you, I will try this."},
    ),
    Row(
        "ideas:pick_idea_of_week",
        everyone(403, moderator=302),
        method="post",
        kwargs=staffs_idea,
        note="non-moderators (the outsider too) are refused before any lookup",
    ),
]
