"""Files through Django's storage API, on the local disk or an S3-compatible object store."""

import os

import pytest
from cryptography.fernet import Fernet
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404

from senim.core import crypto, files, health

SECRET = "Иванов И.И. получил 5 000 000 тенге".encode()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"


def test_a_sealed_file_reaches_the_object_store_encrypted_and_reads_back_plain(s3_storage):
    name = files.file_save("conflicts/scans", SimpleUploadedFile("scan.pdf", SECRET), suffix=".pdf", sealed=True)
    stored = s3_storage.get_object(Bucket="senim-test", Key=name)["Body"].read()
    assert SECRET not in stored and crypto.decrypt(stored) == SECRET
    assert files.file_read(name, sealed=True) == SECRET
    with files.file_local(name, sealed=True) as path:
        assert path.read_bytes() == SECRET
    assert not path.exists()
    files.file_delete(name)
    assert not files.file_exists(name)
    with pytest.raises(FileNotFoundError):
        files.file_read(name, sealed=True)


def test_a_plain_file_is_streamed_as_it_is_and_a_missing_one_is_not_found(s3_storage):
    name = files.file_save("screening/lists", SimpleUploadedFile("list.csv", b"name\nIvan\n"), suffix=".csv")
    assert s3_storage.get_object(Bucket="senim-test", Key=name)["Body"].read() == b"name\nIvan\n"
    assert files.file_response(name, filename="list.csv").status_code == 200
    with pytest.raises(Http404):
        files.file_response("screening/lists/gone.csv")


def test_the_health_check_writes_reads_and_removes_a_probe_in_the_object_store(s3_storage):
    health.check_storage()  # raises if the store did not give back what was written
    assert s3_storage.list_objects_v2(Bucket="senim-test").get("KeyCount") == 0


def test_sweeping_an_area_deletes_only_old_files(tmp_path):
    old = files.file_save("org/imports", b"old", suffix=".csv", sealed=True)
    new = files.file_save("org/imports", b"new", suffix=".csv", sealed=True)
    path = tmp_path / "files" / old
    os.utime(path, (0, 0))
    assert files.area_sweep("org/imports", older_than_seconds=3600, sealed=True) == 1
    assert not files.file_exists(old) and files.file_exists(new)


def test_rotating_the_master_key_rewraps_sealed_files(settings, tmp_path):
    old_key = Fernet.generate_key().decode()
    settings.SENIM_MASTER_KEY = old_key
    name = files.file_save("conflicts/scans", SECRET, sealed=True)
    settings.SENIM_MASTER_KEY = f"{Fernet.generate_key().decode()},{old_key}"
    assert files.sealed_files_rewrap() == 1
    settings.SENIM_MASTER_KEY = settings.SENIM_MASTER_KEY.split(",")[0]  # the old key dropped
    assert files.file_read(name, sealed=True) == SECRET
