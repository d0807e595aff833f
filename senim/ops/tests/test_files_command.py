"""`senim files backup|restore`: the files in the object store copied out and back, sealed ones
still sealed."""

from django.core.management import call_command

from senim.core import files

SECRET = b"%PDF-1.4 a declaration scan"


def test_files_are_backed_up_from_the_object_store_and_restored_into_an_empty_one(s3_storage, tmp_path, settings):
    sealed = files.file_save("conflicts/scans", SECRET, sealed=True)
    plain = files.file_save("awareness/documents", b"policy text", suffix=".txt")
    index = files.file_save("screening/indexes", b"rebuilt by a worker")
    backup = tmp_path / "backup"

    call_command("files", "backup", str(backup))
    assert (backup / plain).read_bytes() == b"policy text"
    assert (backup / sealed).is_file() and SECRET not in (backup / sealed).read_bytes()
    assert not (backup / index).exists()

    for name in (sealed, plain, index):
        files.file_delete(name)
    call_command("files", "restore", str(backup))
    assert files.file_read(sealed, sealed=True) == SECRET
    assert files.file_read(plain) == b"policy text"
