"""``/api/v2/newsletter/``: included by cms/urls.py in front of the Wagtail API router."""

from django.urls import path

from .newsletter import ConsentTextAPIView, SubscribeAPIView

app_name = "newsletter_api"

urlpatterns = [
    path("subscribe/", SubscribeAPIView.as_view(), name="subscribe"),
    path("consent/", ConsentTextAPIView.as_view(), name="consent"),
]
