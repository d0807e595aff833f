import pytest


@pytest.fixture(autouse=True)
def _data_dir(settings, tmp_path):
    """Each test keeps its files in its own directory."""
    settings.DATA_DIR = tmp_path / "data"
    settings.DATA_DIR.mkdir()
