"""Pages of the anti-corruption questionnaire: the counterparty's personal link (no account), and
the staff's pages: send a link, enter a paper copy, read a response, keep the versions."""

import json
import uuid
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from senim.core import files, limits
from senim.core.access import SYSTEM, Actor, ActorRequest, PermissionDenied
from senim.core.clients import client_key
from senim.core.forms import apply_errors
from senim.core.views import get_or_404, permission_required
from senim.counterparties import policy, selectors, services
from senim.counterparties.models import (
    Answer,
    AnswerType,
    Question,
    Questionnaire,
    QuestionnaireResponse,
    QuestionSection,
)
from senim.counterparties.views import get_counterparty
from senim.org import selectors as org_selectors
from senim.org.models import Company

# Failed link look-ups a client may make per hour before every link answers "too many attempts".
LINK_FAILURES_PER_HOUR = 20


class SendForm(forms.Form):
    company: forms.ModelChoiceField = forms.ModelChoiceField(
        # Empty until the view sets the companies the actor may send for.
        label=gettext_lazy("Company"),
        queryset=Company.objects.none(),
    )
    valid_days = forms.IntegerField(label=gettext_lazy("Link valid for, days"), min_value=1, max_value=180, initial=30)
    include_esg = forms.BooleanField(
        label=gettext_lazy("Include the ESG and human-rights section"),
        required=False,
        help_text=gettext_lazy("Forced and child labour, safety, environment, the Supplier Code of Conduct."),
    )


