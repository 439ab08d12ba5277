"""Every page that shows data names it, with its attribution and licence, in the footer."""

import re

import pytest

from commonweal.places.models import Area, AreaType

pytestmark = pytest.mark.django_db

OGL = "Open Government Licence v3.0"
OS_DATA = "Contains OS data © Crown copyright"


def footer_data(html: str) -> str:
    """The "Data on this page" part of the footer, or "" if there is none."""
    match = re.search(
        r'<div class="govuk-footer__navigation cw-attributions">(.*?)</ul>', html, re.S
    )
    return match.group(1) if match else ""


def data_pages(calderdale) -> list[str]:
    lsoa21 = Area.objects.of_type(AreaType.LSOA21).in_authority(calderdale).first()
    lsoa11 = Area.objects.of_type(AreaType.LSOA11).in_authority(calderdale).first()
    ward = Area.objects.of_type(AreaType.WARD).in_authority(calderdale).first()
    return [
        "/",
        "/places/find/?postcode=ZZ9+9ZZ",  # the home page again, with its maps, and an error
        "/places/point/?lon=-1.8575&lat=53.7243",
        f"/places/lad/{calderdale.gss_code}/",
        f"/places/lsoa21/{lsoa21.gss_code}/",
        f"/places/lsoa11/{lsoa11.gss_code}/",
        f"/places/ward/{ward.gss_code}/",
        "/data-sources/",
    ]


def test_every_data_page_shows_its_attributions(client, calderdale):
    for url in data_pages(calderdale):
        data = footer_data(client.get(url).content.decode())
        assert "Data on this page" in data, url
        assert OGL in data, url
        assert OS_DATA in data, url  # every one of them draws or names ONS boundaries


def test_the_home_page_names_the_boundaries_its_maps_draw(client, calderdale, trafford):
    data = footer_data(client.get("/").content.decode())
    shown = {
        area.dataset.title
        for area in Area.objects.filter(
            area_type__in=[AreaType.LOCAL_AUTHORITY, AreaType.WARD],
            authority__in=[calderdale, trafford],
        ).select_related("dataset")
    } | {calderdale.dataset.title, trafford.dataset.title}
    for title in shown:
        assert title in data
    assert "population estimates" not in data  # the maps show no population figures


def test_pages_without_data_have_no_data_footer(client, calderdale):
    for url in ["/accessibility/", "/accounts/sign-in/", "/places/point/"]:
        assert footer_data(client.get(url).content.decode()) == "", url
