"""`senim files upgrade`: files an earlier release kept under SENIM_DATA_DIR (the row holding the bare
name there) are moved into the storage, sealed where the module now seals them, and the modules find
them again; a second run changes nothing."""

import io
import os
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from conftest import S3_BUCKET
from senim.accounts.tests.factories import user_with_role
from senim.awareness import services as awareness
from senim.awareness.models import VersionFile
from senim.conflicts.models import Declaration
from senim.conflicts.tests.factories import submit
from senim.core import files
from senim.core.audit import AuditEvent
from senim.counterparties import services as counterparties
from senim.counterparties.models import Document
from senim.counterparties.tests.factories import CounterpartyFactory
from senim.ops import files_upgrade
from senim.org.models import ImportJob

pytestmark = pytest.mark.django_db

SCAN = b"%PDF-1.4 a signed paper declaration"
CONTRACT = b"%PDF-1.4 the counterparty's contract"
POLICY = "Работник не принимает подарки.".encode()
HR_FILE = b"personnel_number,last_name\n1,Abenov\n"


def _make_old(data_dir: Path, folder: str, instance, field: str, old_name: str) -> None:  # type: ignore[no-untyped-def]
    """Put the row's file where the earlier release kept it and give the row the old name."""
    stored = getattr(instance, field)
    sealed = stored.startswith(f"{files.SEALED}/")
    data = files.file_read(stored, sealed=sealed)
    files.file_delete(stored)
    path = data_dir / folder / old_name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    type(instance).objects.filter(pk=instance.pk).update(**{field: old_name})
    instance.refresh_from_db()


@pytest.fixture
def old_release(group, settings, tmp_path, s3_storage):  # type: ignore[no-untyped-def]
    """An installation of the earlier release upgraded to an object store: each module's files on the
    local disk under the data directory, the rows holding their bare names."""
    settings.DATA_DIR = tmp_path
    officer = user_with_role("officer", company=group.a)
    declaration = submit(group.in_leaf, officer, paper_scan=SimpleUploadedFile("form-a.pdf", SCAN))
    _make_old(tmp_path, "conflicts/scans", declaration, "scan_file", "Wq3-old_scan")

    counterparty = CounterpartyFactory()
    document = counterparties.document_add(
        actor=officer, counterparty=counterparty, title="Contract", upload=SimpleUploadedFile("c.pdf", CONTRACT)
    )
    _make_old(tmp_path, "counterparties/documents", document, "stored_file", "0f3a9c.pdf")

    policy = awareness.document_create(
        actor=officer, kind="policy", code="P-1", titles={"en": "Gifts"}, company=group.a, texts={"en": "No gifts."}
    )
    version = policy.versions.get()
    version_file = awareness.version_attach(
        actor=officer, version=version, language="ru", upload=SimpleUploadedFile("policy.txt", POLICY)
    )
    _make_old(tmp_path, "awareness/documents", version_file, "stored", "Kd9-old_policy")

    job = ImportJob.objects.create(kind="employees", file_name="hr.csv", stored_file="hr-token.csv", status="done")
    # A job whose file its worker deleted once read (not missing), and a document whose file was lost.
    ImportJob.objects.create(kind="employees", file_name="x.csv", stored_file="imported-token.csv", status="done")
    lost = counterparties.document_add(
        actor=officer, counterparty=counterparty, title="Lost", upload=SimpleUploadedFile("l.pdf", b"%PDF lost")
    )
    files.file_delete(lost.stored_file)
    Document.objects.filter(pk=lost.pk).update(stored_file="lost.pdf")
    (tmp_path / "uploads").mkdir()
    (tmp_path / "uploads" / "hr-token.csv").write_bytes(HR_FILE)
    abandoned = tmp_path / "uploads" / "abandoned-preview.csv"
    abandoned.write_bytes(HR_FILE)
    hour_ago = time.time() - 2 * files_upgrade.ABANDONED_AFTER_SECONDS
    os.utime(abandoned, (hour_ago, hour_ago))
    return {
        "officer": officer,
        "declaration": declaration,
        "counterparty": counterparty,
        "document": document,
        "version_file": version_file,
        "job": job,
        "abandoned": abandoned,
    }


def _raw(s3_storage, name: str) -> bytes:  # type: ignore[no-untyped-def]
    return s3_storage.get_object(Bucket=S3_BUCKET, Key=name)["Body"].read()


