from django.urls import path

from senim.risks import assessment_views, plan_views

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
    path("assessments/", assessment_views.exercise_list, name="exercise-list"),
    path("assessments/<uuid:exercise_id>/", assessment_views.exercise_detail, name="exercise-detail"),
    path("assessments/<uuid:exercise_id>/map.<str:fmt>", assessment_views.exercise_map, name="exercise-map"),
    path("assessments/<uuid:exercise_id>/functions/", assessment_views.function_add, name="function-add"),
    path("assessments/<uuid:exercise_id>/catalogue/", assessment_views.catalogue_import, name="catalogue-import"),
    path("assessments/<uuid:exercise_id>/approve/", assessment_views.exercise_approve, name="exercise-approve"),
    path("assessments/<uuid:exercise_id>/positions/", assessment_views.positions_approve, name="positions-approve"),
    path("assessments/<uuid:exercise_id>/programme/", assessment_views.programme_draft, name="programme-draft"),
    path("functions/to-assess/", assessment_views.functions_to_assess, name="functions-to-assess"),
    path("functions/<uuid:function_id>/", assessment_views.function_detail, name="function-detail"),
    path("functions/<uuid:function_id>/review/", assessment_views.function_review, name="function-review"),
]
