from django.urls import path

from senim.examination import views

app_name = "examination"

urlpatterns = [
    path("", views.examination_list, name="list"),
    path("new/", views.examination_create, name="create"),
    path("dismissed.csv", views.dismissed_export, name="dismissed-export"),
    path("<uuid:examination_id>/", views.examination_detail, name="detail"),
    path("<uuid:examination_id>/revision/", views.version_upload, name="version-upload"),
    path("<uuid:examination_id>/findings/add/", views.finding_add, name="finding-add"),
    path("<uuid:examination_id>/conclude/", views.conclude, name="conclude"),
    path("<uuid:examination_id>/accept-risk/", views.accept_risk, name="accept-risk"),
    path("<uuid:examination_id>/commented.docx", views.commented_download, name="commented"),
    path("<uuid:examination_id>/conclusion.<str:fmt>", views.conclusion_download, name="conclusion"),
    path("findings/<uuid:finding_id>/<str:decision>/", views.finding_decide, name="finding-decide"),
]
