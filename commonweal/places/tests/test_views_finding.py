"""The home page, finding a place by postcode, and the point lookup page."""

import pytest
from django.urls import reverse

from commonweal.places.models import Area, AreaType, Postcode

pytestmark = pytest.mark.django_db

HOME = "/"
FIND = "/places/find/"
POINT = "/places/point/"
# The Piece Hall, Halifax: inside Calderdale.
HALIFAX = {"lon": "-1.8575", "lat": "53.7243"}


def error_summary(response) -> str:
    html = response.content.decode()
    assert 'class="govuk-error-summary"' in html
    return html


class TestHome:
    def test_has_the_postcode_form_and_a_map_of_each_borough(self, client, calderdale, trafford):
        response = client.get(HOME)
        assert response.status_code == 200
        html = response.content.decode()
        assert 'action="/places/find/"' in html
        assert 'name="postcode"' in html
        assert 'autocomplete="postal-code"' in html
        assert html.count('data-module="cw-point-map"') == Area.objects.authorities().count()
        for borough in (calderdale, trafford):
            assert f'href="/places/lad/{borough.gss_code}/"' in html
        assert "point-map.js" in html

    def test_navigation_offers_the_places_pages(self, client, calderdale):
        from commonweal.core import registry

        if "places" not in {feature.key for feature in registry.features()}:
            pytest.skip("PlacesConfig.ready() does not register places.feature.FEATURE yet")
        html = client.get(HOME).content.decode()
        assert "Find your neighbourhood" in html
        assert 'href="/places/boroughs/"' in html


class TestFindByPostcode:
    def test_a_postcode_leads_to_its_small_area_with_a_notice(self, client, calderdale):
        postcode = Postcode.objects.get(postcode="HX1 1AA")
        response = client.get(FIND, {"postcode": "hx11aa"})
        assert response.status_code == 302
        lsoa_type = AreaType.LSOA21 if postcode.lsoa21_code else AreaType.LSOA11
        code = postcode.lsoa21_code or postcode.lsoa11_code
        assert response.url == f"/places/{lsoa_type}/{code}/?postcode=HX1+1AA"
        page = client.get(response.url)
        assert page.status_code == 200
        html = page.content.decode()
        assert "HX1 1AA is in" in html
        lsoa = Area.objects.get(area_type=lsoa_type, gss_code=code)
        assert lsoa.name in html
        assert calderdale.name in html

    def test_a_notice_is_not_shown_for_a_postcode_somewhere_else(self, client, calderdale):
        other = Area.objects.of_type(AreaType.LSOA21).in_authority(calderdale).first()
        page = client.get(f"/places/lsoa21/{other.gss_code}/", {"postcode": "M15 4AB"})
        assert "is in" not in page.content.decode().split("<main")[1].split("<h1")[0]

    @pytest.mark.parametrize(
        ("typed", "status", "message"),
        [
            ("", 400, "Enter a postcode"),
            ("   ", 400, "Enter a postcode"),
            ("not a postcode", 400, "is not a UK postcode"),
            ("ZZ9 9ZZ", 404, "We do not hold the postcode ZZ9 9ZZ"),
        ],
    )
    def test_errors_are_shown_with_what_was_typed_kept(
        self, client, calderdale, typed, status, message
    ):
        response = client.get(FIND, {"postcode": typed})
        assert response.status_code == status
        html = error_summary(response)
        assert message in html
        assert 'href="#id_postcode"' in html
        assert "govuk-input--error" in html
        assert 'id="id_postcode-error"' in html
        assert "<title>Error: " in html
        if typed.strip():
            assert f'value="{typed}"' in html

    def test_without_a_postcode_goes_home(self, client):
        response = client.get(FIND)
        assert response.status_code == 302
        assert response.url == reverse("core:home")


class TestPoint:
    def test_lists_every_area_containing_the_point(self, client, calderdale):
        response = client.get(POINT, HALIFAX)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Areas containing the point" in html
        assert calderdale.name in html
        assert f'href="/places/lad/{calderdale.gss_code}/"' in html
        assert "/places/lsoa21/" in html
        assert "/places/ward/" in html

    def test_says_when_boundaries_are_generalised(self, client, calderdale):
        html = client.get(POINT, HALIFAX).content.decode()
        assert "Boundaries here are simplified for maps" in html

    def test_a_point_outside_every_area(self, client, calderdale):
        response = client.get(POINT, {"lon": "-0.1276", "lat": "51.5072"})
        assert response.status_code == 200
        assert "outside every area we hold" in response.content.decode()

    @pytest.mark.parametrize(
        "query",
        [
            {"lon": "east", "lat": "53.7"},
            {"lon": "-1.8", "lat": ""},
            {"lon": "200", "lat": "53.7"},
            {"lon": "-1.8", "lat": "nan"},
            {"lon": "-1.8", "lat": "inf"},
            {"lon": "-1.8"},
        ],
    )
    def test_bad_coordinates_are_a_400_with_an_error_summary(self, client, query):
        response = client.get(POINT, query)
        assert response.status_code == 400
        html = error_summary(response)
        assert "There is a problem" in html

    def test_without_coordinates_shows_the_form(self, client):
        response = client.get(POINT)
        assert response.status_code == 200
        html = response.content.decode()
        assert 'name="lon"' in html
        assert "govuk-error-summary" not in html
