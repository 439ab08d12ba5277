"""Every page parses as HTML with no errors (html5lib in strict mode).

Pages are fetched with the Django test client, signed in where a page needs it, and in
their error states as well as their ordinary ones.
"""

import pytest
from django.urls import reverse

from commonweal.core.testing import assert_valid_html as assert_valid
from commonweal.places.models import Area, AreaType, Edition

pytestmark = pytest.mark.django_db


def first(area_type: str, authority, **filters) -> Area:
    return (
        Area.objects.of_type(area_type)
        .in_authority(authority)
        .filter(**filters)
        .order_by("gss_code")
        .first()
    )


@pytest.fixture
def neighbourhood(calderdale, administrator):
    from commonweal.places import services

    lsoas = (
        first(AreaType.LSOA21, calderdale),
        first(AreaType.LSOA21, calderdale, name__endswith="B"),
    )
    return services.create_neighbourhood_from_lsoas(
        actor=administrator,
        authority=calderdale,
        name="Validity test",
        lsoa_codes=[a.gss_code for a in lsoas],
        description="A neighbourhood <made> for the & validity test.",
    )


def public_pages(calderdale, trafford) -> list[tuple[str, int]]:
    lsoa21 = first(AreaType.LSOA21, calderdale, deprivation__edition=Edition.IOD2025)
    lsoa11 = first(AreaType.LSOA11, calderdale)
    ward = first(AreaType.WARD, calderdale)
    return [
        ("/", 200),
        ("/places/find/?postcode=", 400),
        ("/places/find/?postcode=%3Cb%3Enot+a+postcode", 400),
        ("/places/find/?postcode=ZZ9+9ZZ", 404),
        ("/places/point/", 200),
        ("/places/point/?lon=-1.8575&lat=53.7243", 200),
        ("/places/point/?lon=-0.1276&lat=51.5072", 200),
        ("/places/point/?lon=east&lat=", 400),
        ("/places/boroughs/", 200),
        (f"/places/lad/{calderdale.gss_code}/", 200),
        (f"/places/lad/{calderdale.gss_code}/?sort=name", 200),
        (f"/places/lad/{trafford.gss_code}/", 200),
        (f"/places/lsoa21/{lsoa21.gss_code}/?postcode=HX1+1AA", 200),
        (f"/places/lsoa21/{lsoa21.gss_code}/", 200),
        (f"/places/lsoa11/{lsoa11.gss_code}/", 200),
        (f"/places/ward/{ward.gss_code}/", 200),
        ("/places/lsoa21/E01999999/", 404),
        ("/accessibility/", 200),
        ("/data-sources/", 200),
        ("/accounts/sign-in/", 200),
    ]


def test_public_pages(client, calderdale, trafford):
    for url, status in public_pages(calderdale, trafford):
        response = client.get(url, follow=False)
        if response.status_code == 302:
            response = client.get(response.url)
        assert response.status_code == status, url
        assert_valid(response, url)


def test_postcode_journey(client, calderdale):
    response = client.get("/places/find/", {"postcode": "HX1 1AA"}, follow=True)
    assert response.status_code == 200
    assert_valid(response, response.request["PATH_INFO"])


def test_officer_pages(client, calderdale, administrator, neighbourhood):
    client.force_login(administrator)
    code = calderdale.gss_code
    urls = [
        reverse("places:neighbourhoods", args=[code]),
        reverse("places:neighbourhood_new", args=[code]),
        reverse("places:neighbourhood_upload", args=[code]),
        reverse("places:neighbourhood_delete", args=[neighbourhood.gss_code]),
        reverse("places:area", args=[AreaType.NEIGHBOURHOOD, neighbourhood.gss_code]),
        reverse("accounts:profile"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_valid(response, url)
    # The forms in their error states.
    for url, data in [
        (urls[1], {"name": "", "lsoa_codes": []}),
        (urls[2], {"name": "No file"}),
    ]:
        response = client.post(url, data)
        assert response.status_code == 400, url
        assert_valid(response, url)


def test_forbidden_page(client, calderdale, resident):
    client.force_login(resident)
    url = reverse("places:neighbourhoods", args=[calderdale.gss_code])
    response = client.get(url)
    assert response.status_code == 403
    assert_valid(response, url)
