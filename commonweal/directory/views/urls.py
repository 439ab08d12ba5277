"""Every directory page's path, gathered from the modules that serve them."""

from commonweal.directory.views import feeds, home, manage, network, officer

# A group's own pages are /groups/<slug>/…, so the fixed paths ("new/", "coverage/",
# "openreferral/" …) come first, and services.organisations.RESERVED_SLUGS keeps a group
# from being given a slug that one of them uses.
urlpatterns = [
    *feeds.urlpatterns,
    *officer.urlpatterns,
    *network.urlpatterns,
    *manage.urlpatterns,
    *home.urlpatterns,
]