class PaperForm(forms.Form):
    company: forms.ModelChoiceField = forms.ModelChoiceField(
        # Empty until the view sets the companies the actor may enter for.
        label=gettext_lazy("Company"),
        queryset=Company.objects.none(),
    )
    scan = forms.FileField(label=gettext_lazy("Scan of the paper copy"))
    include_esg = forms.BooleanField(
        label=gettext_lazy("The paper copy includes the ESG and human-rights section"), required=False
    )
    submitted_on = forms.DateField(
        label=gettext_lazy("Submitted on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("The day the counterparty signed the paper copy; leave empty for today."),
    )


class QuestionForm(forms.ModelForm):
    choices_json = forms.CharField(
        label=gettext_lazy("Options (JSON)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy('For a choice: [{"value": "a", "ru": "…", "kk": "…", "en": "…", "uz": "…"}]'),
    )

    class Meta:
        model = Question
        fields = [
            "order",
            "code",
            "text_ru",
            "text_kk",
            "text_en",
            "text_uz",
            "answer_type",
            "is_required",
            "red_flag",
            "flag_answer",
            "section",
        ]
        widgets = {f"text_{c}": forms.Textarea(attrs={"rows": 2}) for c in ("ru", "kk", "en", "uz")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section"].required = False  # a form without it keeps the question's section

    def clean_section(self) -> str:
        return self.cleaned_data.get("section") or self.instance.section or QuestionSection.ANTI_CORRUPTION

    def clean_choices_json(self) -> Any:
        text = self.cleaned_data.get("choices_json", "").strip()
        if not text:
            return []
        try:
            return json.loads(text)
        except ValueError as error:
            raise forms.ValidationError(_("This is not valid JSON.")) from error

    def _post_clean(self) -> None:
        pass


def _questions(response_or_questionnaire: Any, *, actor: Actor) -> list[dict[str, Any]]:
    """The questions in the active language (with fallback), their options and saved answers."""
    questionnaire = getattr(response_or_questionnaire, "questionnaire", response_or_questionnaire)
    answers: dict[uuid.UUID, Answer] = {}
    if isinstance(response_or_questionnaire, QuestionnaireResponse):
        answers = {a.question_id: a for a in selectors.answer_list(actor=actor, response=response_or_questionnaire)}
    items = []
    asked = (
        response_or_questionnaire.asked()
        if isinstance(response_or_questionnaire, QuestionnaireResponse)
        else questionnaire.questions.all()
    )
    for question in asked:
        answer = answers.get(question.pk)
        value = answer.value if answer else None
        if question.answer_type == AnswerType.PERSONS and value:
            value = "\n".join("; ".join((v["name"], v["identifier"], v["role"])).rstrip("; ") for v in value)
        elif question.answer_type == AnswerType.YES_NO and value is not None:
            value = "yes" if value else "no"
        items.append(
            {
                "question": question,
                "text": question.text,
                "options": [(c["value"], localized_choice(c)) for c in question.choices],
                "value": "" if value is None else value,
                "file_name": answer.file_name if answer else "",
            }
        )
    return items


def localized_choice(choice: dict[str, str]) -> str:
    language = (get_language() or "ru").split("-")[0]
    for code in [language, *settings.SENIM_CONTENT_LANGUAGE_FALLBACK]:
        if choice.get(code):
            return choice[code]
    return choice.get("value", "")


def _answers_of(request: HttpRequest) -> dict[str, str]:
    return {k: str(request.POST.get(k, "")) for k in request.POST if k.startswith("q_")}


def _files_of(request: HttpRequest) -> dict[str, Any]:
    return {k: request.FILES[k] for k in request.FILES if k.startswith("q_")}


def _too_many_failures(request: HttpRequest, failed: bool) -> bool:
    key = client_key(request, "questionnaire-link")
    failures = limits.hit(key, 3600) if failed else limits.count(key)
    return failures > LINK_FAILURES_PER_HOUR


def _unusable(request: HttpRequest, reason: str) -> HttpResponse:
    status = {"invalid": 404, "expired": 410, "submitted": 410, "throttled": 429}[reason]
    return render(request, "counterparties/questionnaire_unusable.html", {"reason": reason}, status=status)


def public_form(request: HttpRequest, token: str) -> HttpResponse:
    """The counterparty's personal link: no account; picks the language, saves drafts, submits once."""
    if _too_many_failures(request, failed=False):
        return _unusable(request, "throttled")
    try:
        response = services.response_for_token(token)
    except services.LinkUnusable as error:
        if error.reason == "invalid":
            _too_many_failures(request, failed=True)
        return _unusable(request, error.reason)
    errors: dict[str, list[str]] = {}
    form_error = ""
    context: dict[str, Any]
    if request.method == "POST":
        submit = request.POST.get("action") == "submit"
        try:
            services.response_save(
                response=response,
                data=_answers_of(request),
                files=_files_of(request),
                version=request.POST.get("version", ""),
                language=(get_language() or "")[:5],
                submit=submit,
            )
        except services.LinkUnusable as error:
            return _unusable(request, error.reason)
        except services.FormTampered as error:
            context = {"reason": "tampered", "message": "; ".join(error.messages)}
            return render(request, "counterparties/questionnaire_unusable.html", context, status=400)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                errors = {k: [str(m) for v in vs for m in v.messages] for k, vs in error.error_dict.items()}
            else:
                form_error = "; ".join(error.messages)
        else:
            if submit:
                return render(request, "counterparties/questionnaire_done.html", {"response": response})
            messages.success(request, _("Your draft was saved. You can come back to this link until it expires."))
            return redirect(request.path)
    items = _questions(response, actor=SYSTEM)  # the respondent, admitted by a valid link
    if request.method == "POST":
        for item in items:
            code = item["question"].code
            if item["question"].answer_type != AnswerType.FILE:
                item["value"] = request.POST.get(f"q_{code}", "")
    for item in items:
        item["errors"] = errors.get(f"q_{item['question'].code}", [])
    context = {"response": response, "items": items, "form_error": form_error, "has_errors": bool(errors)}
    return render(request, "counterparties/questionnaire_public.html", context)


@permission_required(policy.SEND_QUESTIONNAIRE)
def send(request: ActorRequest, counterparty_id: uuid.UUID) -> HttpResponse:
    counterparty = get_counterparty(request, counterparty_id)
    form = SendForm(request.POST or None)
    form.fields["company"].queryset = org_selectors.company_list(actor=request.user)  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid():
        try:
            response, token = services.questionnaire_send(
                actor=request.user, counterparty=counterparty, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _("You may not send questionnaires for that company."))
        else:
            link = request.build_absolute_uri(reverse("counterparties:questionnaire-public", args=[token]))
            return render(request, "counterparties/questionnaire_sent.html", {"response": response, "link": link})
    context = {"form": form, "counterparty": counterparty, "title": _("Send the questionnaire")}
    return render(request, "counterparties/questionnaire_staff_form.html", context)


@permission_required(policy.SEND_QUESTIONNAIRE)
def paper(request: ActorRequest, counterparty_id: uuid.UUID) -> HttpResponse:
    counterparty = get_counterparty(request, counterparty_id)
    questionnaire = services.questionnaire_current()
    if questionnaire is None:
        raise Http404
    form = PaperForm(request.POST or None, request.FILES or None)
    form.fields["company"].queryset = org_selectors.company_list(actor=request.user)  # type: ignore[attr-defined]
    errors: dict[str, list[str]] = {}
    if request.method == "POST" and form.is_valid():
        try:
            response = services.response_enter_on_paper(
                actor=request.user,
                counterparty=counterparty,
                company=form.cleaned_data["company"],
                data=_answers_of(request),
                files=_files_of(request),
                scan=form.cleaned_data["scan"],
                include_esg=form.cleaned_data["include_esg"],
                submitted_on=form.cleaned_data["submitted_on"],
            )
        except services.FormTampered as error:
            form.add_error(None, error)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                errors = {k: [str(m) for v in vs for m in v.messages] for k, vs in error.error_dict.items()}
                for name in ("scan", "submitted_on"):
                    if name in errors:
                        form.add_error(name, errors.pop(name))
            else:
                form.add_error(None, error)
        except PermissionDenied:
            form.add_error(None, _("You may not send questionnaires for that company."))
        else:
            messages.success(request, _("The questionnaire was entered."))
            return redirect("counterparties:questionnaire-response", response_id=response.pk)
    items = _questions(questionnaire, actor=request.user)
    for item in items:
        code = item["question"].code
        item["errors"] = errors.get(f"q_{code}", [])
        if request.method == "POST" and item["question"].answer_type != AnswerType.FILE:
            item["value"] = request.POST.get(f"q_{code}", "")
    context = {"form": form, "counterparty": counterparty, "questionnaire": questionnaire, "items": items}
    return render(request, "counterparties/questionnaire_paper.html", context)


def _response(request: ActorRequest, response_id: uuid.UUID) -> QuestionnaireResponse:
    return get_or_404(selectors.response_get, actor=request.user, response_id=response_id)


@permission_required(policy.VIEW_CASES)
def response_detail(request: ActorRequest, response_id: uuid.UUID) -> HttpResponse:
    response = _response(request, response_id)
    items = _questions(response, actor=request.user)
    for item in items:
        question = item["question"]
        raw = selectors.answer_list(actor=request.user, response=response).filter(question=question).first()
        item["answer"] = raw
        item["raises"] = bool(raw and services.answer_raises_flag(question, raw.value))
    return render(request, "counterparties/questionnaire_response.html", {"response": response, "items": items})


@permission_required(policy.VIEW_CASES)
def response_file(request: ActorRequest, response_id: uuid.UUID, answer_id: uuid.UUID | None = None) -> HttpResponse:
    """An attached file or the scan of the paper copy, for staff who may read the response."""
    response = _response(request, response_id)
    if answer_id:
        answer = (
            selectors.answer_list(actor=request.user, response=response)
            .filter(id=answer_id)
            .exclude(stored_file="")
            .first()
        )
        if answer is None:
            raise Http404
        stored, name = answer.stored_file, answer.file_name
    else:
        if not response.scan_file:
            raise Http404
        stored, name = response.scan_file, response.scan_name
    return files.file_response(stored, sealed=True, filename=name)


@permission_required(policy.VIEW_CASES)
def version_list(request: ActorRequest) -> HttpResponse:
    context = {
        "versions": selectors.questionnaire_list(actor=request.user),
        "can_configure": request.user.scope_for(policy.CONFIGURE).everything,
    }
    return render(request, "counterparties/questionnaire_versions.html", context)


def _version(request: ActorRequest, questionnaire_id: uuid.UUID) -> Questionnaire:
    questionnaire = selectors.questionnaire_list(actor=request.user).filter(id=questionnaire_id).first()
    if questionnaire is None:
        raise Http404
    return questionnaire


@permission_required(policy.VIEW_CASES)
def version_detail(request: ActorRequest, questionnaire_id: uuid.UUID) -> HttpResponse:
    questionnaire = _version(request, questionnaire_id)
    context = {
        "questionnaire": questionnaire,
        "items": _questions(questionnaire, actor=request.user),
        "can_edit": questionnaire.published_on is None and request.user.scope_for(policy.CONFIGURE).everything,
    }
    return render(request, "counterparties/questionnaire_version.html", context)


@require_POST
@permission_required(policy.CONFIGURE)
def version_create(request: ActorRequest) -> HttpResponse:
    try:
        draft = services.questionnaire_new_version(actor=request.user)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, "; ".join(getattr(error, "messages", [_("You may not change the questionnaire.")])))
        return redirect("counterparties:questionnaire-versions")
    return redirect("counterparties:questionnaire-version", questionnaire_id=draft.pk)


@require_POST
@permission_required(policy.CONFIGURE)
def version_publish(request: ActorRequest, questionnaire_id: uuid.UUID) -> HttpResponse:
    questionnaire = _version(request, questionnaire_id)
    try:
        services.questionnaire_publish(actor=request.user, questionnaire=questionnaire)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, "; ".join(getattr(error, "messages", [_("You may not change the questionnaire.")])))
    else:
        messages.success(request, _("The version was published; new links use it."))
    return redirect("counterparties:questionnaire-version", questionnaire_id=questionnaire.pk)


@permission_required(policy.CONFIGURE)
def question_form(
    request: ActorRequest, questionnaire_id: uuid.UUID, question_id: uuid.UUID | None = None
) -> HttpResponse:
    questionnaire = _version(request, questionnaire_id)
    question = questionnaire.questions.filter(id=question_id).first() if question_id else None
    if question_id and question is None:
        raise Http404
    initial = {"choices_json": json.dumps(question.choices, ensure_ascii=False)} if question else None
    form = QuestionForm(request.POST or None, instance=question, initial=initial)
    form.fields["red_flag"].queryset = selectors.red_flag_list(actor=request.user, active_only=True)  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["choices"] = data.pop("choices_json")
        try:
            services.question_save(actor=request.user, questionnaire=questionnaire, question=question, **data)
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _("You may not change the questionnaire."))
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("counterparties:questionnaire-version", questionnaire_id=questionnaire.pk)
    context = {"form": form, "questionnaire": questionnaire, "question": question}
    return render(request, "counterparties/question_form.html", context)
