"""Every list page the same way: sorted by a column named in the query string, filtered by a date
range where the list has dates, paginated, and downloadable as CSV or XLSX exactly as filtered.

A view describes its columns once in a `Table` and hands it the queryset its selector returned
(already narrowed to what the actor may see, and filtered by the page's own filters):

    CONTRACTS = Table(
        name="contracts",
        columns=(
            Column("number", _("Number"), lambda c: c.number, order=("number",)),
            Column("counterparty", _("Counterparty"), lambda c: c.counterparty.name),
            Column("signed", _("Signed on"), lambda c: c.signed_on, order=("signed_on",)),
        ),
        default_sort="-signed",
        date_field="signed_on",
    )

    def contract_list(request):
        contracts = selectors.contract_list(actor=request.user, ...)
        return CONTRACTS.respond(request, contracts, "counterparties/contract_list.html", {...})

`?sort=signed` / `?sort=-signed` orders by a sortable column (an unknown key falls back to the
default, never an error); `?date_from=` / `?date_to=` narrow the date field (a bad date is a
translated form error and the list stays whole); `?export=csv` / `?export=xlsx` on the same address
returns the filtered, sorted rows through `core.exports` (formula-safe cells), never more than the
selector let the actor see. The template gets `page_obj`, `current_sort` (for
`components/sort_header.html`), `list_dates` (a form for `components/list_dates.html`) and
`list_table` (for `components/list_export.html`).
"""

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import DateTimeField, F, QuerySet, Value
from django.db.models.expressions import BaseExpression
from django.db.models.functions import Coalesce, NullIf
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from senim.core.exports import csv_response, xlsx_append, xlsx_bytes
from senim.core.i18n import fallback_order

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORT_FORMATS = ("csv", "xlsx")
MAX_EXPORT_ROWS = 100_000


@dataclass(frozen=True)
class Column:
    """One column: its key in `?sort=`, its heading, its value in an export, and what to order by
    (field names, expressions, or functions making an expression at request time, e.g. in the
    reader's language; nothing means the column is not sortable)."""

    key: str
    label: Any
    value: Callable[[Any], Any]
    order: tuple[str | BaseExpression | Callable[[], BaseExpression], ...] = ()

    @property
    def sortable(self) -> bool:
        return bool(self.order)


