"""The areas API on the real Calderdale and Trafford data."""

import pytest

pytestmark = pytest.mark.django_db

CALDERDALE = "E08000033"
# HD6 2EL's published point, in LSOA E01010875 (unchanged 2011 → 2021), Brighouse ward.
HD6_2EL = {"lon": -1.79491, "lat": 53.709243}
LSOA = "E01010875"
BRIGHOUSE = "E05001371"


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]


# --- finding areas by point ---------------------------------------------------------------


def test_point_finds_every_area_containing_it(client, calderdale):
    response = client.get("/api/v1/areas/", HD6_2EL)
    assert response.status_code == 200
    body = response.json()
    found = {(area["type"], area["code"]) for area in body["results"]}
    assert {("lsoa11", LSOA), ("lsoa21", LSOA), ("ward", BRIGHOUSE), ("lad", CALDERDALE)} <= found
    assert body["count"] == len(body["results"])
    lsoa = next(area for area in body["results"] if area["type"] == "lsoa21")
    assert lsoa["name"] == "Calderdale 019A"
    assert lsoa["authority"] == CALDERDALE
    assert lsoa["generation"]
    assert lsoa["generalised"] is True  # the BSC boundaries are super-generalised
    assert lsoa["links"]["self"] == f"http://testserver/api/v1/areas/lsoa21/{LSOA}"
    assert lsoa["links"]["neighbours"].endswith(f"/areas/lsoa21/{LSOA}/neighbours")
    assert lsoa["links"]["deprivation"].endswith(f"/areas/lsoa21/{LSOA}/deprivation")


def test_point_results_can_be_filtered_by_type(client, calderdale):
    response = client.get("/api/v1/areas/", {**HD6_2EL, "type": "ward"})
    assert [area["code"] for area in response.json()["results"]] == [BRIGHOUSE]


def test_point_outside_every_area_is_404(client, calderdale):
    error = assert_error(
        client.get("/api/v1/areas/", {"lon": -3.2, "lat": 55.95}), 404, "outside_known_areas"
    )
    assert "not in any area we hold" in error["message"]


@pytest.mark.parametrize(
    "query",
    [
        {"lon": 200, "lat": 53.7},
        {"lon": -1.8, "lat": -91},
        {"lon": "west", "lat": 53.7},
        {"lon": "nan", "lat": 53.7},
        {"lon": "inf", "lat": 53.7},
    ],
)
def test_bad_coordinates_are_422(client, query):
    error = assert_error(client.get("/api/v1/areas/", query), 422, "invalid_request")
    assert error["details"][0]["location"].startswith("query.l")


@pytest.mark.parametrize("query", [{"lon": -1.8}, {"lat": 53.7}])
def test_half_a_point_is_400(client, query):
    assert_error(client.get("/api/v1/areas/", query), 400, "invalid_point")


# --- listing and pagination ---------------------------------------------------------------


def test_list_by_type_and_authority_is_paginated(client, calderdale, trafford):
    response = client.get(
        "/api/v1/areas/", {"type": "lsoa21", "authority": CALDERDALE, "page_size": 50}
    )
    body = response.json()
    assert response.status_code == 200
    assert body["count"] == 129
    assert body["page"] == 1 and body["page_size"] == 50
    assert len(body["results"]) == 50
    assert body["previous"] is None
    assert "page=2" in body["next"] and body["next"].startswith("http://testserver/api/v1/areas/")
    assert {area["authority"] for area in body["results"]} == {CALDERDALE}

    second = client.get(body["next"]).json()
    assert second["page"] == 2
    assert "page=1" in second["previous"] and "page=3" in second["next"]
    third = client.get(second["next"]).json()
    assert len(third["results"]) == 129 - 100
    assert third["next"] is None
    codes = [a["code"] for page in (body, second, third) for a in page["results"]]
    assert len(set(codes)) == 129


