"""Benchmark: export a 200-article scrapbook edition (one photo each) to PDF.

    DJANGO_SETTINGS_MODULE=hub.settings .venv/bin/python bench/export_edition.py

By default it builds a throwaway SQLite database and media folder in a temp
directory; `--configured-db` uses the configured DATABASE_URL instead (it
creates its own school and deletes it afterwards). The export itself and the
WeasyPrint-only rendering of the same HTML each run in a fresh process, so
each peak RSS is that step's own. Targets: ≤ 10 s, < 400 MB, ratio ≤ 3.

`--storage s3` keeps the photos and the PDF in a bucket of a real S3 API on loopback
(moto's server, started for the run, as in the tests): the print images are then read
through the storage over HTTP, as on several servers sharing a bucket.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TARGET_SECONDS, TARGET_MB, TARGET_RATIO = 10.0, 400, 3.0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    import django

    django.setup()


def build(articles: int) -> int:
    """Create a school, staff and an edition of `articles` approved articles with a photo each."""
    import random

    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from hub.lib.images import clean_image
    from hub.models import School, Status
    from ideas.scrapbook.demo import demo_photo
    from ideas.scrapbook.models import Article, Edition, EditionArticle
    from ideas.scrapbook.services import article_create, image_add
    from tests.factories import StaffFactory

    rng = random.Random(7)
    school = School.objects.create(name="Benchmark Primary School", urn=f"B{rng.randrange(10**6)}")
    staff = [StaffFactory(school=school) for _ in range(25)]
    admin = StaffFactory(school=school, is_school_admin=True)
    paragraph = (
        "We tried a small change in how the lesson started, and pupils talked about their "
        "thinking with a partner before anyone answered aloud. "
    )
    photos = [clean_image(demo_photo(rng, f"Display {n}")) for n in range(20)]
    edition = Edition.objects.create(school=school, title="Benchmark edition", created_by=admin)
    for n in range(articles):
        author = staff[n % len(staff)]
        article = article_create(
            author=author,
            title=f"Article {n + 1}: a practical idea that worked",
            phase="ks2",
            year_group="Year 5",
            subject_or_area="English",
            what_i_did=paragraph * 4,
            what_happened=paragraph * 3,
            try_it_yourself="- Start small\n- Model it yourself\n- Keep going for a term",
        )
        image_add(article=article, uploader=author, clean=photos[n % 20], alt_text="A display")
        EditionArticle.objects.create(edition=edition, article=article, position=n)
    Article.objects.filter(school=school).update(status=Status.PUBLISHED)
    return edition.pk


def warm_up() -> None:
    """A one-line render first, as a long-lived worker has already done: fonts and
    WeasyPrint's own start-up are then not charged to whichever step runs first."""
    from weasyprint import HTML

    HTML(string="<p>warm-up</p>").write_pdf()


def run_export(edition_id: int, out: Path) -> dict:
    """The app's own export path, as the task runs it: queries, template, WeasyPrint."""
    django_setup()
    warm_up()
    from ideas.scrapbook.export.pdf import edition_html, write_edition_pdf
    from ideas.scrapbook.models import Edition

    started = time.perf_counter()
    edition = Edition.objects.select_related("school").get(pk=edition_id)
    pages = write_edition_pdf(edition, out / "edition.pdf")
    seconds = time.perf_counter() - started
    (out / "edition.html").write_text(edition_html(edition))  # for the WeasyPrint-only run
    return {"seconds": seconds, "pages": pages, "rss_mb": peak_rss_mb()}


def run_weasyprint_only(out: Path) -> dict:
    """The same HTML and CSS rendered by WeasyPrint alone: the floor for the app's time."""
    django_setup()
    from weasyprint import HTML

    from ideas.scrapbook.export.pdf import StoredFilesFetcher, print_stylesheet

    html = (out / "edition.html").read_text()
    warm_up()
    started = time.perf_counter()
    fetcher = StoredFilesFetcher()
    fetcher.read_ahead_for(html)
    document = HTML(string=html, url_fetcher=fetcher).render(stylesheets=[print_stylesheet()])
    document.write_pdf(target=str(out / "plain.pdf"))
    return {"seconds": time.perf_counter() - started, "rss_mb": peak_rss_mb()}


