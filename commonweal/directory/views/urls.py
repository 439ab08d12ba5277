from commonweal.directory.views import home

urlpatterns = [*home.urlpatterns]
