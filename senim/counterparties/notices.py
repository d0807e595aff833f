"""E-mails of the counterparties module: a verification or an application waits for someone's
approval, a questionnaire came in. Each goes to the people responsible, in their language, and names
the item by number and counterparty with a path to open it; never the answers or the reasoning."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from senim.accounts.selectors import users_who_may
from senim.core.mail import mail_users, notice
from senim.counterparties import policy
from senim.counterparties.models import Application, QuestionnaireResponse, VerificationCase


@notice
def verification_waiting(case_id: str) -> int:
    """Tell those who may decide the step a verification waits at."""
    from senim.counterparties import services

    case = VerificationCase.objects.select_related("counterparty").filter(pk=case_id).first()
    if case is None or case.status not in {VerificationCase.Status.CONCLUDED, VerificationCase.Status.AWAITING_SECOND}:
        return 0
    path = reverse("counterparties:case-detail", args=[case.pk])

    def render(user: Any) -> tuple[str, list[str]]:
        step = services.STEP_LABELS[
            services.STEP_SECOND if case.status == VerificationCase.Status.AWAITING_SECOND else services.STEP_FIRST
        ]
        return _("Senim: a verification waits for your approval"), [
            _("The verification of %(counterparty)s waits for %(step)s.")
            % {"counterparty": case.counterparty.name, "step": step},
            "",
            _("Open it in Senim: %(path)s") % {"path": path},
        ]

    return mail_users(services.case_approvers(case), render)


@notice
def application_waiting(application_id: str) -> int:
    """Tell the approvers that a decision on an application waits for them."""
    application = Application.objects.select_related("counterparty").filter(pk=application_id).first()
    if application is None or application.status != Application.Status.PROPOSED:
        return 0
    users = [
        u
        for u in users_who_may(
            permission=policy.APPROVE, company_id=application.company_id, unit_id=application.unit_id
        )
        if u.pk != application.proposed_by_id
    ]
    path = reverse("counterparties:application-detail", args=[application.pk])

    def render(user: Any) -> tuple[str, list[str]]:
        return _("Senim: application %(number)s waits for your approval") % {"number": application.number}, [
            _("A decision on application %(number)s (%(counterparty)s) waits for your approval.")
            % {"number": application.number, "counterparty": application.counterparty.name},
            "",
            _("Open it in Senim: %(path)s") % {"path": path},
        ]

    return mail_users(users, render)


@notice
def questionnaire_received(response_id: str) -> int:
    """Tell the compliance officers over the company that a counterparty's questionnaire came in."""
    response = QuestionnaireResponse.objects.select_related("counterparty").filter(pk=response_id).first()
    if response is None:
        return 0
    users = users_who_may(permission=policy.SEND_QUESTIONNAIRE, company_id=response.company_id)
    path = reverse("counterparties:questionnaire-response", args=[response.pk])

    def render(user: Any) -> tuple[str, list[str]]:
        return _("Senim: a questionnaire came in from %(counterparty)s") % {
            "counterparty": response.counterparty.name
        }, [
            _("%(counterparty)s returned the anti-corruption questionnaire.")
            % {"counterparty": response.counterparty.name},
            "",
            _("Open it in Senim: %(path)s") % {"path": path},
        ]

    return mail_users(users, render)
