"""Template helpers for Senim's UI components (``{% load senim_ui %}``)."""

import datetime as dt

from django import template
from django.forms.boundfield import BoundField
from django.utils.formats import date_format
from django.utils.safestring import SafeString

from senim.core import markup
from senim.core.events import event_label as _event_label
from senim.core.figures import format_figure, format_percent
from senim.core.i18n import language_name as _language_name
from senim.core.i18n import language_self_name as _language_self_name
from senim.core.icons import ICONS

register = template.Library()


@register.filter
def field_attrs(field: object) -> object:
    """Render a bound field's widget with ARIA attributes wired to field.html.

    ``aria-describedby`` points at the help text (``<auto_id>_helptext``) and the
    error block (``<auto_id>_error``) that components/field.html renders, after
    any ``aria-describedby`` the widget already declares; ``aria-invalid="true"``
    is added when the field has errors. Grouped widgets (radio buttons, checkbox
    lists) carry ``aria-describedby`` on their ``<fieldset>`` instead. Anything
    that is not a bound field is returned unchanged.
    """
    if not isinstance(field, BoundField):
        return field
    if field.is_hidden:
        return field.as_widget()
    attrs: dict[str, str | bool] = {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    if not field.use_fieldset:
        described_by: list[str] = []
        existing = field.field.widget.attrs.get("aria-describedby")
        if existing:
            described_by.append(str(existing))
        if field.auto_id:
            if field.help_text:
                described_by.append(f"{field.auto_id}_helptext")
            if field.errors:
                described_by.append(f"{field.auto_id}_error")
        if described_by:
            attrs["aria-describedby"] = " ".join(described_by)
    rendered: SafeString = field.as_widget(attrs=attrs)
    return rendered


_ICON_SVG = (
    '<svg class="icon icon-{name}" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" '
    'stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">{paths}</svg>'
)


@register.simple_tag
def icon(name: str) -> SafeString:
    """``{% icon "home" %}``: an inline, decorative SVG icon; unknown names render nothing.

    A dictionary lookup: the include-based component evaluated a 48-way ``{% if %}`` for every
    icon, which was most of a list page's rendering time."""
    paths = ICONS.get(str(name))
    return SafeString(_ICON_SVG.format(name=name, paths=paths)) if paths else SafeString("")


@register.filter
def figure(value: object) -> str:
    """A figure as annual reports print it: digits grouped the reader's way ("3 104"), "—" for no data
    (core.figures, the one formatter). Text that is not a number is shown as it is."""
    if isinstance(value, bool) or (isinstance(value, str) and value not in ("",)):
        return str(value)
    return format_figure(value)


@register.filter
def percentage(value: object, decimals: int = 1) -> str:
    """``{{ share|percentage }}``: "98,7 %" in ru/kk/uz, "98.7%" in English; "—" for no data."""
    return format_percent(value, decimals)


@register.filter
def label_of(value: object, choices: object) -> str:
    """The label of a choice value, for values that come from an annotation rather than a model
    field: ``{{ cp.dd_risk|label_of:risk_choices }}`` (choices as a dict or a list of pairs)."""
    labels = dict(choices) if isinstance(choices, list | tuple) else choices
    if not isinstance(labels, dict) or value in (None, ""):
        return ""
    return str(labels.get(value, value))


@register.filter
def audit_changes(changes: object) -> list[dict[str, object]]:
    """An audit event's changes as rows to show: a field whose value is an [old, new] pair
    gives both sides; any other value (a count, a list, a nested record, a key called "items")
    is shown as it is. Never a dictionary lookup in the template, so no key shadows a method."""
    if not isinstance(changes, dict):
        return [] if changes in (None, "", [], {}) else [{"field": "", "pair": False, "value": _plain(changes)}]
    rows: list[dict[str, object]] = []
    for field, change in changes.items():
        if isinstance(change, (list, tuple)) and len(change) == 2:
            rows.append({"field": field, "pair": True, "old": _plain(change[0]), "new": _plain(change[1])})
        else:
            rows.append({"field": field, "pair": False, "value": _plain(change)})
    return rows


def _plain(value: object) -> object:
    """A value as text for a table cell; None and "" stay empty (shown as ∅)."""
    if value is None or value == "":
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_plain(v)) for v in value) or ""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    return value


@register.filter
def event_label(code: str) -> str:
    """An audit event type as people read it ("Counterparty created"), in the active language."""
    return _event_label(code)


@register.filter
def markdown(value: object) -> SafeString:
    """Markdown rendered to HTML and sanitised (nh3): safe to show whatever the author typed."""
    return SafeString(markup.render(str(value or "")))


@register.filter
def language_name(code: str | None) -> str:
    """``{{ response.language|language_name }}``: "Kazakh" in the reader's language, never "kk"."""
    return _language_name(code)


@register.filter
def language_self_name(code: str) -> str:
    """``{{ "kk"|language_self_name }}``: the language named in itself ("Қазақша"), for the picker."""
    return _language_self_name(code)


@register.filter
def local_date(value: object, fmt: str = "DATE_FORMAT") -> str:
    """A date, or an ISO date string stored in JSON evidence, in the reader's date format; never
    "2026-11-12" in a sentence. Anything else is shown as it is."""
    if isinstance(value, str):
        try:
            return date_format(dt.date.fromisoformat(value[:10]), fmt)
        except ValueError:
            return str(value)
    if isinstance(value, dt.date):
        return date_format(value, fmt)
    return "" if value is None else str(value)
