from django.urls import path

from ideas.thursday import views

urlpatterns = [
    path("", views.thursday, name="thursday"),
    path("questions/<int:pk>/", views.question_detail, name="question_detail"),
    path("questions/<int:pk>/edit/", views.edit_question, name="edit_question"),
    path("questions/<int:pk>/reply/", views.reply, name="reply"),
    path("questions/<int:pk>/summary/", views.summarise_question, name="summarise_question"),
    path("replies/<int:pk>/builds-on/", views.builds_on, name="builds_on"),
    path("archive/", views.thursday_archive, name="thursday_archive"),
    path("print/", views.thursday_print, name="thursday_print"),
    path("rota/", views.rota, name="rota"),
    path("rota/generate/", views.generate_rota, name="generate_rota"),
    path("rota/turns/<int:pk>/write/", views.write_question, name="write_question"),
    path("rota/turns/<int:pk>/edit/", views.edit_rota_turn, name="edit_rota_turn"),
    path("rota/turns/<int:pk>/swap/", views.swap_turn, name="swap_turn"),
    path("rota/swaps/<int:pk>/", views.swap_request_detail, name="swap_request"),
    path("rota/swaps/<int:pk>/answer/", views.answer_swap, name="answer_swap"),
    path("rota/me/opt-out/", views.opt_me_out, name="opt_me_out"),
    path("rota/me/opt-in/", views.opt_me_in, name="opt_me_in"),
    path("rota/closures/", views.closure_dates, name="closure_dates"),
    path("rota/closures/<int:pk>/delete/", views.delete_closure_date, name="delete_closure_date"),
    path("rota/opt-outs/", views.rota_opt_out, name="rota_opt_out"),
    path("rota/opt-outs/<int:pk>/delete/", views.rota_opt_in, name="rota_opt_in"),
]