def child(step: str, *args: str) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--step", step, *args],
        check=True,
        capture_output=True,
        text=True,
        env=os.environ,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--configured-db", action="store_true")
    parser.add_argument("--storage", choices=("local", "s3"), default="local")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--edition", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    options = parser.parse_args()

    if options.step == "build":
        django_setup()
        print(json.dumps({"edition": build(options.articles)}))
        return 0
    if options.step == "export":
        print(json.dumps(run_export(options.edition, Path(options.out))))
        return 0
    if options.step == "weasyprint":
        print(json.dumps(run_weasyprint_only(Path(options.out))))
        return 0

    workdir = Path(tempfile.mkdtemp(prefix="scrapbook-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    os.environ["STAFFROOM_MEDIA_ROOT"] = str(workdir / "media")
    if not options.configured_db:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    if options.storage == "s3":
        server = start_loopback_bucket()
        try:
            return measure(options, workdir)
        finally:
            server.stop()
    return measure(options, workdir)


def start_loopback_bucket():
    """moto's S3 server on a free port and one bucket; the children find it through
    STAFFROOM_STORAGE and the AWS_ variables, as a deployment would."""
    from tests import s3_server

    server = s3_server.S3Server()
    s3_server.wait_until_ready(server.url, server.process)
    bucket = s3_server.Bucket(server.url)
    os.environ.update(
        STAFFROOM_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME=bucket.name,
        AWS_S3_ENDPOINT_URL=server.url,
        AWS_S3_REGION_NAME=s3_server.REGION,
        AWS_ACCESS_KEY_ID=s3_server.ACCESS_KEY,
        AWS_SECRET_ACCESS_KEY=s3_server.SECRET_KEY,
    )
    return server


def measure(options, workdir: Path) -> int:
    print(f"Building {options.articles} articles with one photo each in {workdir} …")
    edition = child("build", "--articles", str(options.articles))["edition"]
    app = child("export", "--edition", str(edition), "--out", str(workdir))
    plain = child("weasyprint", "--out", str(workdir))
    size_mb = (workdir / "edition.pdf").stat().st_size / 1024 / 1024
    ratio = app["seconds"] / plain["seconds"]
    print(f"storage           {options.storage}")
    print(f"articles          {options.articles}")
    print(f"pages             {app['pages']}")
    print(f"export seconds    {app['seconds']:.2f}   (target ≤ {TARGET_SECONDS:.0f})")
    print(f"peak RSS          {app['rss_mb']:.0f} MB   (target < {TARGET_MB})")
    print(f"PDF size          {size_mb:.1f} MB")
    print(f"WeasyPrint alone  {plain['seconds']:.2f} s, peak RSS {plain['rss_mb']:.0f} MB")
    print(f"ratio             {ratio:.2f}   (target ≤ {TARGET_RATIO:.0f})")
    if options.configured_db:
        child_cleanup(edition)
    ok = app["seconds"] <= TARGET_SECONDS and app["rss_mb"] < TARGET_MB and ratio <= TARGET_RATIO
    print("within targets" if ok else "OUTSIDE TARGETS")
    return 0 if ok else 1


def child_cleanup(edition_id: int) -> None:
    django_setup()
    from hub.models import School, Staff
    from ideas.scrapbook.models import Article, Edition

    school_id = Edition.objects.get(pk=edition_id).school_id
    Edition.objects.filter(school_id=school_id).delete()
    Article.objects.filter(school_id=school_id).delete()
    Staff.objects.filter(school_id=school_id).delete()
    School.objects.filter(pk=school_id).delete()


if __name__ == "__main__":
    sys.exit(main())
