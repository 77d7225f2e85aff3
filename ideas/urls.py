from django.urls import include, path

from ideas.board import urls as board
from ideas.network import urls as network
from ideas.scrapbook import urls as scrapbook
from ideas.thursday import urls as thursday

app_name = "ideas"

urlpatterns = [
    path("board/", include(board.urlpatterns)),
    path("thinking-thursday/", include(thursday.urlpatterns)),
    path("scrapbook/", include(scrapbook.urlpatterns)),
    path("across/", include(network.urlpatterns)),
]
