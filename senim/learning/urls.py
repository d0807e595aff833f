from django.urls import path

from senim.learning import course_views, kb_views, manage_views, views

app_name = "learning"

urlpatterns = [
    path("kb/", kb_views.kb_home, name="kb"),
    path("kb/new/", kb_views.article_edit, name="article-create"),
    path("kb/pdf/", kb_views.kb_pdf, name="kb-pdf"),
    path("kb/views/", kb_views.kb_views, name="kb-views"),
    path("kb/categories/new/", kb_views.category_create, name="category-create"),
    path("kb/faq/new/", kb_views.faq_from_case, name="faq-from-case"),
    path("kb/<uuid:article_id>/", kb_views.article_detail, name="article-detail"),
    path("kb/<uuid:article_id>/edit/", kb_views.article_edit, name="article-edit"),
    path("kb/<uuid:article_id>/attach/", kb_views.attachment_add, name="attachment-add"),
    path("files/<uuid:attachment_id>/", kb_views.attachment_download, name="attachment"),
    path("my/", views.my_tests, name="my-tests"),
    path("my/certificates/", views.my_certificates, name="my-certificates"),
    path("courses/<uuid:course_id>/", views.course_detail, name="course-detail"),
    path("tests/<uuid:test_id>/start/", views.test_start, name="test-start"),
    path("attempts/<uuid:attempt_id>/", views.attempt_take, name="attempt"),
    path("certificates/<uuid:certificate_id>/pdf/", views.certificate_pdf, name="certificate-pdf"),
    path("courses/", course_views.course_list, name="courses"),
    path("courses/<uuid:course_id>/edit/", course_views.course_edit, name="course-edit"),
    path("pages/<uuid:page_id>/edit/", course_views.page_edit, name="page-edit"),
    path("pages/<uuid:page_id>/attach/", course_views.page_attach, name="page-attach"),
    path("banks/<uuid:bank_id>/questions/new/", course_views.question_create, name="question-create"),
    path("questions/<uuid:question_id>/edit/", course_views.question_edit, name="question-edit"),
    path("results/", manage_views.results, name="results"),
    path("results/units/", manage_views.results_by_unit, name="results-units"),
    path("assignments/", manage_views.assignment_list, name="assignments"),
    path("assignments/new/", manage_views.assignment_create, name="assignment-create"),
    path("assignments/overdue/", manage_views.overdue, name="overdue"),
    path("banks/", manage_views.bank_list, name="banks"),
    path("banks/<uuid:bank_id>/", manage_views.bank_detail, name="bank-detail"),
    path("banks/<uuid:bank_id>/export/<str:fmt>/", manage_views.bank_export, name="bank-export"),
    path("banks/<uuid:bank_id>/tests/new/", manage_views.test_create, name="test-create"),
    path("events/", manage_views.event_list, name="events"),
    path("events/new/", manage_views.event_create, name="event-create"),
    path("events/<uuid:event_id>/", manage_views.event_detail, name="event-detail"),
    path("events/<uuid:event_id>/certificates/", manage_views.event_certificates, name="event-certificates"),
    path("completions/import/", manage_views.completions_import, name="completions-import"),
]
