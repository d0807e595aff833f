import pytest


@pytest.fixture(autouse=True)
def _data_dir(settings, tmp_path):
    """Each test keeps its receipt pepper in its own data directory."""
    settings.DATA_DIR = tmp_path / "data"
    settings.DATA_DIR.mkdir()