def test_page_size_is_capped_at_200(client, calderdale, trafford):
    body = client.get("/api/v1/areas/", {"type": "lsoa11", "page_size": 5000}).json()
    assert body["page_size"] == 200
    assert len(body["results"]) == min(body["count"], 200)
    assert body["count"] > 200  # both boroughs' LSOAs
    assert body["next"] is not None


def test_default_page_size_comes_from_settings(client, calderdale, settings):
    settings.API_PAGE_SIZE = 7
    body = client.get("/api/v1/areas/", {"type": "lsoa21"}).json()
    assert body["page_size"] == 7 and len(body["results"]) == 7


def test_page_past_the_end_is_404(client, calderdale):
    error = assert_error(
        client.get("/api/v1/areas/", {"type": "lad", "authority": CALDERDALE, "page": 2}),
        404,
        "not_found",
    )
    assert "There is no page 2" in error["message"]


@pytest.mark.parametrize("query", [{"page": 0}, {"page_size": 0}, {"page": "two"}])
def test_bad_paging_is_422(client, query):
    assert_error(client.get("/api/v1/areas/", query), 422, "invalid_request")


def test_search_by_name_or_code(client, calderdale):
    by_name = client.get("/api/v1/areas/", {"q": "brighouse", "type": "ward"}).json()
    assert [area["code"] for area in by_name["results"]] == [BRIGHOUSE]
    by_code = client.get("/api/v1/areas/", {"q": LSOA.lower()}).json()
    assert {area["type"] for area in by_code["results"]} == {"lsoa11", "lsoa21"}


def test_list_filters_are_validated(client):
    assert_error(client.get("/api/v1/areas/", {"type": "county"}), 422, "invalid_request")
    assert_error(client.get("/api/v1/areas/", {"authority": "E08 33"}), 422, "invalid_request")
    assert_error(client.get("/api/v1/areas/", {"q": "a\x00b"}), 422, "invalid_request")


# --- one area -----------------------------------------------------------------------------


