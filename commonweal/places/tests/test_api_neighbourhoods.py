"""Defining and deleting neighbourhoods through the API, as each persona."""

import pytest
from django.db import transaction
from django.test import Client
from shapely.geometry import mapping

from commonweal.accounts import services as accounts
from commonweal.accounts.models import Role, RoleAssignment, User
from commonweal.core.models import AuditEvent
from commonweal.places.models import Area, AreaType
from commonweal.places.tests.test_api_areas import assert_error

pytestmark = pytest.mark.django_db

URL = "/api/v1/neighbourhoods/"
# Three neighbouring LSOAs (2021) in Brighouse, Calderdale.
BRIGHOUSE_LSOAS = ["E01010875", "E01010876", "E01010879"]


def officer_of(authority: Area, email: str) -> User:
    user = User.objects.create_user(email=email, password="correct horse battery staple")
    RoleAssignment.objects.create(user=user, role=Role.OFFICER, authority=authority)
    return user


@pytest.fixture
def calderdale_officer(calderdale):
    return officer_of(calderdale, "calderdale.officer@example.org")


@pytest.fixture
def trafford_officer(trafford):
    return officer_of(trafford, "trafford.officer@example.org")


def bearer(user) -> dict:
    with transaction.atomic():
        _, raw = accounts.create_api_token(actor=user, name="Integration")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def post(client, body, **headers):
    return client.post(URL, body, content_type="application/json", **headers)


def by_lsoas(name="Brighouse centre", codes=BRIGHOUSE_LSOAS, authority="E08000033"):
    return {"name": name, "authority": authority, "lsoa_codes": codes}


def neighbourhoods() -> int:
    return Area.objects.of_type(AreaType.NEIGHBOURHOOD).count()


# --- who may define one -------------------------------------------------------------------


def test_anonymous_is_401(client, calderdale):
    assert_error(post(client, by_lsoas()), 401, "unauthenticated")
    assert neighbourhoods() == 0


def test_bad_token_is_401(client, calderdale):
    response = post(client, by_lsoas(), HTTP_AUTHORIZATION="Bearer cw_not-a-real-token")
    assert_error(response, 401, "unauthenticated")


def test_resident_is_403(client, calderdale, resident):
    client.force_login(resident)
    assert_error(post(client, by_lsoas()), 403, "forbidden")
    assert_error(post(Client(), by_lsoas(), **bearer(resident)), 403, "forbidden")
    assert neighbourhoods() == 0


def test_officer_of_another_authority_is_403(client, calderdale, trafford_officer):
    assert_error(post(client, by_lsoas(), **bearer(trafford_officer)), 403, "forbidden")
    assert neighbourhoods() == 0


def test_officer_of_the_authority_defines_one_from_lsoas(client, calderdale_officer):
    response = post(client, by_lsoas(), **bearer(calderdale_officer))
    assert response.status_code == 201, response.content
    assert response["Content-Type"].startswith("application/geo+json")
    feature = response.json()
    assert feature["type"] == "Feature"
    assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
    properties = feature["properties"]
    assert properties["type"] == "neighbourhood"
    assert properties["name"] == "Brighouse centre"
    assert properties["authority"] == "E08000033"
    assert sorted(member["code"] for member in properties["members"]) == BRIGHOUSE_LSOAS
    area = Area.objects.get(area_type=AreaType.NEIGHBOURHOOD, gss_code=feature["id"])
    assert area.created_by == calderdale_officer
    assert AuditEvent.objects.filter(
        action="places.neighbourhood_created", actor=calderdale_officer
    ).exists()
    # It is an area like any other now.
    again = client.get(properties["links"]["self"])
    assert again.status_code == 200 and again.json()["id"] == feature["id"]
    deprivation = client.get(properties["links"]["deprivation"]).json()
    assert deprivation["weighted"] is True and deprivation["lsoa_count"] == 3


def test_administrator_defines_one_from_a_drawn_boundary(client, calderdale, administrator):
    lsoa = Area.objects.get(area_type=AreaType.LSOA21, gss_code="E01010875")
    drawn = mapping(lsoa.shape.buffer(-0.0005))
    client.force_login(administrator)
    response = post(
        client,
        {"name": "Drawn", "authority": "E08000033", "geometry": drawn, "description": "By hand"},
    )
    assert response.status_code == 201, response.content
    properties = response.json()["properties"]
    assert properties["description"] == "By hand"
    assert [member["code"] for member in properties["members"]] == ["E01010875"]


