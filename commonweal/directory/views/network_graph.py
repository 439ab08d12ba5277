"""The network page: a borough's listed groups and their links, as a picture and tables."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from commonweal.core.permissions import require
from commonweal.directory.presenters.common import choose_borough
from commonweal.directory.presenters.network import present_network
from commonweal.directory.views.network_common import choose_borough_page


@require_GET
def network(request):
    require(request.user, "directory.view_directory")
    choice = choose_borough(request.GET.get("borough"))
    if choice.needs_choice:
        return choose_borough_page(request, choice, "Network of groups", "network")
    page = present_network(choice.authority)
    return render(
        request,
        "directory/network/network.html",
        {"page": page, "boroughs": choice.boroughs, "breadcrumbs": page.breadcrumbs},
    )
