"""Finding organisations through the API: filters, nearest first, pages, and never an
unverified or withdrawn entry for the public."""

import pytest

from commonweal.directory import services
from commonweal.directory.tests.conftest import a_ward, make_group
from commonweal.places import services as places
from commonweal.places.models import AreaType

pytestmark = pytest.mark.django_db

URL = "/api/v1/directory/organisations/"


def ids(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def assert_invalid(response, parameter: str, words: str) -> None:
    assert response.status_code == 422, response.content
    error = response.json()["error"]
    assert error["code"] in {"invalid_search", "invalid_request"}
    found = {detail["location"]: detail["message"] for detail in error["details"]}
    assert f"query.{parameter}" in found, found
    assert words in found[f"query.{parameter}"]


@pytest.fixture
def hidden(calderdale, leader, calderdale_officer):
    """An unverified entry and a withdrawn one, both named to match "hidden"."""
    waiting = services.register_organisation(
        actor=leader, authority=calderdale, name="Hidden Waiting Group", kind="community_group"
    )
    withdrawn = make_group(leader, calderdale, name="Hidden Withdrawn Group", ward_index=2)
    services.withdraw_organisation(
        actor=calderdale_officer, organisation=withdrawn, reason="Closed"
    )
    return waiting, withdrawn


def test_each_item_has_what_a_list_needs(client, group):
    body = client.get(URL).json()
    item = next(i for i in body["results"] if i["id"] == group.slug)
    assert item == {
        "id": group.slug,
        "name": "Park Road Residents",
        "kind": "residents_association",
        "kind_label": "Residents' association",
        "classification": "community_led",
        "classification_label": "Community-led",
        "distance_m": None,
        "serves_point": None,
        "links": {
            "self": f"http://testserver{URL}{group.slug}",
            "members": f"http://testserver{URL}{group.slug}/members",
            "membership": f"http://testserver{URL}{group.slug}/membership",
        },
    }
    assert body["origin"] is None


@pytest.mark.parametrize("persona", ["anonymous", "resident", "member", "other_leader"])
def test_unverified_and_withdrawn_entries_are_never_listed_for_them(
    as_persona, persona, group, hidden
):
    client = as_persona(persona)
    for query in ({}, {"q": "hidden"}, {"kind": "community_group"}, {"postcode": "HX1 1AA"}):
        found = ids(client.get(URL, query))
        assert not {o.slug for o in hidden} & set(found), query
    text = client.get(URL, {"page_size": 200}).content.decode()
    assert "Hidden" not in text


def test_an_officer_finds_the_entry_waiting_for_them(client, group, hidden, calderdale_officer):
    client.force_login(calderdale_officer)
    assert hidden[0].slug in ids(client.get(URL, {"q": "hidden"}))


def test_nearest_first_from_a_postcode(client, calderdale, leader, other_leader):
    found = places.lookup_postcode("HX1 1AA")
    here = found.area_of_type(AreaType.WARD)
    near = make_group(leader, calderdale, name="Near Group", postcode="HX1 1AA")
    services.set_benefit(actor=leader, organisation=near, area_codes=[here.gss_code])
    far = make_group(other_leader, calderdale, name="Far Group", postcode="OL14 5AA")
    response = client.get(URL, {"postcode": "hx1 1aa"})
    body = response.json()
    assert ids(response)[:2] == [near.slug, far.slug]
    first, second = body["results"][:2]
    assert first["distance_m"] == pytest.approx(0, abs=1)
    assert first["serves_point"] is True
    assert second["distance_m"] > 10_000 and second["serves_point"] is False
    assert body["origin"]["label"] == "HX1 1AA"
    assert body["origin"]["point"]["lon"] == pytest.approx(found.point[0])
    assert body["origin"]["area"]["type"] == "lsoa21"


def test_nearest_first_from_a_point(client, group, other_group):
    lon, lat = places.lookup_postcode("HX1 1AA").point
    body = client.get(URL, {"lon": lon, "lat": lat}).json()
    assert body["count"] == 2
    assert all(item["distance_m"] is not None for item in body["results"])
    distances = [item["distance_m"] for item in body["results"]]
    assert distances == sorted(distances)


def test_filters(client, calderdale, group, other_group, leader):
    services.set_interest_tags(actor=leader, organisation=group, slugs=["older-people"])
    assert ids(client.get(URL, {"tag": "older-people"})) == [group.slug]
    assert ids(client.get(URL, {"area": a_ward(calderdale, 1).gss_code})) == [other_group.slug]
    assert ids(client.get(URL, {"q": "allotment"})) == [other_group.slug]
    assert ids(client.get(URL, {"kind": "charity"})) == []
    assert set(ids(client.get(URL, {"borough": "e08000033"}))) == {group.slug, other_group.slug}
    assert ids(client.get(URL, {"borough": "E08000009"})) == []


@pytest.mark.parametrize(
    ("query", "parameter", "words"),
    [
        ({"kind": "club"}, "kind", "Input should be"),
        ({"tag": "astrology"}, "tag", "not a community of interest"),
        ({"area": "E05999999"}, "area", "do not hold an area"),
        ({"postcode": "ZZ99 9ZZ"}, "postcode", "do not hold the postcode"),
        ({"postcode": "not one"}, "postcode", "not a UK postcode"),
        ({"lon": -1.86}, "lat", "both lon and lat"),
        ({"lat": 53.7}, "lon", "both lon and lat"),
        ({"lon": -3.2, "lat": 55.95}, "lon", "outside every area"),
        ({"lon": 500, "lat": 53.7}, "lon", "less than or equal"),
        ({"borough": "E08999999"}, "borough", "borough"),
        ({"postcode": "HX1 1AA", "lon": -1.86, "lat": 53.7}, "postcode", "not both"),
    ],
)
def test_bad_searches_are_422_naming_the_parameter(client, calderdale, query, parameter, words):
    assert_invalid(client.get(URL, query), parameter, words)


def test_pages(client, calderdale, leader):
    for number in range(5):
        make_group(leader, calderdale, name=f"Group {number}", ward_index=number)
    first = client.get(URL, {"page_size": 2}).json()
    assert first["count"] == 5 and first["page_size"] == 2 and len(first["results"]) == 2
    assert first["previous"] is None and "page=2" in first["next"]
    assert "page_size=2" in first["next"]
    second = client.get(first["next"]).json()
    third = client.get(second["next"]).json()
    assert third["next"] is None and len(third["results"]) == 1
    seen = [i["id"] for page in (first, second, third) for i in page["results"]]
    assert len(set(seen)) == 5
    past = client.get(URL, {"page_size": 2, "page": 4})
    assert past.status_code == 404 and "no page 4" in past.json()["error"]["message"]
    assert client.get(URL, {"page": 0}).status_code == 422
