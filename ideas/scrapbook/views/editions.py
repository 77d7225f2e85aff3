"""Editions: assembling approved articles, and reading an edition online."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hub.access import get_visible_or_404
from hub.models import Status
from hub.ops.page_cache import cached_page
from ideas.scrapbook import services
from ideas.scrapbook.export.contents import article_sections, byline, edition_articles
from ideas.scrapbook.forms import EditionForm, ExportForm
from ideas.scrapbook.models import Article, Edition


def _editable_edition(request: HttpRequest, pk: int) -> Edition:
    """404 beyond the school, 403 for colleagues who are neither moderators nor admins."""
    edition = get_visible_or_404(Edition.objects.all(), request.user, pk=pk)
    services.require_edition_editor(request.user)
    return edition


@login_required
def editions(request: HttpRequest) -> HttpResponse:
    found = Edition.objects.visible_to(request.user).select_related("school")
    page = Paginator(found, 20).get_page(request.GET.get("page"))
    can_edit = services.can_edit_editions(request.user)
    return render(
        request, "ideas/scrapbook/editions.html", {"page": page, "can_edit_editions": can_edit}
    )


@login_required
def create_edition(request: HttpRequest) -> HttpResponse:
    services.require_edition_editor(request.user)
    form = EditionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        edition = services.edition_save(
            edition=form.instance, editor=request.user, cover=form.cleaned_cover
        )
        messages.success(request, "Edition created. Now choose its articles.")
        return redirect("ideas:edit_edition", pk=edition.pk)
    return render(request, "ideas/scrapbook/edition_form.html", {"form": form})


@login_required
def edit_edition(request: HttpRequest, pk: int) -> HttpResponse:
    edition = _editable_edition(request, pk)
    form = EditionForm(request.POST or None, request.FILES or None, instance=edition)
    if request.method == "POST" and form.is_valid():
        services.edition_save(edition=form.instance, editor=request.user, cover=form.cleaned_cover)
        messages.success(request, "Edition saved.")
        return redirect("ideas:edit_edition", pk=edition.pk)
    chosen = list(edition.entries.select_related("article__author").order_by("position", "pk"))
    available = (
        Article.objects.filter(school_id=edition.school_id, status=Status.PUBLISHED)
        .exclude(pk__in=[entry.article_id for entry in chosen])
        .select_related("author")
        .order_by("-created_at")
    )
    page = Paginator(available, 25).get_page(request.GET.get("page"))
    context = {"form": form, "edition": edition, "chosen": chosen, "page": page}
    return render(request, "ideas/scrapbook/edition_form.html", context)


@require_POST
@login_required
def arrange_edition(request: HttpRequest, pk: int) -> HttpResponse:
    edition = _editable_edition(request, pk)
    article_id = request.POST.get("article", "")
    try:
        services.edition_arrange(
            edition=edition,
            editor=request.user,
            action=request.POST.get("action", ""),
            article_id=int(article_id) if article_id.isdigit() else 0,
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect(f"{edition.get_absolute_url()}edit/#chosen")


@login_required
@cached_page
def edition_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The edition online: cover, contents and every article (a fixed number of queries)."""
    edition = get_visible_or_404(Edition.objects.select_related("school"), request.user, pk=pk)
    articles = edition_articles(edition)
    entries = [
        {
            "article": article,
            "byline": byline(article),
            "sections": article_sections(article),
        }
        for article in articles
    ]
    can_edit = services.can_edit_editions(request.user)
    exports = list(edition.exports.order_by("-created_at")[:6]) if can_edit else []
    context = {
        "edition": edition,
        "entries": entries,
        "can_edit_editions": can_edit,
        "exports": exports,
        "export_form": ExportForm() if can_edit else None,
    }
    return render(request, "ideas/scrapbook/edition_detail.html", context)


@login_required
def delete_edition(request: HttpRequest, pk: int) -> HttpResponse:
    edition = _editable_edition(request, pk)
    if request.method == "POST":
        services.edition_delete(edition=edition, editor=request.user)
        messages.success(request, f"The edition “{edition.title}” was deleted.")
        return redirect("ideas:editions")
    return render(request, "ideas/scrapbook/delete_edition.html", {"edition": edition})


@login_required
def edition_cover(request: HttpRequest, pk: int) -> FileResponse:
    edition = get_visible_or_404(Edition.objects.all(), request.user, pk=pk)
    if not edition.cover_image:
        raise Http404("This edition has no cover photo.")
    response = FileResponse(edition.cover_image.open("rb"))
    # A cover may show pupils: kept by this person's browser only, like article photos.
    response["Cache-Control"] = "private, max-age=3600"
    return response
