"""Finding groups from a point (longitude and latitude) rather than a postcode."""

import html5lib
import pytest
from django.urls import reverse

from commonweal.places.models import Postcode

pytestmark = pytest.mark.django_db

HOME = "/groups/"


def valid_html(page) -> None:
    html5lib.HTMLParser(strict=True).parse(page.content.decode())


def test_a_point_finds_groups_nearest_first(client, group, other_group):
    where = Postcode.objects.get(postcode="HX1 1AA")
    page = client.get(HOME, {"lon": where.longitude, "lat": where.latitude})
    assert page.status_code == 200
    hits = page.context["results"].hits
    assert {hit.organisation.pk for hit in hits} >= {group.pk, other_group.pk}
    distances = [hit.distance_m for hit in hits if hit.distance_m is not None]
    assert distances == sorted(distances)
    assert page.context["results"].origin == pytest.approx((where.longitude, where.latitude))
    valid_html(page)


@pytest.mark.parametrize(
    ("lon", "lat", "message"),
    [
        ("east", "53.72", "two numbers"),
        ("-1.86", "", "two numbers"),
        ("-200", "53.72", "from -180 to 180"),
        ("-0.1276", "51.5072", "outside"),
    ],
)
def test_a_bad_point_is_refused_plainly(client, calderdale, lon, lat, message):
    page = client.get(HOME, {"lon": lon, "lat": lat})
    assert page.status_code == 400
    assert message in " ".join(page.context["form"].errors["lon"])
    valid_html(page)


def test_the_places_point_page_links_to_groups_near_it(client, calderdale):
    page = client.get(reverse("places:point"), {"lon": "-1.8575", "lat": "53.7243"})
    assert f"{HOME}?lon=-1.8575&amp;lat=53.7243" in page.content.decode()
