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
        current = request.path == href or (href != "/" and request.path.startswith(href))
        items.append({"label": item.label, "href": href, "current": current})
    return {"site_name": settings.COMMONWEAL_SITE_NAME, "navigation": items}
