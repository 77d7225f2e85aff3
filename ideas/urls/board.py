from django.urls import path

from ideas.views import board

urlpatterns = [
    path("", board.board, name="board"),
]
