from django.urls import path

from senim.awareness import campaign_views, outreach_views, outsider_views, people_views, views

app_name = "awareness"

urlpatterns = [
    path("my/", views.my_reading, name="my-reading"),
    path("my/<uuid:version_id>/", views.read_version, name="read-version"),
    path("my/<uuid:version_id>/files/<uuid:file_id>/", views.my_version_file, name="my-version-file"),
    path("documents/", views.document_list, name="document-list"),
    path("documents/new/", views.document_create, name="document-create"),
    path("documents/<uuid:document_id>/", views.document_detail, name="document-detail"),
    path("documents/<uuid:document_id>/<str:action>/", views.document_action, name="document-action"),
    path("versions/<uuid:version_id>/files/<uuid:file_id>/", views.version_file, name="version-file"),
    path("versions/<uuid:version_id>/campaign/", campaign_views.campaign_create, name="campaign-create"),
    path("versions/<uuid:version_id>/paper/", campaign_views.paper_entry, name="paper-entry"),
    path("versions/<uuid:version_id>/decide/", views.version_decide, name="version-decide"),
    path("versions/<uuid:version_id>/<str:action>/", views.version_action, name="version-action"),
    path("campaigns/", campaign_views.campaign_list, name="campaign-list"),
    path("campaigns/<uuid:campaign_id>/", campaign_views.campaign_detail, name="campaign-detail"),
    path("campaigns/<uuid:campaign_id>/<str:action>/", campaign_views.campaign_action, name="campaign-action"),
    path("overdue/", campaign_views.overdue, name="overdue"),
    path("import/<str:kind>/", campaign_views.import_upload, name="import"),
    path("import/confirm/<str:token>/", campaign_views.import_confirm, name="import-confirm"),
    path("agreements/", people_views.agreement_list, name="agreement-list"),
    path("agreements/sync/", people_views.agreement_sync, name="agreement-sync"),
    path("agreements/<uuid:obligation_id>/", people_views.agreement_record, name="agreement-record"),
    path("agreements/<uuid:obligation_id>/scan/", people_views.agreement_scan, name="agreement-scan"),
    path("hires/new/", people_views.hire_record, name="hire-record"),
    path("checks/", people_views.check_list, name="check-list"),
    path("outsiders/", outsider_views.outsider_list, name="outsiders"),
    path("outsiders/add/", outsider_views.outsider_add, name="outsider-add"),
    path("outsiders/import/", outsider_views.outsider_import, name="outsider-import"),
    path("outsiders/<uuid:record_id>/revoke/", outreach_views.outsider_revoke, name="outsider-revoke"),
    path("outreach/", outreach_views.outreach_list, name="outreach"),
    path("outreach/new/", outreach_views.outreach_create, name="outreach-create"),
    path("outreach/<uuid:event_id>/", outreach_views.outreach_detail, name="outreach-detail"),
    path(
        "outreach/<uuid:event_id>/materials/<uuid:material_id>/",
        outreach_views.outreach_material,
        name="outreach-material",
    ),
    path("sign/<str:token>/", outsider_views.outsider_public, name="outsider-public"),
    path("checks/new/", people_views.check_create, name="check-create"),
    path("checks/<uuid:check_id>/", people_views.check_detail, name="check-detail"),
]