def test_old_files_are_moved_sealed_and_read_by_the_modules_and_a_second_run_changes_nothing(
    old_release, s3_storage, tmp_path
):
    assert [m.id for m in files_upgrade.old_files_check()] == ["senim.W010"]
    client = Client()
    client.force_login(old_release["officer"])
    scan_url = reverse("conflicts:declaration-scan", args=[old_release["declaration"].pk])
    assert client.get(scan_url).status_code == 404  # what an upgraded installation sees before the upgrade

    out, err = io.StringIO(), io.StringIO()
    call_command("files", "upgrade", stdout=out, stderr=err)
    assert "4 files moved into the storage (3 sealed)" in out.getvalue()
    assert "1 abandoned upload removed" in out.getvalue()
    assert "1 record refers to a file that was already missing" in out.getvalue()
    assert "lost.pdf" in err.getvalue() and "imported-token" not in err.getvalue()
    assert Document.objects.filter(stored_file="lost.pdf").exists()

    declaration = Declaration.objects.get(pk=old_release["declaration"].pk)
    document = Document.objects.get(pk=old_release["document"].pk)
    version_file = VersionFile.objects.get(pk=old_release["version_file"].pk)
    job = ImportJob.objects.get(pk=old_release["job"].pk)
    assert b"".join(client.get(scan_url).streaming_content) == SCAN
    download = reverse("counterparties:document-download", args=[old_release["counterparty"].pk, document.pk])
    assert b"".join(client.get(download).streaming_content) == CONTRACT
    file_url = reverse("awareness:version-file", args=[version_file.version_id, version_file.pk])
    assert b"".join(client.get(file_url).streaming_content) == POLICY
    assert files.file_read(job.stored_file, sealed=True) == HR_FILE and job.stored_file.endswith(".csv")

    # Encrypted at rest where the module seals; the plain policy stays plain.
    for name, plain in ((declaration.scan_file, SCAN), (document.stored_file, CONTRACT), (job.stored_file, HR_FILE)):
        assert name.startswith("sealed/") and plain not in _raw(s3_storage, name)
    assert _raw(s3_storage, version_file.stored) == POLICY
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]  # nothing left in the old places
    assert files_upgrade.old_files_check() == []
    assert AuditEvent.objects.filter(event_type="ops.files.upgraded").count() == 1

    names = {row.pk: row.scan_file for row in Declaration.objects.all()}
    keys = sorted(o["Key"] for o in s3_storage.list_objects_v2(Bucket=S3_BUCKET)["Contents"])
    out = io.StringIO()
    call_command("files", "upgrade", stdout=out, stderr=io.StringIO())
    assert "0 files moved" in out.getvalue()
    assert {row.pk: row.scan_file for row in Declaration.objects.all()} == names
    assert sorted(o["Key"] for o in s3_storage.list_objects_v2(Bucket=S3_BUCKET)["Contents"]) == keys
    assert AuditEvent.objects.filter(event_type="ops.files.upgraded").count() == 1


def test_a_file_the_storage_refuses_stays_where_it_was_and_its_row_is_unchanged(old_release, monkeypatch, tmp_path):
    saved = files.file_save

    def refuse_scans(area, content, **kwargs):  # type: ignore[no-untyped-def]
        if area.startswith("conflicts/"):
            raise OSError("bucket unavailable")
        return saved(area, content, **kwargs)

    monkeypatch.setattr(files, "file_save", refuse_scans)
    with pytest.raises(SystemExit):
        call_command("files", "upgrade", stdout=io.StringIO(), stderr=io.StringIO())
    declaration = Declaration.objects.get(pk=old_release["declaration"].pk)
    assert declaration.scan_file == "Wq3-old_scan"
    assert (tmp_path / "conflicts" / "scans" / "Wq3-old_scan").read_bytes() == SCAN
    assert Document.objects.get(pk=old_release["document"].pk).stored_file.startswith("sealed/")

    orphan = tmp_path / "conflicts" / "scans" / "no-record"
    orphan.write_bytes(b"a scan whose declaration is gone")
    monkeypatch.setattr(files, "file_save", saved)
    out, err = io.StringIO(), io.StringIO()
    call_command("files", "upgrade", stdout=out, stderr=err)
    declaration.refresh_from_db()
    assert files.file_read(declaration.scan_file, sealed=True) == SCAN
    assert "1 file that no record refers to was left in place" in out.getvalue() and str(orphan) in err.getvalue()
    assert orphan.read_bytes() == b"a scan whose declaration is gone"