def test_area_is_a_geojson_feature(client, calderdale):
    response = client.get(f"/api/v1/areas/lsoa21/{LSOA}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json; charset=utf-8"
    feature = response.json()
    assert feature["type"] == "Feature"
    assert feature["id"] == LSOA
    assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
    lon, lat = (
        feature["geometry"]["coordinates"][0][0][:2]
        if feature["geometry"]["type"] == "Polygon"
        else feature["geometry"]["coordinates"][0][0][0][:2]
    )
    assert -2.2 < lon < -1.7 and 53.6 < lat < 53.9
    properties = feature["properties"]
    assert properties["code"] == LSOA
    assert properties["name"] == "Calderdale 019A"
    assert properties["type"] == "lsoa21"
    assert properties["authority"] == CALDERDALE
    assert properties["generalised"] is True
    assert {"code": BRIGHOUSE, "name": "Brighouse", "type": "ward"} in properties["parents"]
    centroid = properties["centroid"]
    assert -2.2 < centroid["lon"] < -1.7 and 53.6 < centroid["lat"] < 53.9
    for key in ("population_total", "population_adults", "population_note"):
        assert key in properties
    assert properties["attributions"]
    assert any(
        "Office for National Statistics" in a["publisher"] for a in properties["attributions"]
    )
    assert all(a["licence"] for a in properties["attributions"])


def test_lsoa11_has_its_population(client, calderdale):
    properties = client.get(f"/api/v1/areas/lsoa11/{LSOA}").json()["properties"]
    assert properties["population_total"] > 0
    assert 0 < properties["population_adults"] <= properties["population_total"]
    assert len(properties["attributions"]) >= 2  # the boundaries and the population estimates


def test_area_as_plain_json_when_that_is_all_that_is_accepted(client, calderdale):
    response = client.get(f"/api/v1/areas/lsoa21/{LSOA}", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["type"] == "Feature"


def test_area_code_is_not_case_sensitive(client, calderdale):
    assert client.get(f"/api/v1/areas/lsoa21/{LSOA.lower()}").json()["id"] == LSOA


def test_unknown_area_is_404(client, calderdale):
    error = assert_error(client.get("/api/v1/areas/lsoa21/E01999999"), 404, "not_found")
    assert "E01999999" in error["message"]
    # A real code, but not of that type.
    assert_error(client.get(f"/api/v1/areas/ward/{LSOA}"), 404, "not_found")


def test_unknown_area_type_is_422(client):
    assert_error(client.get(f"/api/v1/areas/county/{LSOA}"), 422, "invalid_request")


# --- neighbours ---------------------------------------------------------------------------


def test_neighbours_share_a_boundary(client, calderdale):
    response = client.get(f"/api/v1/areas/lsoa21/{LSOA}/neighbours")
    assert response.status_code == 200
    body = response.json()
    assert body["area"]["code"] == LSOA
    codes = [area["code"] for area in body["neighbours"]]
    assert codes and LSOA not in codes
    assert {area["type"] for area in body["neighbours"]} == {"lsoa21"}
    # Neighbourliness is mutual.
    other = codes[0]
    back = client.get(f"/api/v1/areas/lsoa21/{other}/neighbours").json()
    assert LSOA in [area["code"] for area in back["neighbours"]]


def test_neighbours_of_unknown_area_is_404(client, calderdale):
    assert_error(client.get("/api/v1/areas/ward/E05999999/neighbours"), 404, "not_found")


# --- deprivation --------------------------------------------------------------------------


def test_lsoa_deprivation_is_the_published_figures(client, calderdale):
    response = client.get(f"/api/v1/areas/lsoa21/{LSOA}/deprivation", {"edition": "iod2025"})
    assert response.status_code == 200
    body = response.json()
    assert body["edition"] == "iod2025"
    assert body["weighted"] is False and body["weighting"] == "published"
    assert body["lsoa_count"] == 1
    assert body["areas_ranked"] == 33755
    domains = {figure["domain"]: figure for figure in body["domains"]}
    assert "imd" in domains and "income" in domains
    imd = domains["imd"]
    assert isinstance(imd["rank"], int) and 1 <= imd["rank"] <= 33755
    assert 1 <= imd["decile"] <= 10
    assert imd["score"] is not None  # 2025 publishes scores
    assert body["attributions"]


def test_deprivation_defaults_to_2025(client, calderdale):
    body = client.get(f"/api/v1/areas/lsoa21/{LSOA}/deprivation").json()
    assert body["edition"] == "iod2025"


def test_2019_deprivation_for_an_lsoa11(client, calderdale):
    body = client.get(f"/api/v1/areas/lsoa11/{LSOA}/deprivation?edition=iod2019").json()
    assert body["edition"] == "iod2019" and body["areas_ranked"] == 32844
    assert body["weighted"] is False
    assert all(figure["score"] is None for figure in body["domains"])


def test_ward_deprivation_is_weighted(client, calderdale):
    body = client.get(f"/api/v1/areas/ward/{BRIGHOUSE}/deprivation").json()
    assert body["weighted"] is True
    assert body["weighting"] in ("population", "equal")
    assert body["lsoa_count"] > 1
    assert body["area"]["code"] == BRIGHOUSE


def test_bad_edition_is_422(client, calderdale):
    assert_error(
        client.get(f"/api/v1/areas/lsoa21/{LSOA}/deprivation?edition=iod2015"),
        422,
        "invalid_request",
    )


def test_deprivation_of_an_unknown_area_is_404(client, calderdale):
    assert_error(client.get("/api/v1/areas/country/E92000001/deprivation"), 404, "not_found")


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/areas/lsoa21/E01%00",
        "/api/v1/areas/lsoa21/E01%00/neighbours",
        "/api/v1/areas/lsoa21/E01%00/deprivation",
        "/api/v1/areas/lsoa21/" + "E" * 500,
    ],
)
def test_codes_that_cannot_exist_are_404(client, path):
    # Not a database error: PostgreSQL refuses NUL characters in text.
    assert_error(client.get(path), 404, "not_found")
