import pytest


@pytest.fixture(autouse=True)
def _data_dir(settings, tmp_path):
    """Each test keeps its receipt pepper in its own data directory."""
    settings.DATA_DIR = tmp_path / "data"
    settings.DATA_DIR.mkdir()
    from senim.speakup.selectors import forget_public_companies

    forget_public_companies()  # the cached list of companies may come from another test's data
