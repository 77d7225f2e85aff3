"""Editions: assembling approved articles, and reading an edition online."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.views.decorators.http import require_POST

from hub.access import get_visible_or_404
from hub.decorators import school_page
from hub.fragments import Fragment, personal, render_fragment, school_fragment
from hub.models import Status
from ideas.scrapbook import services
from ideas.scrapbook.export.contents import (
    article_sections,
    byline,
    cover_kicker,
    edition_articles,
)
from ideas.scrapbook.forms import ArticleFilterForm, EditionForm, ExportForm
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
    context = {"form": form, "edition": edition, **_arrange_context(request, edition, request.GET)}
    if request.htmx and request.htmx.target == "available":
        return render(request, "ideas/scrapbook/edition_form.html#available", context)
    return render(request, "ideas/scrapbook/edition_form.html", context)


def _arrange_context(request: HttpRequest, edition: Edition, params) -> dict:
    """The chosen articles in order, and the approved ones to add, filtered (4 queries)."""
    chosen = list(edition.entries.select_related("article__author").order_by("position", "pk"))
    filters = ArticleFilterForm(params, school=edition.school)
    available = filters.apply(
        Article.objects.filter(school_id=edition.school_id, status=Status.PUBLISHED)
        .exclude(pk__in=[entry.article_id for entry in chosen])
        .select_related("author")
        .order_by("-created_at")
    )
    page = Paginator(available, 25).get_page(params.get("page"))
    return {
        "chosen": chosen,
        "positions": range(1, len(chosen) + 1),
        "page": page,
        "filters": filters,
        "filter_query": filters.query_string(),
    }


def _announcement(action: str, title: str, order: list[int], article_id: int) -> str:
    if action == "remove":
        return f"“{title}” was taken out. {len(order)} article{pluralize(len(order))} left."
    position = order.index(article_id) + 1
    if action == "add":
        return f"“{title}” was added as number {position} of {len(order)}."
    return f"“{title}” is now number {position} of {len(order)}."


@require_POST
@login_required
def arrange_edition(request: HttpRequest, pk: int) -> HttpResponse:
    """Add, take out or move one article: htmx swaps the lists in place, a plain POST reloads."""
    edition = _editable_edition(request, pk)
    article_id = request.POST.get("article", "")
    position = request.POST.get("position", "")
    action = request.POST.get("action", "")
    moved = None
    announcement, failed = "", False
    try:
        order = services.edition_arrange(
            edition=edition,
            editor=request.user,
            action=action,
            article_id=int(article_id) if article_id.isdigit() else 0,
            position=int(position) if position.isdigit() else None,
        )
    except ValidationError as error:
        announcement, failed = " ".join(error.messages), True
    else:
        moved = int(article_id)
        title = Article.objects.filter(pk=moved).values_list("title", flat=True).first() or ""
        announcement = _announcement(action, title, order, moved)
    if request.htmx:
        context = {
            "edition": edition,
            "announcement": announcement,
            "announcement_failed": failed,
            "focus_article": moved if action != "remove" else None,
            **_arrange_context(request, edition, request.POST),
        }
        return render(request, "ideas/scrapbook/edition_form.html#arrange", context)
    (messages.error if failed else messages.success)(request, announcement)
    filters = ArticleFilterForm(request.POST, school=edition.school)
    query = filters.query_string()
    return redirect(f"{edition.get_absolute_url()}edit/{'?' + query if query else ''}#chosen")


@login_required
@school_page
def edition_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The edition online: cover, contents and every article (a fixed number of queries)."""
    edition = get_visible_or_404(Edition.objects.select_related("school"), request.user, pk=pk)

    def build() -> Fragment:
        entries = [
            {"article": article, "byline": byline(article), "sections": article_sections(article)}
            for article in edition_articles(edition)
        ]
        context = {"edition": edition, "entries": entries}
        html = render_fragment("ideas/scrapbook/_edition_body.html", context, request)
        return Fragment(html, len(entries))

    # Keyed on the edition's own school: an edition shared beyond it is the same for all.
    body = school_fragment(edition.school, "edition-body", build, parts=[edition.pk])
    can_edit = services.can_edit_editions(request.user)
    exports = list(edition.exports.order_by("-created_at")[:6]) if can_edit else []
    context = {
        "edition": edition,
        "kicker": cover_kicker(edition),
        "body": personal(body, request),
        "article_count": body.data,
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
