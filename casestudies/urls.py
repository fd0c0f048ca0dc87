from django.urls import path

from . import views

app_name = "casestudies"

urlpatterns = [
    path("<slug:code>/", views.short_url, name="short_url"),
]
