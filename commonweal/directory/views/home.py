from django.shortcuts import render
from django.urls import path


def directory_home(request):
    return render(request, "directory/home.html", {})


urlpatterns = [path("", directory_home, name="home")]
