from django.urls import path

from senim.core import baseline_views, views

app_name = "core"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("indicators/", views.indicator_list, name="indicators"),
    path("indicators/baselines/", baseline_views.baseline_list, name="baselines"),
    path("indicators/baselines/<uuid:baseline_id>/delete/", baseline_views.baseline_delete, name="baseline-delete"),
    path("audit/", views.audit_list, name="audit"),
    path("audit/export.csv", views.audit_export, name="audit-export"),
    path("healthz", views.healthz, name="healthz"),
]
