"""Forms of the public portal and of the officers' case pages. Services validate again; the forms
give the reporter or officer the error next to the field."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from senim.speakup.models import Category, Channel, Kind, LinkRole, Measure, Outcome, PosterLayout, Status

IDENTITY_CHOICES = [
    ("anonymous", _("Anonymous: I do not give my name")),
    ("confidential", _("Confidential: I give my name and contacts; only the compliance service sees them")),
]
CURRENCIES = [("KZT", "KZT"), ("UZS", "UZS"), ("USD", "USD"), ("EUR", "EUR"), ("RUB", "RUB")]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; sizes and types are checked by files.prepare."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


def _text(label: Any, *, required: bool = False, rows: int = 3, max_length: int = 2000, help_text: Any = "") -> Any:
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class _IdentityForm(forms.Form):
    identity = forms.ChoiceField(
        label=_("Your identity"), choices=IDENTITY_CHOICES, initial="anonymous", widget=forms.RadioSelect
    )
    name = forms.CharField(label=_("Your name"), required=False, max_length=200)
    email = forms.EmailField(label=_("E-mail"), required=False, max_length=200)
    phone = forms.CharField(label=_("Phone"), required=False, max_length=50)
    other = forms.CharField(label=_("Other ways to reach you"), required=False, max_length=500)

    IDENTITY_FIELDS = ("name", "email", "phone", "other")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The identity fields show only while "confidential" is chosen: a stylesheet rule on the
        # checked radio button (senim.css, `data-identity`), so it works without JavaScript.
        for name in self.IDENTITY_FIELDS:
            self.fields[name].widget.attrs["data-identity"] = ""
        # Whatever an anonymous reporter typed there is dropped before anything reads it: not
        # validated, not shown back on an error, never passed on to be stored.
        if self.is_bound and self.data.get(self.add_prefix("identity")) != "confidential":
            dropped = {self.add_prefix(name) for name in self.IDENTITY_FIELDS}
            data = self.data.copy() if hasattr(self.data, "copy") else dict(self.data)
            for key in dropped:
                data.pop(key, None)
            self.data = data

    MISSING_NAME = _("Give your name, or choose to stay anonymous.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("identity") == "confidential" and not (data.get("name") or "").strip():
            self.add_error("name", self.MISSING_NAME)
        return data

    @property
    def anonymous(self) -> bool:
        return self.cleaned_data.get("identity") != "confidential"

    def reporter(self) -> dict[str, str]:
        if self.anonymous:
            return {}
        return {k: self.cleaned_data.get(k) or "" for k in self.IDENTITY_FIELDS}


def _company_field(choices: list[tuple[Any, str]], *, required: bool, empty: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Company"),
        required=required,
        choices=([("", empty)] if empty else []) + [(str(pk), name) for pk, name in choices],
    )


class ReportForm(_IdentityForm):
    company = forms.ChoiceField(label=_("Company"), required=False)
    category = forms.ChoiceField(label=_("What is it about?"), choices=Category.choices)
    what = _text(
        _("What happened?"),
        required=True,
        rows=8,
        max_length=20000,
        help_text=_(
            "Describe it in your own words. Do not include details that identify you if you want to stay anonymous."
        ),
    )
    when = forms.CharField(label=_("When did it happen?"), required=False, max_length=2000)
    where = forms.CharField(label=_("Where did it happen?"), required=False, max_length=2000)
    people = _text(_("Who is involved?"), help_text=_("Names, positions, companies."))
    amounts = forms.CharField(label=_("Amounts involved, if any"), required=False, max_length=2000)
    how_known = _text(_("How do you know about it?"), rows=2)
    attachments = MultipleFileField(label=_("Files"))

    field_order = ["company", "category", "what", "when", "where", "people", "amounts", "how_known", "attachments"]

    def __init__(self, *args: Any, companies: list[tuple[Any, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["company"] = _company_field(companies, required=False, empty=_("I do not know / several"))
        self.order_fields(self.field_order)

    def content(self) -> dict[str, str]:
        return {k: self.cleaned_data.get(k) or "" for k in ("what", "when", "where", "people", "amounts", "how_known")}


class QuestionForm(_IdentityForm):
    company = forms.ChoiceField(label=_("Company"), required=False)
    category = forms.ChoiceField(label=_("Topic"), choices=Category.choices)
    question = _text(
        _("Your question"),
        required=True,
        rows=6,
        max_length=20000,
        help_text=_("For example: may I accept this gift; does this rule apply to my situation?"),
    )

    def __init__(self, *args: Any, companies: list[tuple[Any, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["company"] = _company_field(companies, required=False, empty=_("I do not know / several"))
        self.order_fields(["company", "category", "question"])

    def content(self) -> dict[str, str]:
        return {"question": self.cleaned_data.get("question") or ""}


class ReceiptForm(forms.Form):
    receipt = forms.CharField(
        label=_("Receipt key"),
        max_length=500,  # anything longer than a key is still just "a wrong key"
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class ReplyForm(forms.Form):
    body = _text(_("Your message"), rows=5, max_length=20000)
    attachments = MultipleFileField(label=_("Files"))


# ---------------------------------------------------------------------------- staff


STAFF_IDENTITY_CHOICES = [
    ("anonymous", _("Anonymous: the reporter did not give a name")),
    (
        "confidential",
        _("Confidential: the reporter gave a name and contacts; only the compliance service sees them"),
    ),
]


class IntakeForm(_IdentityForm):
    """Filled by an officer on the reporter's behalf: every label speaks of "the reporter"."""

    identity = forms.ChoiceField(
        label=_("Reporter's identity"), choices=STAFF_IDENTITY_CHOICES, initial="anonymous", widget=forms.RadioSelect
    )
    name = forms.CharField(label=_("Reporter's name"), required=False, max_length=200)
    email = forms.EmailField(label=_("Reporter's e-mail"), required=False, max_length=200)
    phone = forms.CharField(label=_("Reporter's phone"), required=False, max_length=50)
    other = forms.CharField(label=_("Other ways to reach the reporter"), required=False, max_length=500)
    MISSING_NAME = _("Give the reporter's name, or choose anonymous.")
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices, initial=Kind.REPORT)
    channel = forms.ChoiceField(label=_("Channel"), choices=[c for c in Channel.choices if c[0] != Channel.WEB])
    received_on = forms.DateField(label=_("Date received"), widget=forms.DateInput(attrs={"type": "date"}))
    company = forms.ChoiceField(label=_("Company"))
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    what = _text(
        _("Transcript or minutes"),
        required=True,
        rows=10,
        max_length=20000,
        help_text=_("What the reporter said or wrote; for a question, the question."),
    )
    when = forms.CharField(label=_("When did it happen?"), required=False, max_length=2000)
    where = forms.CharField(label=_("Where did it happen?"), required=False, max_length=2000)
    people = _text(_("Who is involved?"))
    amounts = forms.CharField(label=_("Amounts involved, if any"), required=False, max_length=2000)
    how_known = _text(_("How does the reporter know?"), rows=2)
    attachments = MultipleFileField(label=_("Files"))
    language = forms.ChoiceField(
        label=_("Reporter's language"),
        choices=[("ru", _("Russian")), ("kk", _("Kazakh")), ("en", _("English")), ("uz", _("Uzbek"))],
    )
    issue_receipt = forms.BooleanField(
        label=_("Give the reporter a receipt key"),
        required=False,
        initial=True,
        help_text=_("The key is shown once, to hand over; with it the reporter follows the case on the portal."),
    )

    def __init__(self, *args: Any, companies: list[tuple[Any, str]], whole_group: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["company"] = _company_field(
            companies, required=not whole_group, empty=_("Not known / several") if whole_group else None
        )
        self.fields["received_on"].initial = timezone.localdate()
        self.order_fields(
            ["kind", "channel", "received_on", "company", "category", "what", "when", "where", "people", "amounts"]
        )

    def content(self) -> dict[str, str]:
        if self.cleaned_data.get("kind") == Kind.QUESTION:
            return {"question": self.cleaned_data.get("what") or ""}
        return {k: self.cleaned_data.get(k) or "" for k in ("what", "when", "where", "people", "amounts", "how_known")}


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Reference"), required=False, max_length=20)
    company = forms.ChoiceField(label=_("Company"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Any")), *Status.choices])
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("Any")), *Kind.choices])
    channel = forms.ChoiceField(label=_("Channel"), required=False, choices=[("", _("Any")), *Channel.choices])
    category = forms.ChoiceField(label=_("Category"), required=False, choices=[("", _("Any")), *Category.choices])
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    mine = forms.BooleanField(label=_("Assigned to me"), required=False)
    watched = forms.BooleanField(label=_("Under retaliation watch"), required=False)

    def __init__(self, *args: Any, companies: list[tuple[Any, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", _("Any")), *[(str(pk), name) for pk, name in companies]]
        self.fields["company"].choices = choices  # type: ignore[attr-defined]


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))
    acknowledged_on = forms.DateField(
        label=_("Acknowledged on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Only when acknowledging: leave empty for today; an earlier day enters a paper acknowledgement."),
    )

    def __init__(self, *args: Any, allowed: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s, Status(s).label) for s in allowed]  # type: ignore[attr-defined]


