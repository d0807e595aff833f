from django.urls import URLPattern

app_name = "counterparties"

urlpatterns: list[URLPattern] = []
