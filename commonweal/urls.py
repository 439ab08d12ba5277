from django.urls import include, path

from commonweal.api import api, mount_feature_routers

mount_feature_routers()

urlpatterns = [
    path("", include("commonweal.core.urls")),
    path("accounts/", include("commonweal.accounts.urls")),
    path("places/", include("commonweal.places.urls")),
    path("groups/", include("commonweal.directory.urls")),
    path("rights/challenge/", include("commonweal.rights.challenge.urls")),
    path("rights/asset-transfer/", include("commonweal.rights.transfer.urls")),
    path("rights/neighbourhood-planning/", include("commonweal.rights.planning.urls")),
    path("rights/", include("commonweal.rights.urls")),
    path("budgets/", include("commonweal.budgets.urls")),
    path("data/contracts/", include("commonweal.opendata.contracts.urls")),
    path("data/requests/", include("commonweal.opendata.datarequests.urls")),
    path("feedback/", include("commonweal.opendata.feedback.urls")),
    path("data/", include("commonweal.opendata.urls")),
    path("api/v1/", api.urls),
]

handler403 = "commonweal.core.views.error_403"
handler404 = "commonweal.core.views.error_404"
handler500 = "commonweal.core.views.error_500"
