from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from senim.core.import_views import ImportPages
from senim.counterparties import (
    application_views,
    contract_views,
    evidence_views,
    questionnaire_views,
    supplier_views,
    verification_views,
    views,
)
from senim.counterparties.importing import IMPORTS

app_name = "counterparties"
IMPORT_PAGES = ImportPages(
    namespace="counterparties",
    imports=IMPORTS,
    landing={
        "counterparties": "counterparties:counterparty-list",
        "contracts": "counterparties:contract-list",
        "applications": "counterparties:application-list",
    },
    title=_("Import counterparties and contracts"),
    back=("counterparties:counterparty-list", _("Counterparties")),
    help_template="counterparties/_import_help.html",
)

urlpatterns = [
    # The register lives at list/ rather than at the app's root, so that the sidebar (which marks the
    # entry whose address is a prefix of the page's) does not mark it on every page of the module.
    path("", RedirectView.as_view(pattern_name="counterparties:counterparty-list"), name="index"),
    path("list/", views.counterparty_list, name="counterparty-list"),
    path("new/", views.counterparty_form, name="counterparty-create"),
    path("<uuid:counterparty_id>/", views.counterparty_detail, name="counterparty-detail"),
    path("<uuid:counterparty_id>/edit/", views.counterparty_form, name="counterparty-edit"),
    path("<uuid:counterparty_id>/merge/", views.counterparty_merge, name="counterparty-merge"),
    path("<uuid:counterparty_id>/screen/", views.counterparty_screen, name="counterparty-screen"),
    path(
        "<uuid:counterparty_id>/screening-certificate.pdf",
        views.screening_certificate,
        name="screening-certificate",
    ),
    path("<uuid:counterparty_id>/parties/new/", views.party_form, name="party-create"),
    path("<uuid:counterparty_id>/parties/<uuid:party_id>/edit/", views.party_form, name="party-edit"),
    path("<uuid:counterparty_id>/parties/<uuid:party_id>/remove/", views.party_remove, name="party-remove"),
    path("<uuid:counterparty_id>/contacts/new/", views.contact_form, name="contact-create"),
    path("<uuid:counterparty_id>/contacts/<uuid:contact_id>/edit/", views.contact_form, name="contact-edit"),
    path("<uuid:counterparty_id>/contacts/<uuid:contact_id>/remove/", views.contact_remove, name="contact-remove"),
    path("<uuid:counterparty_id>/documents/new/", views.document_form, name="document-create"),
    path("<uuid:counterparty_id>/documents/<uuid:document_id>/", views.document_download, name="document-download"),
    path("<uuid:counterparty_id>/documents/<uuid:document_id>/remove/", views.document_remove, name="document-remove"),
    path("<uuid:counterparty_id>/contracts/new/", contract_views.contract_create, name="contract-create"),
    path("contracts/", contract_views.contract_list, name="contract-list"),
    path("coverage/", contract_views.contract_coverage, name="contract-coverage"),
    path("significant/", supplier_views.significant_list, name="significant-list"),
    path("significant/mark/", supplier_views.significant_mark, name="significant-mark"),
    path("contracts/<uuid:contract_id>/", contract_views.contract_detail, name="contract-detail"),
    path("contracts/<uuid:contract_id>/edit/", contract_views.contract_edit, name="contract-edit"),
    path("<uuid:counterparty_id>/applications/new/", application_views.application_create, name="application-create"),
    path("applications/", application_views.application_list, name="application-list"),
    path("applications/<uuid:application_id>/", application_views.application_detail, name="application-detail"),
    path(
        "applications/<uuid:application_id>/propose/", application_views.application_propose, name="application-propose"
    ),
    path(
        "applications/<uuid:application_id>/approve/", application_views.application_approve, name="application-approve"
    ),
    path("applications/<uuid:application_id>/decide/", application_views.application_decide, name="application-decide"),
    path("applications/<uuid:application_id>/return/", application_views.application_return, name="application-return"),
    path("register/", application_views.register, name="register"),
    path("register.xlsx", application_views.register_export, name="register-export"),
    path("register.pdf", application_views.register_export_pdf, name="register-export-pdf"),
    path("register/<uuid:entry_id>/revoke/", application_views.register_revoke, name="register-revoke"),
    path("clauses/", application_views.clause_list, name="clause-list"),
    path("clauses/new/", application_views.clause_form, name="clause-create"),
    path("clauses/<uuid:clause_id>/edit/", application_views.clause_form, name="clause-edit"),
    path("<uuid:counterparty_id>/verifications/new/", verification_views.case_create, name="case-create"),
    path("verifications/", verification_views.case_list, name="case-list"),
    path("verifications/<uuid:case_id>/", verification_views.case_detail, name="case-detail"),
    path("verifications/<uuid:case_id>/checks/<uuid:check_id>/", verification_views.case_check, name="case-check"),
    path("verifications/<uuid:case_id>/flags/", verification_views.case_flag_raise, name="case-flag-raise"),
    path(
        "verifications/<uuid:case_id>/flags/<uuid:flag_id>/withdraw/",
        verification_views.case_flag_withdraw,
        name="case-flag-withdraw",
    ),
    path("verifications/<uuid:case_id>/refresh/", verification_views.case_refresh, name="case-refresh"),
    path("verifications/<uuid:case_id>/conclude/", verification_views.case_conclude, name="case-conclude"),
    path("verifications/<uuid:case_id>/approve/", verification_views.case_approve, name="case-approve"),
    path("verifications/<uuid:case_id>/second-approval/", verification_views.case_second_approve, name="case-second"),
    path("verifications/<uuid:case_id>/decide/", verification_views.case_decide, name="case-decide"),
    path("verifications/<uuid:case_id>/evidence/", evidence_views.case_evidence_add, name="case-evidence-add"),
    path(
        "verifications/<uuid:case_id>/evidence/<uuid:evidence_id>/",
        evidence_views.case_evidence_download,
        name="case-evidence-download",
    ),
    path(
        "verifications/<uuid:case_id>/evidence/<uuid:evidence_id>/remove/",
        evidence_views.case_evidence_remove,
        name="case-evidence-remove",
    ),
    path("verifications/<uuid:case_id>/reopen/", verification_views.case_reopen, name="case-reopen"),
    path("settings/", verification_views.settings_page, name="verification-settings"),
    path("settings/red-flags/new/", verification_views.red_flag_form, name="red-flag-create"),
    path("settings/red-flags/<uuid:flag_id>/", verification_views.red_flag_form, name="red-flag-edit"),
    path("settings/rules/new/", verification_views.rule_form, name="rule-create"),
    path("settings/rules/<uuid:rule_id>/", verification_views.rule_form, name="rule-edit"),
    path("q/<str:token>/", questionnaire_views.public_form, name="questionnaire-public"),
    path("<uuid:counterparty_id>/questionnaires/send/", questionnaire_views.send, name="questionnaire-send"),
    path("<uuid:counterparty_id>/questionnaires/paper/", questionnaire_views.paper, name="questionnaire-paper"),
    path("questionnaires/", questionnaire_views.version_list, name="questionnaire-versions"),
    path("questionnaires/new/", questionnaire_views.version_create, name="questionnaire-version-create"),
    path("questionnaires/<uuid:questionnaire_id>/", questionnaire_views.version_detail, name="questionnaire-version"),
    path(
        "questionnaires/<uuid:questionnaire_id>/publish/",
        questionnaire_views.version_publish,
        name="questionnaire-publish",
    ),
    path(
        "questionnaires/<uuid:questionnaire_id>/questions/new/",
        questionnaire_views.question_form,
        name="question-create",
    ),
    path(
        "questionnaires/<uuid:questionnaire_id>/questions/<uuid:question_id>/",
        questionnaire_views.question_form,
        name="question-edit",
    ),
    path(
        "questionnaires/responses/<uuid:response_id>/",
        questionnaire_views.response_detail,
        name="questionnaire-response",
    ),
    path(
        "questionnaires/responses/<uuid:response_id>/scan/",
        questionnaire_views.response_file,
        name="questionnaire-scan",
    ),
    path(
        "questionnaires/responses/<uuid:response_id>/files/<uuid:answer_id>/",
        questionnaire_views.response_file,
        name="questionnaire-file",
    ),
    *IMPORT_PAGES.urls(),
]
