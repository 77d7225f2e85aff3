"""Writing a one-page article, adding photos and sending it to the moderators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from hub.access import get_editable_or_404, get_visible_or_404
from hub.models import Status, Visibility
from hub.networks.sharing import offer_visibility
from ideas.board.public import draft_from_idea
from ideas.scrapbook import services
from ideas.scrapbook.export.contents import byline
from ideas.scrapbook.forms import ArticleForm, ArticleImageForm
from ideas.scrapbook.models import (
    MAX_IMAGES_PER_ARTICLE,
    Article,
    ArticleImage,
    Edition,
    word_budget,
)

PER_PAGE = 20


def _articles():
    return Article.objects.select_related("author").prefetch_related("images")


def _form_errors_to_messages(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
def scrapbook(request: HttpRequest) -> HttpResponse:
    """The school's approved articles, newest first, with the latest editions."""
    shared = (
        _articles()
        .visible_to(request.user)
        .filter(school_id=request.user.school_id, status=Status.PUBLISHED)
        .prefetch_related("co_authors")
    )
    page = Paginator(shared, PER_PAGE).get_page(request.GET.get("page"))
    latest = Edition.objects.visible_to(request.user)[:3]
    mine = Article.objects.filter(author_id=request.user.pk).exclude(status=Status.PUBLISHED)
    context = {
        "page": page,
        "articles": [(article, byline(article)) for article in page],
        "editions": latest,
        "unfinished": mine.count(),
        "can_edit_editions": services.can_edit_editions(request.user),
    }
    return render(request, "ideas/scrapbook/scrapbook.html", context)


@login_required
def my_articles(request: HttpRequest) -> HttpResponse:
    """Articles you wrote or co-wrote, in every state, with moderators' feedback."""
    mine = (
        # Co-authors see an article here once it is shared; until then it is its author's.
        Article.objects.filter(
            Q(author_id=request.user.pk) | Q(co_authors=request.user.pk, status=Status.PUBLISHED)
        )
        .distinct()
        .select_related("author")
        .order_by("-updated_at")
    )
    page = Paginator(mine, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "ideas/scrapbook/my_articles.html", {"page": page})


def _initial_from_query(request: HttpRequest) -> dict:
    """Start from one of your own board ideas (`?from_idea=<pk>`), or from title,
    what_i_did and tags given as query parameters."""
    idea_pk = request.GET.get("from_idea", "")
    if idea_pk.isdigit():
        return draft_from_idea(request.user, idea_pk)
    initial = {}
    for source, field, limit in (("title", "title", 120), ("what_i_did", "what_i_did", 3500)):
        if request.GET.get(source):
            initial[field] = request.GET[source][:limit]
    if request.GET.get("tags"):
        tags = [tag.strip()[:100] for tag in request.GET["tags"].split(",") if tag.strip()]
        initial["tags"] = ", ".join(tags[:10])
    return initial


