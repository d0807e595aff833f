"""The sidebar: apps register entries; each is shown only to actors holding its permission."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavEntry:
    section: str | Promise
    label: str | Promise
    url_name: str
    icon: str
    permission: str | None  # None: every signed-in user
    order: int = 100
    visible: Callable[[HttpRequest], bool] | None = field(default=None, compare=False)


_ENTRIES: list[NavEntry] = []


def register(entry: NavEntry) -> None:
    if entry not in _ENTRIES:
        _ENTRIES.append(entry)


def build_nav(request: HttpRequest) -> list[dict[str, object]]:
    """The sections and items the current user may open, with the active one marked."""
    # An error page can be rendered before the authentication middleware ran (a wrong Host
    # header, a body refused at the edge): no user then, and no navigation.
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    sections: dict[str, dict[str, object]] = {}
    path = request.path
    for entry in sorted(_ENTRIES, key=lambda e: e.order):
        if entry.permission and not user.can(entry.permission):  # type: ignore[attr-defined]
            continue
        if entry.visible and not entry.visible(request):
            continue
        url = reverse(entry.url_name)
        section = sections.setdefault(str(entry.section), {"label": str(entry.section), "items": []})
        active = path == url if url == "/" else path.startswith(url)
        section["items"].append(  # type: ignore[attr-defined]
            {"label": str(entry.label), "url": url, "active": active, "icon": entry.icon}
        )
    return list(sections.values())


OVERVIEW = _("Overview")
ORGANISATION = _("Organisation")
ADMINISTRATION = _("Administration")

register(NavEntry(OVERVIEW, _("Dashboard"), "core:dashboard", "home", None, order=1))
register(NavEntry(OVERVIEW, _("Indicators"), "core:indicators", "chart", "core.view_indicators", order=2))
register(NavEntry(ADMINISTRATION, _("Audit trail"), "core:audit", "list", "core.view_audit", order=90))
