"""Custom neighbourhoods: only the borough's officers and administrators may manage them."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from commonweal.accounts.models import Role, RoleAssignment, User
from commonweal.places.models import Area, AreaType

pytestmark = pytest.mark.django_db


def make_person(email: str, role: str, authority) -> User:
    # Not imported from the root conftest: "conftest" is ambiguous once tests/browser's is loaded.
    user = User.objects.create_user(email=email, password="correct horse battery staple")
    RoleAssignment.objects.create(user=user, role=role, authority=authority)
    return user


@pytest.fixture
def calderdale_officer(calderdale):
    return make_person("officer@calderdale.example", Role.OFFICER, authority=calderdale)


@pytest.fixture
def trafford_officer(trafford):
    return make_person("officer@trafford.example", Role.OFFICER, authority=trafford)


PERSONAS = {
    "anonymous": None,
    "resident": "resident",
    "organiser": "organiser",
    "calderdale_officer": "calderdale_officer",
    "trafford_officer": "trafford_officer",
    "administrator": "administrator",
}
ALLOWED = {"calderdale_officer", "administrator"}


def sign_in(client, request, persona: str):
    fixture = PERSONAS[persona]
    if fixture:
        client.force_login(request.getfixturevalue(fixture))


def two_lsoas(authority) -> list[Area]:
    return list(
        Area.objects.of_type(AreaType.LSOA21).in_authority(authority).order_by("gss_code")[:2]
    )


@pytest.fixture
def neighbourhood(calderdale, administrator):
    from commonweal.places import services

    return services.create_neighbourhood_from_lsoas(
        actor=administrator,
        authority=calderdale,
        name="Town centre",
        lsoa_codes=[a.gss_code for a in two_lsoas(calderdale)],
        description="",
    )


def officer_pages(calderdale, neighbourhood) -> list[str]:
    code = calderdale.gss_code
    return [
        reverse("places:neighbourhoods", args=[code]),
        reverse("places:neighbourhood_new", args=[code]),
        reverse("places:neighbourhood_upload", args=[code]),
        reverse("places:neighbourhood_delete", args=[neighbourhood.gss_code]),
    ]


@pytest.mark.parametrize("persona", list(PERSONAS))
def test_who_may_see_the_officer_pages(client, request, calderdale, neighbourhood, persona):
    sign_in(client, request, persona)
    for url in officer_pages(calderdale, neighbourhood):
        response = client.get(url)
        if persona == "anonymous":
            assert response.status_code == 302, url
            assert response.url.startswith(reverse("accounts:login")), url
            assert "next=" in response.url
        elif persona in ALLOWED:
            assert response.status_code == 200, url
        else:
            assert response.status_code == 403, url


@pytest.mark.parametrize("persona", list(PERSONAS))
def test_who_may_create_and_delete(client, request, calderdale, neighbourhood, persona):
    sign_in(client, request, persona)
    lsoas = two_lsoas(calderdale)
    response = client.post(
        reverse("places:neighbourhood_new", args=[calderdale.gss_code]),
        {"name": "Made by " + persona, "lsoa_codes": [a.gss_code for a in lsoas]},
    )
    created = Area.objects.filter(name="Made by " + persona).exists()
    assert created == (persona in ALLOWED)
    assert response.status_code == (302 if persona in ALLOWED or persona == "anonymous" else 403)
    response = client.post(reverse("places:neighbourhood_delete", args=[neighbourhood.gss_code]))
    still_there = Area.objects.filter(pk=neighbourhood.pk).exists()
    assert still_there == (persona not in ALLOWED)


def test_the_borough_page_links_officers_to_the_neighbourhoods(
    client, calderdale, calderdale_officer, trafford_officer
):
    url = reverse("places:borough", args=[calderdale.gss_code])
    link = reverse("places:neighbourhoods", args=[calderdale.gss_code])
    assert link not in client.get(url).content.decode()
    client.force_login(trafford_officer)
    assert link not in client.get(url).content.decode()
    client.force_login(calderdale_officer)
    assert link in client.get(url).content.decode()


class TestCreateFromSmallAreas:
    def test_the_form_groups_small_areas_by_ward(self, client, calderdale, calderdale_officer):
        client.force_login(calderdale_officer)
        html = client.get(
            reverse("places:neighbourhood_new", args=[calderdale.gss_code])
        ).content.decode()
        lsoas = Area.objects.of_type(AreaType.LSOA21).in_authority(calderdale)
        assert html.count('type="checkbox"') == lsoas.count()
        ward = Area.objects.of_type(AreaType.WARD).in_authority(calderdale).first()
        assert f'govuk-fieldset__legend--s">{ward.name}</legend>' in html

    def test_creates_and_shows_the_new_area_page(self, client, calderdale, calderdale_officer):
        client.force_login(calderdale_officer)
        lsoas = two_lsoas(calderdale)
        response = client.post(
            reverse("places:neighbourhood_new", args=[calderdale.gss_code]),
            {
                "name": "North Halifax",
                "description": "Two streets",
                "lsoa_codes": [a.gss_code for a in lsoas],
            },
            follow=True,
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "North Halifax" in html
        assert "Neighbourhood “North Halifax” created." in html
        area = Area.objects.get(area_type=AreaType.NEIGHBOURHOOD, name="North Halifax")
        assert set(area.members.values_list("gss_code", flat=True)) == {a.gss_code for a in lsoas}
        # It is listed for the borough.
        listing = client.get(reverse("places:neighbourhoods", args=[calderdale.gss_code]))
        assert "North Halifax" in listing.content.decode()

    def test_errors_keep_what_was_chosen_and_save_nothing(
        self, client, calderdale, calderdale_officer
    ):
        client.force_login(calderdale_officer)
        lsoa = two_lsoas(calderdale)[0]
        response = client.post(
            reverse("places:neighbourhood_new", args=[calderdale.gss_code]),
            {"name": "", "lsoa_codes": [lsoa.gss_code]},
        )
        assert response.status_code == 400
        html = response.content.decode()
        assert "There is a problem" in html
        assert "Enter a name for the neighbourhood." in html
        assert f'value="{lsoa.gss_code}" checked' in html
        assert not Area.objects.of_type(AreaType.NEIGHBOURHOOD).exists()

    def test_no_small_areas_chosen(self, client, calderdale, calderdale_officer):
        client.force_login(calderdale_officer)
        response = client.post(
            reverse("places:neighbourhood_new", args=[calderdale.gss_code]), {"name": "Empty"}
        )
        assert response.status_code == 400
        assert "Select at least one small area" in response.content.decode()

    def test_a_refusal_from_the_service_is_shown_in_the_summary(
        self, client, calderdale, calderdale_officer, neighbourhood
    ):
        client.force_login(calderdale_officer)
        response = client.post(
            reverse("places:neighbourhood_new", args=[calderdale.gss_code]),
            {"name": "Town centre", "lsoa_codes": [two_lsoas(calderdale)[0].gss_code]},
        )
        assert response.status_code == 400
        html = response.content.decode()
        assert "already has a neighbourhood called" in html
        assert Area.objects.of_type(AreaType.NEIGHBOURHOOD).count() == 1


def geojson_file(geometry, name="boundary.geojson") -> SimpleUploadedFile:
    document = {"type": "Feature", "properties": {}, "geometry": geometry}
    return SimpleUploadedFile(name, json.dumps(document).encode(), "application/geo+json")


LONDON = {
    "type": "Polygon",
    "coordinates": [[[-0.1, 51.5], [-0.1, 51.6], [0.0, 51.6], [-0.1, 51.5]]],
}
BOWTIE = {
    "type": "Polygon",
    "coordinates": [
        [[-1.87, 53.72], [-1.86, 53.73], [-1.86, 53.72], [-1.87, 53.73], [-1.87, 53.72]]
    ],
}


class TestCreateFromUpload:
    def url(self, calderdale):
        return reverse("places:neighbourhood_upload", args=[calderdale.gss_code])

    def test_creates_from_a_geojson_boundary(self, client, calderdale, calderdale_officer):
        client.force_login(calderdale_officer)
        lsoa = two_lsoas(calderdale)[0]
        geometry = lsoa.shape.buffer(-0.0001).__geo_interface__
        response = client.post(
            self.url(calderdale),
            {"name": "Drawn", "boundary": geojson_file(geometry)},
        )
        assert response.status_code == 302
        area = Area.objects.get(area_type=AreaType.NEIGHBOURHOOD, name="Drawn")
        assert response.url == f"/places/neighbourhood/{area.gss_code}/"
        assert client.get(response.url).status_code == 200

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (b"this is not json", "not valid GeoJSON"),
            (json.dumps(LONDON).encode(), "The shape must lie inside Calderdale"),
            (json.dumps(BOWTIE).encode(), "crosses itself"),
            (json.dumps({"type": "Point", "coordinates": [-1.86, 53.72]}).encode(), "Polygon"),
        ],
    )
    def test_a_bad_file_is_refused_and_nothing_saved(
        self, client, calderdale, calderdale_officer, content, message
    ):
        client.force_login(calderdale_officer)
        upload = SimpleUploadedFile("bad.geojson", content, "application/geo+json")
        response = client.post(self.url(calderdale), {"name": "Bad", "boundary": upload})
        assert response.status_code == 400
        html = response.content.decode()
        assert "There is a problem" in html
        assert 'href="#id_boundary"' in html
        assert message in html
        assert not Area.objects.of_type(AreaType.NEIGHBOURHOOD).exists()

    def test_no_file(self, client, calderdale, calderdale_officer):
        client.force_login(calderdale_officer)
        response = client.post(self.url(calderdale), {"name": "No file"})
        assert response.status_code == 400
        assert "Choose a GeoJSON file" in response.content.decode()


def test_delete_asks_first_then_deletes(client, calderdale, calderdale_officer, neighbourhood):
    client.force_login(calderdale_officer)
    url = reverse("places:neighbourhood_delete", args=[neighbourhood.gss_code])
    html = client.get(url).content.decode()
    assert "Are you sure you want to delete Town centre?" in html
    response = client.post(url)
    assert response.status_code == 302
    assert response.url == reverse("places:neighbourhoods", args=[calderdale.gss_code])
    assert not Area.objects.filter(pk=neighbourhood.pk).exists()
