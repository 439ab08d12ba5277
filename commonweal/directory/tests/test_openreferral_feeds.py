"""The Open Referral UK feed's endpoints: public to everyone, the shapes its openapi.json
gives, pagination, and never an unverified or withdrawn organisation."""

import pytest
from django.urls import reverse

from commonweal.directory import services
from commonweal.directory.openreferral import ids
from commonweal.directory.tests.conftest import PERSONAS
from commonweal.directory.tests.sharing import (
    LEADER_EMAIL,
    assert_valid,
    populate,
    require_schemas,
)

pytestmark = pytest.mark.django_db

PAGE_KEYS = {
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
}
LISTS = ["oruk_services", "oruk_organizations", "oruk_taxonomies", "oruk_taxonomy_terms"]
HIDDEN = ("Not Yet Checked Club", "Secret meeting", "Gone Away Group", "Withdrawn walk")


@pytest.fixture
def directory(calderdale, group, other_group, leader):
    require_schemas()
    return populate(calderdale, group, other_group, leader)


def _detail_urls(directory) -> list[str]:
    group = directory["group"]
    activity = group.activities.get(name="Litter pick")
    return [
        reverse("directory:oruk_service", args=[ids.service_id(activity)]),
        reverse("directory:oruk_organization", args=[ids.organization_id(group)]),
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_persona_gets_every_feed_and_never_a_hidden_group(persona, as_persona, directory):
    client = as_persona(persona)
    urls = [reverse(f"directory:{name}") for name in ["oruk_meta", *LISTS, "oruk_export"]]
    urls += [reverse("directory:export_csv"), *_detail_urls(directory)]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for hidden in HIDDEN:
            assert hidden not in body, (url, hidden)


@pytest.mark.parametrize("persona", PERSONAS)
def test_hidden_groups_have_no_detail_for_anyone(persona, as_persona, directory):
    client = as_persona(persona)
    for key in ("unverified", "withdrawn"):
        organisation = directory[key]
        url = reverse("directory:oruk_organization", args=[ids.organization_id(organisation)])
        assert client.get(url).status_code == 404
        activity = organisation.activities.get()
        url = reverse("directory:oruk_service", args=[ids.service_id(activity)])
        response = client.get(url)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"


def test_the_services_list_is_a_page_of_valid_services(client, directory):
    response = client.get(reverse("directory:oruk_services"))
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    page = response.json()
    assert set(page) == PAGE_KEYS
    assert page["total_items"] == 4
    assert page["total_pages"] == 1
    assert (page["page_number"], page["size"]) == (1, 4)
    assert page["first_page"] and page["last_page"] and not page["empty"]
    for record in page["contents"]:
        assert_valid(record, "service")
        assert "service_areas" not in record  # lists carry the one-to-one fields only


def test_pagination_follows_page_and_per_page(client, directory):
    url = reverse("directory:oruk_services")
    pages = [client.get(url, {"page": n, "per_page": 3}).json() for n in (1, 2)]
    assert [p["size"] for p in pages] == [3, 1]
    assert [p["total_pages"] for p in pages] == [2, 2]
    assert [(p["first_page"], p["last_page"]) for p in pages] == [(True, False), (False, True)]
    names = [r["name"] for p in pages for r in p["contents"]]
    assert len(set(names)) == 4
    beyond = client.get(url, {"page": 9, "per_page": 3}).json()
    assert beyond["contents"] == [] and beyond["size"] == 0 and beyond["total_items"] == 4
    assert client.get(url, {"per_page": 100000}).json()["size"] == 4  # capped, not refused
    for bad in ({"page": "two"}, {"page": "0"}, {"per_page": "-1"}):
        response = client.get(url, bad)
        assert response.status_code == 400
        assert response.json()["error"]["code"] == "invalid_query"


def test_services_can_be_searched_and_filtered(client, directory):
    url = reverse("directory:oruk_services")
    found = client.get(url, {"search": "litter"}).json()
    assert [r["name"] for r in found["contents"]] == ["Litter pick"]
    group_id = ids.organization_id(directory["group"])
    found = client.get(url, {"organization_id": group_id}).json()
    assert sorted(r["name"] for r in found["contents"]) == ["Coffee morning", "Litter pick"]
    terms = client.get(reverse("directory:oruk_taxonomy_terms"), {"per_page": 200}).json()
    older = next(t for t in terms["contents"] if t["name"] == "Older people")
    found = client.get(url, {"taxonomy_term_id": older["id"]}).json()
    assert sorted(r["name"] for r in found["contents"]) == ["Coffee morning", "Litter pick"]


def test_a_service_and_an_organisation_in_full(client, directory):
    service_url, organisation_url = _detail_urls(directory)
    service = client.get(service_url).json()
    assert_valid(service, "service")
    assert service["service_at_locations"][0]["location"]["addresses"][0]["postal_code"]
    organisation = client.get(organisation_url).json()
    assert_valid(organisation, "organization")
    assert sorted(s["name"] for s in organisation["services"]) == ["Coffee morning", "Litter pick"]
    assert client.get(reverse("directory:oruk_service", args=["nonsense"])).status_code == 404


def test_the_organisations_and_taxonomies_lists(client, directory):
    page = client.get(reverse("directory:oruk_organizations")).json()
    assert set(page) == PAGE_KEYS and page["total_items"] == 3
    for record in page["contents"]:
        assert_valid(record, "organization")
    taxonomies = client.get(reverse("directory:oruk_taxonomies")).json()
    for record in taxonomies["contents"]:
        assert_valid(record, "taxonomy")
        full = client.get(reverse("directory:oruk_taxonomy", args=[record["id"]])).json()
        assert_valid(full, "taxonomy")
        assert full["taxonomy_terms"]
    terms = client.get(reverse("directory:oruk_taxonomy_terms"), {"per_page": 200}).json()
    for record in terms["contents"]:
        assert_valid(record, "taxonomy_term")
    one = terms["contents"][0]
    assert client.get(reverse("directory:oruk_taxonomy_term", args=[one["id"]])).json() == one


def test_the_package_is_a_download_of_valid_records(client, directory):
    response = client.get(reverse("directory:oruk_export"))
    assert "attachment" in response["Content-Disposition"]
    package = response.json()
    assert package["version"] == "3.0"
    for record in package["services"]:
        assert_valid(record, "service")
    for record in package["organizations"]:
        assert_valid(record, "organization")


def test_withdrawing_consent_removes_the_leader_from_every_feed(client, directory, leader):
    group = directory["group"]
    service_url, organisation_url = _detail_urls(directory)
    urls = [service_url, organisation_url, reverse("directory:oruk_export")]
    urls.append(reverse("directory:oruk_organizations"))
    for url in urls:
        assert LEADER_EMAIL in client.get(url).content.decode(), url
    services.withdraw_consent(actor=leader, organisation=group)
    for url in [*urls, reverse("directory:oruk_services")]:
        body = client.get(url).content.decode()
        assert LEADER_EMAIL not in body and "Lena Leader" not in body, url
