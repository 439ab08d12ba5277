from django.urls import path

from commonweal.rights.views import notices, officer, people, public

app_name = "rights"

urlpatterns = [
    path("assets/", public.register, name="register"),
    path("assets/register.csv", public.register_csv, name="register_csv"),
    path("assets/register.geojson", public.register_geojson, name="register_geojson"),
    path("assets/nominate/", people.nominate, name="nominate"),
    path("assets/yours/", people.yours, name="yours"),
    path("assets/casework/", officer.dashboard, name="dashboard"),
    path("assets/casework/<str:reference>/", officer.case, name="case"),
    path("assets/casework/<str:reference>/<slug:action>/", officer.case_action, name="case_action"),
    path("assets/notices/<int:pk>/", notices.notice_page, name="notice"),
    path("assets/notices/<int:pk>.pdf", notices.notice_pdf, name="notice_pdf"),
    path("assets/<str:reference>/", public.entry, name="entry"),
    path("assets/<str:reference>/ask-to-bid/", people.ask_to_bid, name="ask_to_bid"),
    path("assets/<str:reference>/owner-notice/", people.owner_notice, name="owner_notice"),
    path("assets/<str:reference>/review/", people.owner_review, name="owner_review"),
]
