from django.urls import include, path

from commonweal.api import api, mount_feature_routers

mount_feature_routers()

urlpatterns = [
    path("", include("commonweal.core.urls")),
    path("accounts/", include("commonweal.accounts.urls")),
    path("places/", include("commonweal.places.urls")),
    path("groups/", include("commonweal.directory.urls")),
    path("data/", include("commonweal.opendata.urls")),
    path("api/v1/", api.urls),
]

handler403 = "commonweal.core.views.error_403"
handler404 = "commonweal.core.views.error_404"
handler500 = "commonweal.core.views.error_500"
