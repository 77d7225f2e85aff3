from django.urls import path

from ideas.board.views import follow_up, ideas, pages, responses

urlpatterns = [
    path("", pages.board, name="board"),
    path("archive/", pages.board_archive, name="board_archive"),
    path("print/", pages.board_print, name="board_print"),
    path("tags/", pages.tag_suggestions, name="tag_suggestions"),
    path("post/", ideas.post_idea, name="post_idea"),
    path("<int:pk>/", ideas.idea_detail, name="idea_detail"),
    path("<int:pk>/edit/", ideas.edit_idea, name="edit_idea"),
    path("<int:pk>/delete/", ideas.delete_idea, name="delete_idea"),
    path("<int:pk>/react/", responses.react, name="react"),
    path("<int:pk>/comment/", responses.comment, name="comment"),
    path("<int:pk>/pick/", responses.pick_idea_of_week, name="pick_idea_of_week"),
    path("<int:pk>/how-did-it-go/", follow_up.how_did_it_go, name="how_did_it_go"),
    path("<int:pk>/take-it-further/", follow_up.take_it_further, name="take_it_further"),
]
