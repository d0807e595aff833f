from importlib.metadata import PackageNotFoundError, version

from django.http import HttpRequest

from senim.core.navigation import build_nav

try:
    SENIM_VERSION = version("senim")
except PackageNotFoundError:  # running from a checkout that was never installed
    SENIM_VERSION = "dev"


def shell(request: HttpRequest) -> dict[str, object]:
    """What base.html needs on every page: the navigation and the version."""
    return {"nav": build_nav(request), "senim_version": SENIM_VERSION}
