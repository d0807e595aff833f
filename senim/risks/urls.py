from django.urls import path

from senim.risks import plan_views

app_name = "risks"

urlpatterns = [
    path("plans/", plan_views.plan_list, name="plan-list"),
    path("plans/import/", plan_views.plan_import_upload, name="plan-import"),
    path("plans/import/<str:token>/", plan_views.plan_import_preview, name="plan-import-preview"),
    path("plans/<uuid:plan_id>/", plan_views.plan_detail, name="plan-detail"),
    path("plans/<uuid:plan_id>/timeline.svg", plan_views.plan_timeline_svg, name="plan-timeline"),
    path("plans/<uuid:plan_id>/export.<str:fmt>", plan_views.plan_export, name="plan-export"),
    path("measures/<uuid:measure_id>/", plan_views.measure_detail, name="measure-detail"),
    path("periods/<uuid:instance_id>/report/", plan_views.instance_report, name="instance-report"),
    path("attention/", plan_views.attention, name="attention"),
]
