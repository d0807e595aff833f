from django.urls import path

from senim.screening import upload_views, views

app_name = "screening"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("hits/", views.hit_list, name="hit-list"),
    path("hits/decide/", views.hit_bulk_decide, name="hit-bulk-decide"),
    path("hits/<uuid:hit_id>/", views.hit_detail, name="hit-detail"),
    path("runs/", views.run_list, name="run-list"),
    path("runs/new/", views.run_create, name="run-create"),
    path("runs/<uuid:run_id>/", views.run_detail, name="run-detail"),
    path("runs/<uuid:run_id>/hits.csv", views.run_hits_csv, name="run-hits-csv"),
    path("lists/", views.watchlist_list, name="watchlist-list"),
    path("lists/new/", views.watchlist_form, name="watchlist-create"),
    path("lists/<uuid:watchlist_id>/", views.watchlist_detail, name="watchlist-detail"),
    path("lists/<uuid:watchlist_id>/edit/", views.watchlist_form, name="watchlist-edit"),
    path("lists/<uuid:watchlist_id>/toggle/", views.watchlist_toggle, name="watchlist-toggle"),
    path("lists/<uuid:watchlist_id>/upload/", upload_views.version_upload, name="version-upload"),
    path("lists/<uuid:watchlist_id>/upload/<str:token>/", upload_views.version_mapping, name="version-mapping"),
    path("versions/<uuid:version_id>/", views.version_detail, name="version-detail"),
    path("entities/<int:entity_pk>/", views.entity_detail, name="entity-detail"),
]