class DateRangeForm(forms.Form):
    """A date range on the list's date column; both ends optional."""

    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict:
        data = super().clean() or {}
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise ValidationError(_("The start of the period is after its end."))
        return data


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    default_sort: str = ""
    date_field: str = ""
    date_label: Any = None
    per_page: int = 25
    tiebreak: tuple[str, ...] = ("pk",)
    export_related: tuple[str, ...] = field(default_factory=tuple)

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)

    def sort_key(self, request: HttpRequest) -> str:
        """The requested sort if it names a sortable column, else the default."""
        requested = str(request.GET.get("sort", ""))[:60]
        column = self.column(requested.lstrip("-"))
        return requested if column is not None and column.sortable else self.default_sort

    def order(self, queryset: QuerySet, sort: str) -> QuerySet:
        column = self.column(sort.lstrip("-"))
        if column is None or not column.sortable:
            return queryset
        descending = sort.startswith("-")
        terms: list[Any] = []
        for term in column.order:
            expression = F(term) if isinstance(term, str) else term if isinstance(term, BaseExpression) else term()
            terms.append(expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True))
        return queryset.order_by(*terms, *self.tiebreak)

    def dates(self, request: HttpRequest) -> DateRangeForm | None:
        if not self.date_field:
            return None
        bound = any(request.GET.get(name) for name in ("date_from", "date_to"))
        return DateRangeForm(request.GET if bound else None)

    def filter_dates(self, queryset: QuerySet, form: DateRangeForm | None) -> QuerySet:
        if form is None or not form.is_bound or not form.is_valid():
            return queryset
        lookup = self.date_field
        start, end = form.cleaned_data.get("date_from"), form.cleaned_data.get("date_to")
        is_datetime = _is_datetime(queryset, lookup)
        if start:
            queryset = queryset.filter(**{f"{lookup}__date__gte" if is_datetime else f"{lookup}__gte": start})
        if end:
            queryset = queryset.filter(**{f"{lookup}__date__lte" if is_datetime else f"{lookup}__lte": end})
        return queryset

    def apply(self, request: HttpRequest, queryset: QuerySet) -> tuple[QuerySet, str, DateRangeForm | None]:
        """The queryset narrowed by the date range and ordered by the requested column."""
        form = self.dates(request)
        sort = self.sort_key(request)
        return self.order(self.filter_dates(queryset, form), sort), sort, form

    def rows(self, queryset: QuerySet) -> Iterator[list[Any]]:
        related = queryset.select_related(*self.export_related) if self.export_related else queryset
        for item in related[:MAX_EXPORT_ROWS].iterator(chunk_size=1000):
            yield [_plain(column.value(item)) for column in self.columns]

    def header(self) -> list[str]:
        return [str(column.label) for column in self.columns]

    def export(self, queryset: QuerySet, fmt: str) -> HttpResponseBase:
        stamp = timezone.localdate().isoformat()
        filename = f"senim-{self.name}-{stamp}.{fmt}"
        if fmt == "csv":
            return csv_response(filename=filename, header=self.header(), rows=self.rows(queryset))
        return xlsx_response(filename=filename, title=self.name, header=self.header(), rows=self.rows(queryset))

    def respond(
        self,
        request: HttpRequest,
        queryset: QuerySet,
        template: str,
        context: dict[str, Any] | None = None,
        *,
        page_name: str = "page_obj",
        per_page_context: Callable[[Any], dict[str, Any]] | None = None,
        status: int = 200,
    ) -> HttpResponse:
        """The list page, or its export when `?export=csv|xlsx` is asked for. `per_page_context`
        adds what the template needs about the rows of the page shown (given the page)."""
        queryset, sort, form = self.apply(request, queryset)
        fmt = request.GET.get("export")
        if fmt in EXPORT_FORMATS:
            # A CSV download streams; views keep their HttpResponse annotation for the page.
            return cast(HttpResponse, self.export(queryset, str(fmt)))
        page = Paginator(queryset, self.per_page).get_page(request.GET.get("page"))
        extra = {page_name: page, "current_sort": sort, "list_dates": form, "list_table": self}
        if per_page_context is not None:
            extra |= per_page_context(page)
        return render(request, template, {**(context or {}), **extra}, status=status)


def localized_order(base: str) -> Callable[[], BaseExpression]:
    """A column order on a multilingual field (`base_ru`, `base_kk`…): values missing in the reader's
    language sort where their fallback (core.i18n) would, as the page shows them."""

    def expression() -> BaseExpression:
        return Coalesce(*[NullIf(f"{base}_{code}", Value("")) for code in fallback_order()], Value(""))

    return expression


def xlsx_response(*, filename: str, title: str, header: list[str], rows: Iterable[list[Any]]) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = title[:31]
    xlsx_append(sheet, header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        xlsx_append(sheet, row)
    sheet.freeze_panes = "A2"
    response = HttpResponse(xlsx_bytes(book), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _plain(value: Any) -> Any:
    """Export values: aware datetimes in local time without zone (XLSX refuses zones), lazy
    strings as text, lists joined."""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value).replace(tzinfo=None)
        return value.replace(microsecond=0)
    if isinstance(value, list | tuple | set):
        return ", ".join(str(v) for v in value)
    return value


def _is_datetime(queryset: QuerySet, lookup: str) -> bool:
    model = queryset.model
    parts = lookup.split("__")
    for part in parts[:-1]:
        model = model._meta.get_field(part).related_model
    return isinstance(model._meta.get_field(parts[-1]), DateTimeField)
