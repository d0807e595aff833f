from django.urls import path

from senim.counterparties import application_views, contract_views, import_views, views

app_name = "counterparties"

urlpatterns = [
    path("", views.counterparty_list, name="counterparty-list"),
    path("new/", views.counterparty_form, name="counterparty-create"),
    path("<uuid:counterparty_id>/", views.counterparty_detail, name="counterparty-detail"),
    path("<uuid:counterparty_id>/edit/", views.counterparty_form, name="counterparty-edit"),
    path("<uuid:counterparty_id>/merge/", views.counterparty_merge, name="counterparty-merge"),
    path("<uuid:counterparty_id>/screen/", views.counterparty_screen, name="counterparty-screen"),
    path("<uuid:counterparty_id>/parties/new/", views.party_form, name="party-create"),
    path("<uuid:counterparty_id>/parties/<uuid:party_id>/edit/", views.party_form, name="party-edit"),
    path("<uuid:counterparty_id>/parties/<uuid:party_id>/remove/", views.party_remove, name="party-remove"),
    path("<uuid:counterparty_id>/contacts/new/", views.contact_form, name="contact-create"),
    path("<uuid:counterparty_id>/contacts/<uuid:contact_id>/remove/", views.contact_remove, name="contact-remove"),
    path("<uuid:counterparty_id>/contracts/new/", contract_views.contract_create, name="contract-create"),
    path("contracts/", contract_views.contract_list, name="contract-list"),
    path("contracts/coverage/", contract_views.contract_coverage, name="contract-coverage"),
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
    path("applications/<uuid:application_id>/return/", application_views.application_return, name="application-return"),
    path("register/", application_views.register, name="register"),
    path("register.xlsx", application_views.register_export, name="register-export"),
    path("register/<uuid:entry_id>/revoke/", application_views.register_revoke, name="register-revoke"),
    path("clauses/", application_views.clause_list, name="clause-list"),
    path("clauses/new/", application_views.clause_form, name="clause-create"),
    path("clauses/<uuid:clause_id>/edit/", application_views.clause_form, name="clause-edit"),
    path("import/", import_views.upload, name="import-upload"),
    path("import/<str:token>/", import_views.preview, name="import-preview"),
    path("import/<str:token>/confirm/", import_views.confirm, name="import-confirm"),
    path("import/<str:token>/rejected.csv", import_views.rejected, name="import-rejected"),
]
