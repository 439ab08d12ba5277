"""Directory pages for council officers: the verification queue, classification
overrides, the code of conduct and the communities-of-interest taxonomy.

The views live in officer_*.py beside this module; this keeps the paths.
"""

from django.urls import path

from commonweal.directory.views.officer_classification import classification
from commonweal.directory.views.officer_conduct import conduct, conduct_publish, conduct_version
from commonweal.directory.views.officer_tags import interest_tags, interest_tags_manage
from commonweal.directory.views.officer_verification import (
    verification_queue,
    verification_review,
)

urlpatterns: list = [
    path("officer/verification/", verification_queue, name="verification_queue"),
    path("officer/verification/<slug:slug>/", verification_review, name="verification_review"),
    path("code-of-conduct/", conduct, name="conduct"),
    path("code-of-conduct/new/", conduct_publish, name="conduct_publish"),
    path("code-of-conduct/<int:version>/", conduct_version, name="conduct_version"),
    path("interests/", interest_tags, name="interest_tags"),
    path("interests/manage/", interest_tags_manage, name="interest_tags_manage"),
    path("<slug:slug>/classification/", classification, name="classification"),
]
