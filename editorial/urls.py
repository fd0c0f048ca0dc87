from django.urls import path

from .views import shared_draft

urlpatterns = [path("<str:token>/", shared_draft, name="editorial_shared_draft")]
