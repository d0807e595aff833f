"""Encrypted fields hold ciphertext in the database and survive master-key rotation."""

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from senim.accounts.tests.factories import UserFactory
from senim.core import crypto


@pytest.mark.django_db
def test_the_database_holds_ciphertext_not_the_secret(settings):
    settings.SENIM_MASTER_KEY = Fernet.generate_key().decode()
    user = UserFactory(totp_secret="JBSWY3DPEHPK3PXP")
    with connection.cursor() as cursor:
        cursor.execute("SELECT totp_secret FROM accounts_user WHERE id = %s", [user.pk.hex])
        stored = cursor.fetchone()[0]
    assert "JBSWY3DPEHPK3PXP" not in stored
    user.refresh_from_db()
    assert user.totp_secret == "JBSWY3DPEHPK3PXP"


@pytest.mark.django_db
def test_rotation_re_encrypts_under_the_new_key_so_the_old_one_can_go(settings, tmp_path):
    # Rotation re-encrypts every sealed file in the storage: a storage of this test's own, so files other
    # tests sealed under their own keys are not in it.
    settings.MEDIA_ROOT = str(tmp_path / "files")
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.SENIM_MASTER_KEY = old
    user = UserFactory(totp_secret="SECRETSECRET2345")
    settings.SENIM_MASTER_KEY = f"{new},{old}"
    call_command("rotate_master_key")
    settings.SENIM_MASTER_KEY = new
    user.refresh_from_db()
    assert user.totp_secret == "SECRETSECRET2345"
    settings.SENIM_MASTER_KEY = Fernet.generate_key().decode()
    with pytest.raises(crypto.InvalidToken):
        user.refresh_from_db()
