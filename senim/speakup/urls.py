from django.urls import URLPattern

app_name = "speakup"

urlpatterns: list[URLPattern] = []