def test_a_geojson_feature_is_accepted_as_the_geometry(client, calderdale, administrator):
    lsoa = Area.objects.get(area_type=AreaType.LSOA21, gss_code="E01010875")
    feature = {"type": "Feature", "properties": {}, "geometry": mapping(lsoa.shape)}
    client.force_login(administrator)
    response = post(client, {"name": "Feature", "authority": "E08000033", "geometry": feature})
    assert response.status_code == 201, response.content


def test_session_without_csrf_token_is_refused(calderdale, administrator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(administrator)
    assert_error(post(client, by_lsoas()), 403, "forbidden")
    assert neighbourhoods() == 0


# --- refused definitions: 422 with the reason, nothing saved ------------------------------


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (by_lsoas(codes=["E01999999"]), "E01999999"),
        (by_lsoas(codes=["E01006112"]), "not in Calderdale"),  # a Trafford LSOA
        (by_lsoas(codes=[]), "at least one"),
        (by_lsoas(name="   "), "name"),
        (by_lsoas(authority="E08999999"), "E08999999"),
        (
            {
                "name": "Bow tie",
                "authority": "E08000033",
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [
                        [
                            [-1.80, 53.70],
                            [-1.79, 53.71],
                            [-1.79, 53.70],
                            [-1.80, 53.71],
                            [-1.80, 53.70],
                        ]
                    ],
                },
            },
            "crosses itself",
        ),
        (
            {
                "name": "Leeds",
                "authority": "E08000033",
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [[[-1.6, 53.8], [-1.5, 53.8], [-1.5, 53.85], [-1.6, 53.8]]],
                },
            },
            "inside Calderdale",
        ),
        (
            {
                "name": "A line",
                "authority": "E08000033",
                "geometry": {"type": "LineString", "coordinates": [[-1.8, 53.7], [-1.79, 53.71]]},
            },
            "Polygon",
        ),
    ],
)
def test_refused_definition_is_422_with_the_reason(client, calderdale_officer, body, words):
    error = assert_error(
        post(client, body, **bearer(calderdale_officer)), 422, "neighbourhood_invalid"
    )
    assert words in error["message"]
    assert neighbourhoods() == 0


def test_duplicate_name_is_422(client, calderdale_officer):
    headers = bearer(calderdale_officer)
    assert post(client, by_lsoas(), **headers).status_code == 201
    error = assert_error(post(client, by_lsoas(), **headers), 422, "neighbourhood_invalid")
    assert "already has" in error["message"]
    assert neighbourhoods() == 1


@pytest.mark.parametrize(
    "body",
    [
        {"name": "Both", "authority": "E08000033", "lsoa_codes": ["E01010875"], "geometry": {}},
        {"name": "Neither", "authority": "E08000033"},
        {"authority": "E08000033", "lsoa_codes": ["E01010875"]},
        {"name": "x" * 201, "authority": "E08000033", "lsoa_codes": ["E01010875"]},
    ],
)
def test_malformed_body_is_422(client, calderdale_officer, body):
    error = assert_error(post(client, body, **bearer(calderdale_officer)), 422, "invalid_request")
    assert error["details"]
    assert neighbourhoods() == 0


# --- deleting -----------------------------------------------------------------------------


@pytest.fixture
def brighouse_centre(calderdale, calderdale_officer):
    from commonweal.places import services

    with transaction.atomic():
        return services.create_neighbourhood_from_lsoas(
            actor=calderdale_officer,
            authority=calderdale,
            name="Brighouse centre",
            lsoa_codes=BRIGHOUSE_LSOAS,
            description="",
        )


def test_delete_as_each_persona(
    client, brighouse_centre, resident, trafford_officer, calderdale_officer
):
    url = f"{URL}{brighouse_centre.gss_code}"
    assert_error(client.delete(url), 401, "unauthenticated")
    assert_error(client.delete(url, **bearer(resident)), 403, "forbidden")
    assert_error(client.delete(url, **bearer(trafford_officer)), 403, "forbidden")
    assert neighbourhoods() == 1
    response = client.delete(url, **bearer(calderdale_officer))
    assert response.status_code == 204
    assert neighbourhoods() == 0
    assert AuditEvent.objects.filter(action="places.neighbourhood_deleted").exists()
    assert_error(
        client.get(f"/api/v1/areas/neighbourhood/{brighouse_centre.gss_code}"), 404, "not_found"
    )


def test_administrator_deletes(client, brighouse_centre, administrator):
    client.force_login(administrator)
    assert client.delete(f"{URL}{brighouse_centre.gss_code}").status_code == 204


def test_delete_unknown_neighbourhood_is_404(client, calderdale, administrator):
    client.force_login(administrator)
    assert_error(client.delete(f"{URL}N-E08000033-9999"), 404, "not_found")
    # Only neighbourhoods can be deleted, not ONS areas.
    assert_error(client.delete(f"{URL}E01010875"), 404, "not_found")
