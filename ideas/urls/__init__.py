from django.urls import include, path

from ideas.urls import board, scrapbook, thursday

app_name = "ideas"

urlpatterns = [
    path("board/", include(board.urlpatterns)),
    path("thinking-thursday/", include(thursday.urlpatterns)),
    path("scrapbook/", include(scrapbook.urlpatterns)),
]
