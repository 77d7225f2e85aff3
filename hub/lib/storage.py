"""Where uploaded and generated files live: the local disk or an S3-compatible bucket.

Both are Django storages (`STORAGES["default"]`), so every file is written and read
through `default_storage` or its field's storage, never through a path on disk:
several web servers and workers on other machines then see the same files.
"""

S3_BACKEND = "storages.backends.s3.S3Storage"
LOCAL_BACKEND = "django.core.files.storage.FileSystemStorage"

# Nothing is meant to link to the bucket: files are streamed by the views that check
# who may see them. Should anything still ask a file for its URL, the URL is signed
# and lives one minute.
SIGNED_URL_SECONDS = 60
# A file read from the bucket (to stream a download, to print a photo) is held in memory
# up to this size, then in a temporary file: a 30 MB export never sits in a worker's RAM.
READ_BUFFER_BYTES = 2_621_440


def s3_options(
    *,
    bucket: str,
    endpoint_url: str = "",
    region: str = "",
    access_key: str = "",
    secret_key: str = "",
    location: str = "",
    addressing_style: str = "",
) -> dict:
    """The OPTIONS of django-storages' S3Storage for a private bucket.

    Empty credentials leave boto3 to find its own (environment, instance role).
    """
    options: dict = {
        "bucket_name": bucket,
        # No ACL of our own: the object inherits the bucket's (private). A public-read
        # ACL would let anyone who learned a file's name fetch it without signing in.
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": SIGNED_URL_SECONDS,
        # Names are random; never overwrite one file with another by accident.
        "file_overwrite": False,
        "location": location,
        "max_memory_size": READ_BUFFER_BYTES,
    }
    optional = {
        "endpoint_url": endpoint_url,
        "region_name": region,
        "access_key": access_key,
        "secret_key": secret_key,
        "addressing_style": addressing_style,
    }
    options.update({key: value for key, value in optional.items() if value})
    return options
