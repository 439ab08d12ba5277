"""Every directory page's path, gathered from the modules that serve them."""

from commonweal.directory.views import feeds, home, manage, network, officer

# The feeds come first: their fixed paths ("openreferral/") must win over any "<slug>/".
urlpatterns = [
    *feeds.urlpatterns,
    *home.urlpatterns,
    *manage.urlpatterns,
    *officer.urlpatterns,
    *network.urlpatterns,
]
