"""Django admin for superusers: scrapbook articles, photos, editions and exports."""

from django.contrib import admin

from hub.content import SchoolContentAdmin
from ideas.scrapbook.models import Article, ArticleImage, Edition, EditionArticle, EditionExport

__all__: list[str] = []


class ArticleImageInline(admin.TabularInline):
    model = ArticleImage
    extra = 0
    fields = ["caption", "alt_text", "shows_pupils", "consent_confirmed", "consent_confirmed_by"]
    readonly_fields = ["consent_confirmed_by"]


@admin.register(Article)
class ArticleAdmin(SchoolContentAdmin, admin.ModelAdmin):
    list_display = ["title", "author", "school", "status", "created_at"]
    list_filter = ["status", "school"]
    search_fields = ["title", "author__full_name"]
    raw_id_fields = ["author", "co_authors"]
    # Workflow changes belong to hub.moderation, not to a dropdown here.
    readonly_fields = ["status", "version", "moderation_note"]
    inlines = [ArticleImageInline]


class EditionArticleInline(admin.TabularInline):
    model = EditionArticle
    extra = 0
    raw_id_fields = ["article"]


@admin.register(Edition)
class EditionAdmin(SchoolContentAdmin, admin.ModelAdmin):
    list_display = ["title", "school", "is_published", "created_at"]
    list_filter = ["school"]
    inlines = [EditionArticleInline]


@admin.register(EditionExport)
class EditionExportAdmin(admin.ModelAdmin):
    list_display = ["edition", "format", "status", "progress", "created_at", "finished_at"]
    list_filter = ["status", "format"]
