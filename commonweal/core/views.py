from django.shortcuts import render

from commonweal.datasets.models import DataSet


def accessibility(request):
    return render(request, "core/accessibility.html", {"breadcrumbs": _home_crumb()})


def data_sources(request):
    datasets = DataSet.objects.order_by("source", "-retrieved_at")
    return render(
        request,
        "core/data_sources.html",
        {"datasets": datasets, "attributions": datasets, "breadcrumbs": _home_crumb()},
    )


def _home_crumb() -> list[dict]:
    return [{"label": "Home", "href": "/"}]


def error_403(request, exception=None):
    return render(request, "errors/403.html", status=403)


def error_404(request, exception=None):
    return render(request, "errors/404.html", status=404)


def error_500(request):
    return render(request, "errors/500.html", status=500)


def home(request):
    # The home page is "Find your neighbourhood": the postcode form and the borough maps.
    from commonweal.places.presenters.home import present_home

    return render(request, "core/home.html", present_home())