class AssignForm(forms.Form):
    assignees = forms.MultipleChoiceField(label=_("Investigators"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, users: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignees"].choices = [(str(u.pk), u.display_name) for u in users]  # type: ignore[attr-defined]


class MessageForm(forms.Form):
    body = _text(_("Message to the reporter"), required=True, rows=4, max_length=20000)
    attachments = MultipleFileField(label=_("Files"))


class NoteForm(forms.Form):
    body = _text(_("Internal note"), required=True, rows=3, max_length=20000)


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=2000)
    due = forms.DateField(label=_("Due"), widget=forms.DateInput(attrs={"type": "date"}))
    assignee = forms.ChoiceField(label=_("Responsible person"), required=False)

    def __init__(self, *args: Any, users: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [("", "—")] + [(str(u.pk), u.display_name) for u in users]  # type: ignore[attr-defined]


class LinkForm(forms.Form):
    role = forms.ChoiceField(label=_("Link as"), choices=LinkRole.choices)
    unit = forms.ChoiceField(label=_("Unit"), required=False)
    personnel_number = forms.CharField(label=_("Employee's personnel number"), required=False, max_length=30)
    username = forms.CharField(label=_("User name of a staff member"), required=False, max_length=150)
    counterparty_number = forms.CharField(
        label=_("Counterparty's BIN, TIN or registration number"),
        required=False,
        max_length=40,
        help_text=_("A counterparty of the register, linked as the counterparty involved."),
    )

    def __init__(self, *args: Any, units: list[tuple[Any, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", "—")] + [(str(pk), name) for pk, name in units]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        given = [k for k in ("unit", "personnel_number", "username", "counterparty_number") if data.get(k)]
        if len(given) != 1:
            raise forms.ValidationError(_("Choose one unit, employee, user or counterparty."))
        return data


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect)
    measures = forms.MultipleChoiceField(
        label=_("Measures taken"), choices=Measure.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    summary = _text(_("Summary of the findings"), rows=4, max_length=2000)
    closed_on = forms.DateField(
        label=_("Closed on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for today; an earlier day enters a case closed on paper (back-dated)."),
    )


class AnswerForm(forms.Form):
    answer = _text(
        _("Answer"),
        required=True,
        rows=6,
        max_length=20000,
        help_text=_("Write it so that it could later be published, anonymised, in the knowledge base."),
    )


class RewardForm(forms.Form):
    decided_on = forms.DateField(label=_("Decided on"), widget=forms.DateInput(attrs={"type": "date"}))
    amount = forms.DecimalField(label=_("Amount"), min_value=0, max_digits=14, decimal_places=2)
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCIES)
    basis = forms.CharField(label=_("Basis (regulation, decision)"), required=False, max_length=2000)


class PosterForm(forms.Form):
    """What to print: for which company, in which layout, languages and format, with which tag."""

    company = forms.ChoiceField(label=_("Company"))
    layout = forms.ChoiceField(label=_("Layout"), choices=PosterLayout.choices, initial=PosterLayout.A4)
    languages = forms.MultipleChoiceField(
        label=_("Languages on the sheet"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("One or several; they share one sheet in this order."),
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[("pdf", _("PDF for printing")), ("png", _("PNG image")), ("svg", _("SVG banner"))],
        initial="pdf",
    )
    tag = forms.ChoiceField(
        label=_("Source tag"),
        required=False,
        help_text=_("The QR code then counts the visits this poster brings (a number, nobody identified)."),
    )

    def __init__(self, *args: Any, companies: Any = (), tags: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = [(str(c.pk), str(c)) for c in companies]  # type: ignore[attr-defined]
        tag_choices = [("", _("none: the portal's own address"))] + [(t.code, f"{t.code} — {t.label}") for t in tags]
        self.fields["tag"].choices = tag_choices  # type: ignore[attr-defined]


class PosterTagForm(forms.Form):
    company = forms.ChoiceField(label=_("Company"))
    label = forms.CharField(label=_("Where the posters are put up"), max_length=200)
    code = forms.SlugField(
        label=_("Tag"),
        max_length=40,
        required=False,
        help_text=_("Latin letters, digits, hyphens; made from the place if left empty."),
    )

    def __init__(self, *args: Any, companies: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = [(str(c.pk), str(c)) for c in companies]  # type: ignore[attr-defined]


class PosterTextForm(forms.Form):
    """A company's own wording in one language; an empty field keeps the translated default."""

    headline = forms.CharField(label=_("Headline"), max_length=120, required=False)
    body = forms.CharField(
        label=_("Call to speak up"), max_length=600, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    promise = forms.CharField(
        label=_("Anonymity and non-retaliation promise"),
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
