"""Production refuses to start without the secrets every host must share (core.checks)."""

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from senim.core.checks import production_shared_secrets
from senim.speakup import conf as speakup_conf


@pytest.fixture
def bare_production(settings, tmp_path):
    """Production with none of the three secrets configured (their files do not exist)."""
    settings.PRODUCTION = True
    settings.SENIM_MASTER_KEY = ""
    settings.SENIM_MASTER_KEY_FILE = str(tmp_path / "master.key")
    settings.SENIM_AUDIT_KEY = ""
    settings.SENIM_AUDIT_KEY_FILE = str(tmp_path / "audit.key")
    settings.SENIM_SPEAKUP_RECEIPT_PEPPER = ""
    settings.SENIM_SPEAKUP_RECEIPT_PEPPER_FILE = str(tmp_path / "speakup-receipt.key")
    settings.SENIM_SECURITY_IN_CACHE = True  # Redis is configured (its own check: test_limits)
    return settings


def _ids(messages) -> set[str]:
    return {m.id for m in messages if m.is_serious()}


def test_production_without_the_shared_secrets_reports_each_one(bare_production, tmp_path):
    assert _ids(production_shared_secrets()) == {"senim.E001", "senim.E002", "senim.E003"}
    # The check only reads: it creates none of the files.
    assert list(tmp_path.iterdir()) == []


def test_a_command_refuses_to_start_in_production_without_them(db, bare_production):
    with pytest.raises(SystemCheckError, match="receipt-key pepper"):
        call_command("check")


def test_serve_and_worker_run_the_checks_before_starting():
    from senim.ops.management.commands import serve, worker

    assert serve.Command.requires_system_checks
    assert worker.Command.requires_system_checks


def test_production_accepts_secrets_from_the_environment_or_from_files(db, bare_production, tmp_path):
    bare_production.SENIM_MASTER_KEY = Fernet.generate_key().decode()
    (tmp_path / "audit.key").write_text("an audit key\n")
    bare_production.SENIM_SPEAKUP_RECEIPT_PEPPER = "a shared pepper"
    assert production_shared_secrets() == []
    call_command("check")


def test_an_empty_file_or_a_malformed_master_key_is_refused(bare_production, tmp_path):
    (tmp_path / "audit.key").write_text("\n")
    bare_production.SENIM_MASTER_KEY = "not-a-fernet-key"
    bare_production.SENIM_SPEAKUP_RECEIPT_PEPPER = "a shared pepper"
    messages = production_shared_secrets()
    assert _ids(messages) == {"senim.E001", "senim.E002"}
    assert "Fernet" in next(m.msg for m in messages if m.id == "senim.E001")


def test_development_creates_nothing_up_front_and_reports_nothing(settings, tmp_path):
    settings.PRODUCTION = False
    settings.SENIM_MASTER_KEY = ""
    settings.SENIM_MASTER_KEY_FILE = str(tmp_path / "master.key")
    assert production_shared_secrets() == []


def test_production_never_creates_a_pepper_of_its_own(bare_production, tmp_path):
    with pytest.raises(ImproperlyConfigured):
        speakup_conf.receipt_pepper()
    assert not (tmp_path / "speakup-receipt.key").exists()


def test_development_still_creates_the_pepper_once_and_keeps_it(settings, tmp_path):
    settings.PRODUCTION = False
    settings.SENIM_SPEAKUP_RECEIPT_PEPPER = ""
    settings.SENIM_SPEAKUP_RECEIPT_PEPPER_FILE = str(tmp_path / "speakup-receipt.key")
    first = speakup_conf.receipt_pepper()
    assert first and speakup_conf.receipt_pepper() == first
