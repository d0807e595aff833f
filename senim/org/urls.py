from django.urls import path

from senim.org import import_views, views

app_name = "org"

urlpatterns = [
    path("employees/", views.employee_list, name="employee-list"),
    path("employees/new/", views.employee_create, name="employee-create"),
    path("employees/<uuid:employee_id>/", views.employee_detail, name="employee-detail"),
    path("employees/<uuid:employee_id>/edit/", views.employee_edit, name="employee-edit"),
    path("companies/", views.company_list, name="company-list"),
    path("companies/new/", views.company_form, name="company-create"),
    path("companies/<uuid:company_id>/", views.company_detail, name="company-detail"),
    path("companies/<uuid:company_id>/edit/", views.company_form, name="company-edit"),
    path("companies/<uuid:company_id>/units/new/", views.unit_form, name="unit-create"),
    path("companies/<uuid:company_id>/units/<uuid:unit_id>/edit/", views.unit_form, name="unit-edit"),
    path("companies/<uuid:company_id>/positions/new/", views.position_form, name="position-create"),
    path("companies/<uuid:company_id>/positions/<uuid:position_id>/edit/", views.position_form, name="position-edit"),
    path("import/", import_views.upload, name="import-upload"),
    path("import/<str:token>/", import_views.preview, name="import-preview"),
    path("import/<str:token>/confirm/", import_views.confirm, name="import-confirm"),
    path("import/jobs/<uuid:job_id>/", import_views.job_detail, name="import-job"),
    path("import/jobs/<uuid:job_id>/rejected.csv", import_views.job_rejected, name="import-job-rejected"),
    path("import/<str:token>/rejected.csv", import_views.rejected, name="import-rejected"),
]
