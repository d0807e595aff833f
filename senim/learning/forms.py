"""Forms of the learning pages. The services validate again; these forms give early, inline errors."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from senim.learning.models import (
    Article,
    Audience,
    Category,
    Course,
    CoursePage,
    Question,
    QuestionBank,
    QuestionType,
    Test,
    TrainingEvent,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
LANGUAGES = [("ru", _("Russian")), ("kk", _("Kazakh")), ("en", _("English")), ("uz", _("Uzbek"))]
MAX_UPLOAD = 10 * 1024 * 1024


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = [
            "kind",
            "category",
            "title_ru",
            "body_ru",
            "title_kk",
            "body_kk",
            "title_en",
            "body_en",
            "title_uz",
            "body_uz",
            "document",
            "document_title",
            "document_reference",
            "is_published",
            "published_on",
        ]
        help_texts = {"document_title": _("A document outside the registry of internal documents.")}
        widgets = {
            "published_on": DATE,
            **{f"body_{code}": forms.Textarea(attrs={"rows": 8}) for code, _l in LANGUAGES},
        }

    def __init__(self, *args: Any, documents: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = documents  # type: ignore[attr-defined]


class FaqForm(forms.Form):
    category = forms.ModelChoiceField(label=_("category"), queryset=Category.objects.all(), required=False)
    title_ru = forms.CharField(label=_("question (Russian)"), required=False, max_length=300)
    body_ru = forms.CharField(label=_("answer (Russian)"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    title_kk = forms.CharField(label=_("question (Kazakh)"), required=False, max_length=300)
    body_kk = forms.CharField(label=_("answer (Kazakh)"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    title_en = forms.CharField(label=_("question (English)"), required=False, max_length=300)
    body_en = forms.CharField(label=_("answer (English)"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    title_uz = forms.CharField(label=_("question (Uzbek)"), required=False, max_length=300)
    body_uz = forms.CharField(label=_("answer (Uzbek)"), required=False, widget=forms.Textarea(attrs={"rows": 5}))


class CategoryForm(forms.ModelForm):
    class Meta:
        model = Category
        fields = ["name_ru", "name_kk", "name_en", "name_uz", "order"]


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("file"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("year"), min_value=2000, max_value=2100, required=False)


class BankImportForm(forms.Form):
    file = forms.FileField(label=_("file"), help_text=_("GIFT (.gift, .txt), Moodle XML (.xml) or a workbook (.xlsx)."))
    language = forms.ChoiceField(label=_("language of the questions"), choices=LANGUAGES)

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload


class BankForm(forms.ModelForm):
    class Meta:
        model = QuestionBank
        fields = ["title"]


class TestForm(forms.ModelForm):
    class Meta:
        model = Test
        fields = [
            "course",
            "title_ru",
            "title_kk",
            "title_en",
            "title_uz",
            "time_limit_minutes",
            "pass_mark",
            "max_attempts",
            "wait_hours",
            "grading",
            "shuffle",
        ]


class AssignmentForm(forms.Form):
    test = forms.ModelChoiceField(label=_("test"), queryset=Test.objects.filter(is_active=True))
    audience = forms.ChoiceField(label=_("audience"), choices=Audience.choices)
    company: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("company"), queryset=None, required=False, help_text=_("Leave empty for the whole group.")
    )
    units: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_("units"), queryset=None, required=False
    )
    due_date = forms.DateField(label=_("due"), required=False, widget=DATE)
    probation_days = forms.IntegerField(label=_("probation, days"), min_value=1, max_value=730, initial=90)

    def __init__(self, *args: Any, companies: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies  # type: ignore[attr-defined]
        self.fields["units"].queryset = units  # type: ignore[attr-defined]


class EventForm(forms.ModelForm):
    class Meta:
        model = TrainingEvent
        fields = ["kind", "title", "trainer_organisation", "date", "hours", "company", "location"]
        widgets = {"date": DATE}

    def __init__(self, *args: Any, companies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies  # type: ignore[attr-defined]


class AttendeesForm(forms.Form):
    numbers = forms.CharField(
        label=_("personnel numbers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One a line, or upload a workbook with personnel numbers in the first column."),
    )
    file = forms.FileField(label=_("workbook"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("numbers", "").strip() and not data.get("file"):
            raise forms.ValidationError(_("Give the personnel numbers or a workbook."))
        return data


class CompletionsImportForm(forms.Form):
    file = forms.FileField(
        label=_("workbook"),
        help_text=_(
            "Columns: personnel number, company registration number, course or test, completion date, passed, score."
        ),
    )


MARKDOWN_HELP = _("Markdown: # headings, **bold**, lists, tables and links. Scripts and unsafe markup are removed.")


class CourseForm(forms.ModelForm):
    class Meta:
        model = Course
        fields = [
            "title_ru",
            "title_kk",
            "title_en",
            "title_uz",
            "summary_ru",
            "summary_kk",
            "summary_en",
            "summary_uz",
            "is_active",
        ]
        widgets = {f"summary_{code}": forms.Textarea(attrs={"rows": 3}) for code, _l in LANGUAGES}


class CoursePageForm(forms.ModelForm):
    class Meta:
        model = CoursePage
        fields = ["order", "title_ru", "body_ru", "title_kk", "body_kk", "title_en", "body_en", "title_uz", "body_uz"]
        widgets = {f"body_{code}": forms.Textarea(attrs={"rows": 8}) for code, _l in LANGUAGES}
        help_texts = {f"body_{code}": MARKDOWN_HELP for code, _l in LANGUAGES}


TRUE_FALSE = [("", "—"), ("true", _("True")), ("false", _("False"))]


class QuestionForm(forms.Form):
    """One question typed by hand. Options are written one a line, in the language chosen: a leading
    * marks a correct option; a matching pair is "left = right"; a short answer lists the accepted
    answers."""

    category = forms.CharField(label=_("category"), max_length=200, help_text=_("An existing one or a new name."))
    qtype = forms.ChoiceField(label=_("type"), choices=QuestionType.choices)
    name = forms.CharField(label=_("name"), max_length=200, required=False)
    text_ru = forms.CharField(label=_("question (Russian)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    text_kk = forms.CharField(label=_("question (Kazakh)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    text_en = forms.CharField(label=_("question (English)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    text_uz = forms.CharField(label=_("question (Uzbek)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    language = forms.ChoiceField(label=_("language of the options"), choices=LANGUAGES)
    options = forms.CharField(
        label=_("options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "One a line. Start a correct option with *. A matching pair: left = right. "
            "A short answer: each accepted answer on its own line."
        ),
    )
    answer_true = forms.TypedChoiceField(
        label=_("the statement is true"),
        choices=TRUE_FALSE,
        required=False,
        coerce=lambda v: v == "true",
        empty_value=None,
    )
    is_active = forms.BooleanField(label=_("active"), required=False, initial=True)

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if editing:  # the category and type of a saved question stay
            del self.fields["category"]
            del self.fields["qtype"]

    def choices(self, qtype: str) -> list[dict[str, Any]]:
        """The options written in the form, in the shape the services take."""
        language = self.cleaned_data["language"]
        rows = []
        for line in (self.cleaned_data.get("options") or "").splitlines():
            line = line.strip()
            if not line:
                continue
            if qtype == QuestionType.MATCHING:
                left, _sep, right = line.partition("=")
                rows.append({f"text_{language}": left.strip()[:500], f"match_{language}": right.strip()[:500]})
            else:
                correct = line.startswith("*") or qtype == QuestionType.SHORT
                rows.append({f"text_{language}": line.lstrip("*").strip()[:500], "is_correct": correct})
        return rows

    @staticmethod
    def options_text(question: Question, language: str) -> str:
        """The saved options written back the way the form reads them."""
        lines = []
        for choice in question.choices.all():
            text = getattr(choice, f"text_{language}") or choice.text_ru or choice.text_en
            if question.qtype == QuestionType.MATCHING:
                lines.append(f"{text} = {getattr(choice, f'match_{language}') or choice.match_ru or choice.match_en}")
            elif question.qtype == QuestionType.SHORT:
                lines.append(text)
            else:
                lines.append(("* " if choice.is_correct else "") + text)
        return "\n".join(lines)
