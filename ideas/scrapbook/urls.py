from django.urls import path

from ideas.scrapbook import views as scrapbook

urlpatterns = [
    path("", scrapbook.scrapbook, name="scrapbook"),
    path("write/", scrapbook.write_article, name="write_article"),
    path("mine/", scrapbook.my_articles, name="my_articles"),
    path("articles/<int:pk>/", scrapbook.article_detail, name="article_detail"),
    path("articles/<int:pk>/edit/", scrapbook.edit_article, name="edit_article"),
    path("articles/<int:pk>/submit/", scrapbook.submit_article, name="submit_article"),
    path("articles/<int:pk>/delete/", scrapbook.delete_article, name="delete_article"),
    path("articles/<int:pk>/photos/add/", scrapbook.add_image, name="add_image"),
    path("photos/<int:pk>/", scrapbook.article_image, name="article_image"),
    path("photos/<int:pk>/remove/", scrapbook.delete_image, name="delete_image"),
    path("editions/", scrapbook.editions, name="editions"),
    path("editions/new/", scrapbook.create_edition, name="create_edition"),
    path("editions/<int:pk>/", scrapbook.edition_detail, name="edition_detail"),
    path("editions/<int:pk>/edit/", scrapbook.edit_edition, name="edit_edition"),
    path("editions/<int:pk>/delete/", scrapbook.delete_edition, name="delete_edition"),
    path("editions/<int:pk>/arrange/", scrapbook.arrange_edition, name="arrange_edition"),
    path("editions/<int:pk>/cover/", scrapbook.edition_cover, name="edition_cover"),
    path("editions/<int:pk>/export/", scrapbook.export_edition, name="export_edition"),
    path("exports/<int:pk>/", scrapbook.export_status, name="export_status"),
    path("exports/<int:pk>/download/", scrapbook.download_export, name="download_export"),
]
