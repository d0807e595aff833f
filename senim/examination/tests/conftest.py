import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Each test stores its uploaded drafts in its own directory."""
    settings.MEDIA_ROOT = tmp_path / "files"
