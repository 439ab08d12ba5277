from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from commonweal.datasets.models import DataSet


def accessibility(request):
    return render(request, "core/accessibility.html", {"breadcrumbs": _home_crumb()})


def data_sources(request):
    datasets = DataSet.objects.order_by("source", "-retrieved_at")
    return render(
        request,
        "core/data_sources.html",
        {
            "datasets": datasets,
            "attributions": datasets,
            "downloads": _downloads(),
            "breadcrumbs": _home_crumb(),
        },
    )


def _downloads() -> list[dict]:
    """The open-data exports every feature registered, for the downloads list."""
    from django.urls import NoReverseMatch, reverse

    from commonweal.core import registry

    found = []
    for feature in registry.features():
        for label, url_name in feature.exports.items():
            try:
                found.append({"feature": feature.title, "label": label, "href": reverse(url_name)})
            except NoReverseMatch:
                continue
    return found


def _home_crumb() -> list[dict]:
    return [{"label": "Home", "href": "/"}]


def error_403(request, exception=None):
    return render(request, "errors/403.html", status=403)


def error_404(request, exception=None):
    return render(request, "errors/404.html", status=404)


def error_500(request):
    # Rendered without the request's context processors (as Django's own server_error is):
    # whatever broke, perhaps the database, must not break the error page too.
    page = loader.get_template("errors/500.html").render(
        {"site_name": settings.COMMONWEAL_SITE_NAME, "navigation": []}
    )
    return HttpResponseServerError(page)


def home(request):
    # The home page is "Find your neighbourhood": the postcode form and the borough maps.
    from commonweal.places.presenters.home import present_home

    return render(request, "core/home.html", present_home())
