"""Every directory page's path, gathered from the modules that serve them."""

from commonweal.directory.views import home, manage, network, officer

urlpatterns = [*home.urlpatterns, *manage.urlpatterns, *officer.urlpatterns, *network.urlpatterns]
