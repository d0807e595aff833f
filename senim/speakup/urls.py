from django.urls import path
from django.utils.translation import gettext_lazy as _

from senim.core.import_views import ImportPages
from senim.speakup import poster_views, public_views, views
from senim.speakup.importing import IMPORTS

app_name = "speakup"
IMPORT_PAGES = ImportPages(
    namespace="speakup",
    imports=IMPORTS,
    landing={"cases": "speakup:case-list"},
    title=_("Import Speak Up cases received before Senim"),
    back=("speakup:case-list", _("Speak Up cases")),
    help_template="speakup/_import_help.html",
)

urlpatterns = [
    *IMPORT_PAGES.urls(),
    # The public portal: no account.
    path("", public_views.portal, name="portal"),
    path("report/", public_views.report, name="report"),
    path("question/", public_views.question, name="question"),
    path("follow/", public_views.follow, name="follow"),
    path("follow/file/", public_views.follow_file, name="follow-file"),
    path("anonymity/", public_views.anonymity, name="anonymity"),
    path("p/<slug:code>/", poster_views.poster_visit, name="poster-visit"),
    # The compliance service.
    path("cases/", views.case_list, name="case-list"),
    path("cases/new/", views.case_intake, name="case-intake"),
    path("cases/<uuid:case_id>/", views.case_detail, name="case-detail"),
    path("cases/<uuid:case_id>/report.pdf", views.case_report_pdf, name="case-report-pdf"),
    path("cases/<uuid:case_id>/status/", views.case_status, name="case-status"),
    path("cases/<uuid:case_id>/assign/", views.case_assign, name="case-assign"),
    path("cases/<uuid:case_id>/message/", views.case_message, name="case-message"),
    path("cases/<uuid:case_id>/note/", views.case_note, name="case-note"),
    path("cases/<uuid:case_id>/task/", views.case_task, name="case-task"),
    path("cases/<uuid:case_id>/tasks/<uuid:task_id>/done/", views.case_task_done, name="case-task-done"),
    path("cases/<uuid:case_id>/link/", views.case_link, name="case-link"),
    path("cases/<uuid:case_id>/links/<uuid:link_id>/remove/", views.case_unlink, name="case-unlink"),
    path("cases/<uuid:case_id>/close/", views.case_close, name="case-close"),
    path("cases/<uuid:case_id>/answer/", views.case_answer, name="case-answer"),
    path("cases/<uuid:case_id>/reward/", views.case_reward, name="case-reward"),
    path("cases/<uuid:case_id>/conflict/", views.case_conflict, name="case-conflict"),
    path("cases/<uuid:case_id>/receipt/", views.case_receipt, name="case-receipt"),
    path("cases/<uuid:case_id>/files/<uuid:file_id>/", views.case_file, name="case-file"),
    path("statistics/", views.statistics, name="statistics"),
    path("posters/", poster_views.poster_page, name="posters"),
    path("posters/download/", poster_views.poster_download, name="poster-download"),
    path("posters/tags/", poster_views.poster_tag_create, name="poster-tag-create"),
    path("posters/texts/<uuid:company_id>/", poster_views.poster_texts, name="poster-texts"),
]
