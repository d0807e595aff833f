import pytest


@pytest.fixture(autouse=True)
def _data_dir(settings, tmp_path):
    """Each test keeps its list indexes and uploads in its own directory, so none pile up."""
    settings.DATA_DIR = tmp_path / "data"
    settings.DATA_DIR.mkdir()
    settings.MEDIA_ROOT = tmp_path / "files"
