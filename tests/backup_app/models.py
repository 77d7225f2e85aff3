import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from taggit.managers import TaggableManager

from hub.models import Contribution


class PrivateStorage(FileSystemStorage):
    """Generated files kept apart from uploads, the way a feature may keep its exports."""

    @property
    def base_location(self):
        return Path(settings.MEDIA_ROOT) / "private"

    @property
    def location(self):
        return os.path.abspath(self.base_location)


private_storage = PrivateStorage()


class Article(Contribution):
    title = models.CharField(max_length=200)
    tags = TaggableManager(blank=True)

    def __str__(self) -> str:
        return self.title

    def moderation_title(self) -> str:
        return self.title

    def moderation_body(self) -> str:
        return self.title


class ArticleImage(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(upload_to="articles/%Y/")
    caption = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return self.caption


class Edition(models.Model):
    school = models.ForeignKey("hub.School", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=200)
    articles = models.ManyToManyField(Article, related_name="editions")

    def __str__(self) -> str:
        return self.title


class EditionExport(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="exports")
    pdf = models.FileField(storage=private_storage, upload_to="exports/")

    def __str__(self) -> str:
        return self.pdf.name
