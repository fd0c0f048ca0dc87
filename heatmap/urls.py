from django.urls import path

from . import group_views, views

app_name = "heatmap"

urlpatterns = [
    path("start/<int:page_id>/", views.start, name="start"),
    path("r/<str:token>/", views.results, name="results"),
    path("r/<str:token>/step/<int:step>/", views.step, name="step"),
    path("r/<str:token>/csv/", views.results_csv, name="csv"),
    path("r/<str:token>/delete/", views.delete, name="delete"),
    path("r/<str:token>/retake/", views.retake, name="retake"),
    path("deleted/", views.deleted, name="deleted"),
    path("groups/new/<int:page_id>/", group_views.create_group, name="create_group"),
    path("g/<str:token>/", group_views.group_page, name="group"),
    path("g/<str:token>/join/", group_views.join, name="join"),
    path("manage/<str:token>/", group_views.manage, name="manage"),
]
