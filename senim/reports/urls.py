from django.urls import path

from senim.reports import evidence_views, rating_views, views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="report-list"),
    path("new/", views.report_create, name="report-create"),
    path("<uuid:report_id>/", views.report_detail, name="report-detail"),
    path("<uuid:report_id>/sections/<str:section>/<str:language>/", views.section_edit, name="section-edit"),
    path("<uuid:report_id>/overrides/", views.override_set, name="override-set"),
    path("<uuid:report_id>/overrides/<str:code>/remove/", views.override_remove, name="override-remove"),
    path("<uuid:report_id>/approve/", views.report_approve, name="report-approve"),
    path("<uuid:report_id>/new-version/", views.report_new_version, name="report-new-version"),
    path("<uuid:report_id>/figures/<str:code>/", views.figure_records, name="figure-records"),
    path("<uuid:report_id>/export/<str:language>.<str:fmt>", views.report_export, name="report-export"),
]

urlpatterns += [
    path("rating/", rating_views.rating_list, name="rating-list"),
    path("rating/methodology/", rating_views.methodology, name="methodology"),
    path("rating/<uuid:assessment_id>/", rating_views.rating_detail, name="rating-detail"),
    path("rating/<uuid:assessment_id>/external/", rating_views.rating_external, name="rating-external"),
    path("rating/<uuid:assessment_id>/approve/", rating_views.rating_approve, name="rating-approve"),
]

urlpatterns += [
    path("iso37001/", evidence_views.iso_map, name="iso-map"),
    path("iso37001/export.xlsx", evidence_views.iso_export, name="iso-export"),
    path("iso37001/upload/", evidence_views.evidence_upload, name="evidence-upload"),
    path("iso37001/evidence/<uuid:document_id>/remove/", evidence_views.evidence_remove, name="evidence-remove"),
    path("iso37001/evidence/<uuid:document_id>/", evidence_views.evidence_download, name="evidence-download"),
]
