from django.urls import path
from django.utils.translation import gettext_lazy as _

from senim.conflicts import alert_views, gift_views, views
from senim.conflicts.importing import IMPORTS
from senim.core.import_views import ImportPages

app_name = "conflicts"
IMPORT_PAGES = ImportPages(
    namespace="conflicts",
    imports=IMPORTS,
    landing={"declarations": "conflicts:declaration-list", "gifts": "conflicts:gift-list"},
    title=_("Import declarations and gifts"),
    back=("conflicts:declaration-list", _("Declarations")),
    help_template="conflicts/_import_help.html",
)

urlpatterns = [
    *IMPORT_PAGES.urls(),
    path("my/", views.my_declarations, name="my-declarations"),
    path("my/declare/<str:form_type>/", views.declaration_create, name="declaration-create"),
    path("my/actions/", views.my_actions, name="my-actions"),
    path("measures/<uuid:measure_id>/done/", views.measure_done, name="measure-done"),
    path("declarations/", views.declaration_list, name="declaration-list"),
    path("declarations/paper/", views.paper_entry, name="paper-entry"),
    path("declarations/close-empty/", views.declarations_close_empty, name="declarations-close-empty"),
    path("declarations/<uuid:declaration_id>/", views.declaration_detail, name="declaration-detail"),
    path("declarations/<uuid:declaration_id>/review/", views.declaration_review, name="declaration-review"),
    path("declarations/<uuid:declaration_id>/measures/", views.measure_add, name="measure-add"),
    path("declarations/<uuid:declaration_id>/scan/", views.declaration_scan, name="declaration-scan"),
    path("campaigns/", views.campaign_list, name="campaign-list"),
    path("campaigns/new/", views.campaign_create, name="campaign-create"),
    path("campaigns/<uuid:campaign_id>/", views.campaign_detail, name="campaign-detail"),
    path("campaigns/<uuid:campaign_id>/<str:action>/", views.campaign_action, name="campaign-action"),
    path("forms/", views.form_version_list, name="form-versions"),
    path("forms/<str:form_type>/new/", views.form_version_create, name="form-version-create"),
    path("alerts/", alert_views.alert_list, name="alert-list"),
    path("alerts/<uuid:alert_id>/", alert_views.alert_detail, name="alert-detail"),
    path("detection/", alert_views.run_list, name="run-list"),
    path("detection/start/", alert_views.run_start, name="run-start"),
    path("detection/<uuid:run_id>/", alert_views.run_detail, name="run-detail"),
    path("gifts/my/", gift_views.my_gifts, name="my-gifts"),
    path("gifts/new/", gift_views.gift_create, name="gift-create"),
    path("gifts/", gift_views.gift_list, name="gift-list"),
    path("gifts/export.csv", gift_views.gift_export, name="gift-export"),
    path("gifts/totals/", gift_views.gift_totals, name="gift-totals"),
    path("gifts/thresholds/", gift_views.threshold_list, name="thresholds"),
    path("gifts/<uuid:gift_id>/", gift_views.gift_detail, name="gift-detail"),
    path("gifts/<uuid:gift_id>/decide/", gift_views.gift_decide, name="gift-decide"),
    path("gifts/<uuid:gift_id>/link/", gift_views.gift_link, name="gift-link"),
    path("gifts/<uuid:gift_id>/hand-over/", gift_views.gift_hand_over, name="gift-hand-over"),
]