@login_required
def write_article(request: HttpRequest) -> HttpResponse:
    form = ArticleForm(
        request.POST or None, author=request.user, initial=_initial_from_query(request)
    )
    offer_visibility(form, request.user.school)
    if request.method == "POST" and form.is_valid():
        try:
            article = services.article_create(author=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors_to_messages(request, error)
        else:
            if request.POST.get("then") == "photo":
                return _to_photo_step(request, article)
            messages.success(request, "Draft saved. Add photos, then send it when it’s ready.")
            return redirect(article)
    return render(
        request,
        "ideas/scrapbook/write_article.html",
        {"form": form, "budget": word_budget(0), "image_count": 0, "images": []},
    )


def _to_photo_step(request: HttpRequest, article: Article) -> HttpResponse:
    """Saved so a photo has an article to belong to; the photo page then brings you back."""
    messages.success(request, "Your draft is saved (only you can see it). Now choose a photo.")
    return redirect(f"{reverse('ideas:add_image', args=[article.pk])}?back=edit")


@login_required
def edit_article(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_editable_or_404(_articles(), request.user, pk=pk)
    if not article.is_editable:
        messages.info(request, "This article is with the moderators, so it can’t change now.")
        return redirect(article)
    images = list(article.images.all())
    image_count = len(images)
    form = ArticleForm(
        request.POST or None, instance=article, author=request.user, image_count=image_count
    )
    offer_visibility(form, article.school, current=article.visibility)
    if request.method == "POST" and form.is_valid():
        try:
            services.article_update(article=article, editor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors_to_messages(request, error)
        else:
            if request.POST.get("then") == "photo":
                return _to_photo_step(request, article)
            messages.success(request, "Changes saved.")
            return redirect(article)
    context = {
        "form": form,
        "article": article,
        "budget": word_budget(image_count),
        "image_count": image_count,
        "images": images,
    }
    return render(request, "ideas/scrapbook/write_article.html", context)


@login_required
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_visible_or_404(
        _articles().prefetch_related("co_authors", "tags"), request.user, pk=pk
    )
    sections = article.sections()
    is_author = article.author_id == request.user.pk
    images = list(article.images.all())
    context = {
        "article": article,
        "byline": byline(article),
        "sections": sections,
        "images": images,
        "is_author": is_author,
        "can_add_image": is_author and article.is_editable and len(images) < MAX_IMAGES_PER_ARTICLE,
        "words": article.word_count(),
        "budget": word_budget(len(images)),
    }
    return render(request, "ideas/scrapbook/article_detail.html", context)


@require_POST
@login_required
def submit_article(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_editable_or_404(Article.objects.all(), request.user, pk=pk)
    resubmitting = article.status == Status.RETURNED
    try:
        services.article_submit(article=article, author=request.user)
    except ValidationError as error:
        _form_errors_to_messages(request, error)
    else:
        messages.success(
            request,
            "Sent back to the moderators with your changes."
            if resubmitting
            else "Sent to the moderators. You’ll see here when it is approved.",
        )
    return redirect(article)


@login_required
def add_image(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_editable_or_404(Article.objects.all(), request.user, pk=pk)
    if not article.is_editable:
        messages.info(request, "This article is with the moderators, so photos can’t change now.")
        return redirect(article)
    # Came from the editor ("Save and add a photo"): go back to writing afterwards.
    back_to_editor = request.GET.get("back") == "edit"
    form = ArticleImageForm(
        request.POST or None,
        request.FILES or None,
        shared_beyond_school=article.visibility != Visibility.SCHOOL,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.image_add(
                article=article,
                uploader=request.user,
                clean=form.cleaned_image,
                **{k: form.cleaned_data[k] for k in ("alt_text", "caption", "shows_pupils")},
                consent_confirmed=form.cleaned_data["consent_confirmed"],
                consent_beyond_school=form.cleaned_data["consent_beyond_school"],
            )
        except ValidationError as error:
            _form_errors_to_messages(request, error)
        else:
            messages.success(request, "Photo added. Its location and camera details were removed.")
            if back_to_editor:
                return redirect("ideas:edit_article", pk=article.pk)
            return redirect(article)
    context = {"form": form, "article": article, "back_to_editor": back_to_editor}
    return render(request, "ideas/scrapbook/add_image.html", context)


def _visible_image(request: HttpRequest, pk: int) -> ArticleImage:
    visible_articles = Article.objects.visible_to(request.user)
    image = (
        ArticleImage.objects.filter(article__in=visible_articles, pk=pk)
        .select_related("article")
        .first()
    )
    if image is None:
        raise Http404("No such photo.")
    return image


@login_required
def article_image(request: HttpRequest, pk: int) -> FileResponse:
    """Photos may show pupils: served only to people who may see the article."""
    image = _visible_image(request, pk)
    response = FileResponse(image.print_image.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
def delete_image(request: HttpRequest, pk: int) -> HttpResponse:
    image = _visible_image(request, pk)
    if image.article.author_id != request.user.pk:
        raise PermissionDenied("Only the author can remove photos.")
    if request.method == "POST":
        try:
            services.image_delete(image=image, actor=request.user)
        except ValidationError as error:
            _form_errors_to_messages(request, error)
        else:
            messages.success(request, "Photo removed.")
        return redirect(image.article)
    return render(request, "ideas/scrapbook/delete_image.html", {"image": image})


@login_required
def delete_article(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_editable_or_404(Article.objects.all(), request.user, pk=pk)
    if not article.is_editable:
        messages.info(request, "Only drafts and returned articles can be deleted.")
        return redirect(article)
    if request.method == "POST":
        services.article_delete(article=article, actor=request.user)
        messages.success(request, f"“{article.title}” was deleted.")
        return redirect("ideas:my_articles")
    return render(request, "ideas/scrapbook/delete_article.html", {"article": article})
