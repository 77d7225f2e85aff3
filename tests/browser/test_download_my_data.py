import zipfile

from playwright.sync_api import expect

from tests.browser.conftest import expect_accessible, screenshot, sign_in
from tests.ideas.board.factories import IdeaFactory


def test_a_colleague_downloads_their_data_from_their_profile(page, staff, tmp_path):
    IdeaFactory(author=staff, title="Cold calling with kindness")
    sign_in(page, staff, then_open="/profile/")
    page.get_by_role("link", name="Download my data").click()
    expect(page.get_by_role("heading", name="Download my data")).to_be_visible()
    expect_accessible(page)
    screenshot(page, "download-my-data")
    screenshot(page, "download-my-data", phone=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download my data (ZIP)").click()
    path = tmp_path / "mine.zip"
    download.value.save_as(path)
    with zipfile.ZipFile(path) as archive:
        assert b"Cold calling with kindness" in archive.read("ideas.idea.json")
