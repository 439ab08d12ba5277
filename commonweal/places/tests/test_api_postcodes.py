"""The postcodes API on the real Calderdale and Trafford postcode files."""

import pytest

from commonweal.places.tests.test_api_areas import assert_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("spelling", ["HD6 2EL", "hd62el", "HD6%202EL", " hd6  2el ", "Hd6 2eL"])
def test_any_spelling_finds_the_postcode(client, calderdale, spelling):
    response = client.get(f"/api/v1/postcodes/{spelling}")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["postcode"] == "HD6 2EL"
    assert body["point"] == {"lon": -1.79491, "lat": 53.709243}


def test_postcode_areas_from_the_lookup_and_from_the_point(client, calderdale):
    body = client.get("/api/v1/postcodes/HD6 2EL").json()
    authoritative = {(area["type"], area["code"]) for area in body["areas"]}
    assert ("lsoa11", "E01010875") in authoritative
    assert ("lad", "E08000033") in authoritative
    by_point = {(area["type"], area["code"]) for area in body["point_areas"]}
    assert ("lsoa21", "E01010875") in by_point
    assert ("lad", "E08000033") in by_point
    assert body["generalised"] is True  # the point lookup used generalised boundaries
    lsoa = next(area for area in body["areas"] if area["type"] == "lsoa11")
    assert lsoa["links"]["self"].endswith("/api/v1/areas/lsoa11/E01010875")
    assert body["attributions"] and body["attributions"][0]["licence"]


def test_postcode_in_a_split_lsoa(client, calderdale):
    # HX1 1AA lies in LSOA 2011 E01010994, which was split in two in 2021.
    body = client.get("/api/v1/postcodes/hx11aa").json()
    assert ("lsoa11", "E01010994") in {(a["type"], a["code"]) for a in body["areas"]}
    lsoas21 = [a["code"] for a in body["point_areas"] if a["type"] == "lsoa21"]
    assert lsoas21 and set(lsoas21) <= {"E01034582", "E01034583"}


def test_trafford_postcode(client, trafford):
    body = client.get("/api/v1/postcodes/M15 4AB").json()
    assert ("lad", "E08000009") in {(a["type"], a["code"]) for a in body["areas"]}


@pytest.mark.parametrize("text", ["HX1", "12345", "not a postcode", "HX1 1AAA", "%00"])
def test_malformed_postcode_is_400(client, text):
    error = assert_error(client.get(f"/api/v1/postcodes/{text}"), 400, "invalid_postcode")
    assert "postcode" in error["message"]


def test_unknown_postcode_is_404(client, calderdale):
    error = assert_error(client.get("/api/v1/postcodes/ZZ9 9ZZ"), 404, "unknown_postcode")
    assert "ZZ9 9ZZ" in error["message"]
