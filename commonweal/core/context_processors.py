from django.conf import settings
from django.urls import NoReverseMatch, reverse

from commonweal.core import registry
from commonweal.core.permissions import can


def platform(request) -> dict:
    items = []
    for item in registry.navigation():
        if item.permission and not can(request.user, item.permission):
            continue
        try:
            href = reverse(item.url_name)
        except NoReverseMatch:
            continue
        matches = request.path == href or (href != "/" and request.path.startswith(href))
        items.append({"label": item.label, "href": href, "current": matches})
    # Only the most specific match is current: /groups/officer/… is "Verify groups", not
    # "Groups" as well.
    matching = [item for item in items if item["current"]]
    if len(matching) > 1:
        best = max(matching, key=lambda item: len(item["href"]))
        for item in matching:
            item["current"] = item is best
    return {"site_name": settings.COMMONWEAL_SITE_NAME, "navigation": items}
