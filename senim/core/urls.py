from django.urls import path

from senim.core import views

app_name = "core"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("indicators/", views.indicator_list, name="indicators"),
    path("audit/", views.audit_list, name="audit"),
    path("audit/export.csv", views.audit_export, name="audit-export"),
    path("healthz", views.healthz, name="healthz"),
]
