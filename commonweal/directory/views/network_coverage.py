"""The coverage page: the programme's own measure for a borough, with its map and tables."""

import csv

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from commonweal.core.permissions import require
from commonweal.directory.presenters.common import choose_borough
from commonweal.directory.presenters.coverage import csv_rows, present_coverage
from commonweal.directory.views.network_common import choose_borough_page


@require_GET
def coverage(request):
    require(request.user, "directory.view_directory")
    choice = choose_borough(request.GET.get("borough"))
    if choice.needs_choice:
        return choose_borough_page(request, choice, "Coverage of community groups", "coverage")
    include = request.GET.get("include") == "borough-wide"
    page = present_coverage(choice.authority, include_borough_wide=include)
    return render(
        request,
        "directory/network/coverage.html",
        {
            "page": page,
            "boroughs": choice.boroughs,
            "breadcrumbs": page.breadcrumbs,
            "attributions": page.attributions,
        },
    )


@require_GET
def coverage_csv(request):
    require(request.user, "directory.view_directory")
    choice = choose_borough(request.GET.get("borough"))
    if choice.needs_choice:
        return choose_borough_page(request, choice, "Coverage figures (CSV)", "coverage_csv")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"coverage-{choice.authority.gss_code}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    for row in csv_rows(choice.authority):
        writer.writerow(row)
    return response
