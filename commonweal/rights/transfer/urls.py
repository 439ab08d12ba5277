from django.urls import path

from commonweal.rights.transfer import exports
from commonweal.rights.transfer.views import asking, officer, public, register

app_name = "assettransfer"

urlpatterns = [
    path("", public.index, name="index"),
    path("transfers.csv", exports.offers_csv, name="offers_csv"),
    path("register/<str:code>/", public.register, name="register"),
    path("register/<str:code>/add/", register.add_asset, name="add_asset"),
    path("offers/<slug:slug>/", public.offer_detail, name="offer"),
    path("offers/<slug:slug>/ask/", asking.ask, name="ask"),
    path("requests/<str:reference>/", public.request_detail, name="request"),
    path("requests/<str:reference>/complete/", asking.complete, name="complete"),
    path("officer/", officer.dashboard, name="dashboard"),
    path("officer/assets/<int:pk>/offer/", officer.offer_asset, name="offer_asset"),
    path("officer/offers/<slug:slug>/invite/", officer.invite, name="invite"),
    path("officer/requests/<str:reference>/", officer.decide, name="decide"),
]
