"""Template helpers for Senim's UI components (``{% load senim_ui %}``)."""

from django import template
from django.forms.boundfield import BoundField
from django.utils.safestring import SafeString

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
