"""hub.lib.storage: the options of a private bucket, whatever the environment gives."""

from hub.lib.storage import SIGNED_URL_SECONDS, s3_options


def test_a_bucket_gets_no_public_acl_and_only_short_signed_urls():
    options = s3_options(bucket="staffroom-files")
    assert options["default_acl"] is None  # each object inherits the private bucket's
    assert options["querystring_auth"] is True
    assert options["querystring_expire"] == SIGNED_URL_SECONDS <= 60
    assert options["file_overwrite"] is False


def test_empty_settings_are_left_to_boto3():
    """An empty key pair or region would override boto3's own (an instance role, ~/.aws)."""
    options = s3_options(bucket="staffroom-files", access_key="", secret_key="", region="")
    assert not {"access_key", "secret_key", "region_name", "endpoint_url"} & set(options)


def test_given_settings_are_passed_on():
    options = s3_options(
        bucket="staffroom-files",
        endpoint_url="https://s3.example.net",
        region="eu-west-2",
        access_key="key",
        secret_key="secret",
        location="oakfield",
        addressing_style="path",
    )
    assert options["endpoint_url"] == "https://s3.example.net"
    assert (options["region_name"], options["location"]) == ("eu-west-2", "oakfield")
    assert (options["access_key"], options["secret_key"]) == ("key", "secret")
    assert options["addressing_style"] == "path"
