"""Officers' neighbourhoods: from LSOAs or a drawn boundary, refused in plain words."""

import json

import pytest
import shapely
from django.core.exceptions import PermissionDenied

from commonweal.accounts.models import Role
from commonweal.core.models import AuditEvent
from commonweal.core.testing import make_person
from commonweal.places import services
from commonweal.places.models import Area, AreaType, Edition

pytestmark = pytest.mark.django_db

LSOAS = ["E01010875", "E01010876", "E01010879"]


@pytest.fixture
def calderdale_officer(calderdale):
    return make_person("cllr@calderdale.example", Role.OFFICER, authority=calderdale)


@pytest.fixture
def trafford_officer(trafford):
    return make_person("officer@trafford.example", Role.OFFICER, authority=trafford)


def geojson(geometry) -> str:
    return json.dumps(shapely.geometry.mapping(geometry))


def test_from_lsoas(calderdale, calderdale_officer):
    area = services.create_neighbourhood_from_lsoas(
        actor=calderdale_officer, authority=calderdale, name="Brighouse centre", lsoa_codes=LSOAS
    )
    assert area.gss_code == f"N-E08000033-{area.pk:04d}"
    assert area.area_type == AreaType.NEIGHBOURHOOD and area.authority == calderdale
    assert sorted(area.members.values_list("gss_code", flat=True)) == LSOAS
    members = Area.objects.filter(area_type=AreaType.LSOA21, gss_code__in=LSOAS)
    assert area.population_total == sum(m.population_total for m in members)
    assert area.shape.area == pytest.approx(sum(m.shape.area for m in members), rel=1e-6)
    assert AuditEvent.objects.filter(action="places.neighbourhood_created").count() == 1
    # It is found by point lookup, and has population-weighted deprivation.
    point = members[0].shape.representative_point()
    assert area in services.areas_for_point(point.x, point.y)
    figures = services.deprivation_for(area, Edition.IOD2025)
    assert figures.lsoa_count == 3 and figures.weighted


def test_from_a_drawn_boundary(calderdale, calderdale_officer):
    members = Area.objects.filter(area_type=AreaType.LSOA21, gss_code__in=LSOAS)
    drawn = shapely.unary_union([m.shape for m in members]).buffer(0.0005)
    area = services.create_neighbourhood_from_geojson(
        actor=calderdale_officer,
        authority=calderdale,
        name="Drawn",
        geojson_text=geojson(drawn),
        description="Around the park",
    )
    assert set(area.members.values_list("gss_code", flat=True)) == set(LSOAS)
    assert area.description == "Around the park"
    feature = {"type": "Feature", "properties": {}, "geometry": shapely.geometry.mapping(drawn)}
    collection = json.dumps({"type": "FeatureCollection", "features": [feature]})
    again = services.create_neighbourhood_from_geojson(
        actor=calderdale_officer, authority=calderdale, name="Drawn twice", geojson_text=collection
    )
    assert again.gss_code != area.gss_code


def refused(officer, authority, **kwargs) -> str:
    before = Area.objects.count()
    with pytest.raises(services.NeighbourhoodInvalid) as error:
        if "lsoa_codes" in kwargs:
            services.create_neighbourhood_from_lsoas(actor=officer, authority=authority, **kwargs)
        else:
            services.create_neighbourhood_from_geojson(actor=officer, authority=authority, **kwargs)
    assert Area.objects.count() == before
    return error.value.reason


def test_refusals(calderdale, calderdale_officer):
    officer = calderdale_officer
    assert "not valid GeoJSON" in refused(officer, calderdale, name="A", geojson_text="{oops")
    point = json.dumps({"type": "Point", "coordinates": [-1.8, 53.7]})
    assert "Polygon or MultiPolygon, not Point" in refused(
        officer, calderdale, name="A", geojson_text=point
    )
    bowtie = {
        "type": "Polygon",
        "coordinates": [[[-1.9, 53.7], [-1.8, 53.75], [-1.8, 53.7], [-1.9, 53.75], [-1.9, 53.7]]],
    }
    assert "crosses itself" in refused(
        officer, calderdale, name="A", geojson_text=json.dumps(bowtie)
    )
    flat = {"type": "Polygon", "coordinates": [[[-1.9, 53.7], [-1.8, 53.7], [-1.9, 53.7]]]}
    reason = refused(officer, calderdale, name="A", geojson_text=json.dumps(flat))
    assert "not a proper shape" in reason or "no area" in reason
    assert (
        refused(
            officer, calderdale, name="A", geojson_text='{"type": "Polygon", "coordinates": []}'
        )
        == "The boundary is empty."
    )
    # Straddling the western edge of Calderdale.
    outline = calderdale.shape
    min_x, min_y, _, max_y = outline.bounds
    middle = (min_y + max_y) / 2
    west = shapely.box(min_x - 0.05, middle - 0.01, min_x + 0.03, middle + 0.01)
    reason = refused(officer, calderdale, name="A", geojson_text=geojson(west))
    assert reason.startswith("The shape must lie inside Calderdale; ")
    assert reason.endswith("% of it is outside.")
    assert "E01999999" in refused(officer, calderdale, name="A", lsoa_codes=["E01999999"])
    assert "not in Calderdale: E01006074" in refused(
        officer, calderdale, name="A", lsoa_codes=["E01010875", "E01006074"]
    )
    assert refused(officer, calderdale, name="A", lsoa_codes=[]) == "Choose at least one LSOA."
    services.create_neighbourhood_from_lsoas(
        actor=officer, authority=calderdale, name="Same Name", lsoa_codes=LSOAS[:1]
    )
    assert "already has a neighbourhood called" in refused(
        officer, calderdale, name="same  name", lsoa_codes=LSOAS[1:]
    )


def test_update_and_delete(calderdale, calderdale_officer):
    area = services.create_neighbourhood_from_lsoas(
        actor=calderdale_officer, authority=calderdale, name="Old", lsoa_codes=LSOAS
    )
    area = services.update_neighbourhood(
        area, actor=calderdale_officer, name="New", lsoa_codes=LSOAS[:2]
    )
    assert area.name == "New" and area.members.count() == 2
    code = area.gss_code
    services.delete_neighbourhood(actor=calderdale_officer, area=area)
    assert not Area.objects.filter(gss_code=code).exists()
    assert Area.objects.filter(gss_code__in=LSOAS).count() >= 3
    actions = list(
        AuditEvent.objects.filter(action__startswith="places.neighbourhood").values_list(
            "action", flat=True
        )
    )
    assert sorted(actions) == sorted(
        [
            "places.neighbourhood_created",
            "places.neighbourhood_changed",
            "places.neighbourhood_deleted",
        ]
    )


def test_permissions(calderdale, calderdale_officer, trafford_officer, administrator, resident):
    assert resident.has_perm("places.view_area", calderdale)
    assert calderdale_officer.has_perm("places.add_neighbourhood", calderdale)
    assert administrator.has_perm("places.add_neighbourhood", calderdale)
    assert not trafford_officer.has_perm("places.add_neighbourhood", calderdale)
    assert not resident.has_perm("places.add_neighbourhood", calderdale)
    area = services.create_neighbourhood_from_lsoas(
        actor=calderdale_officer, authority=calderdale, name="Mine", lsoa_codes=LSOAS
    )
    assert calderdale_officer.has_perm("places.change_neighbourhood", area)
    assert not trafford_officer.has_perm("places.delete_neighbourhood", area)
    with pytest.raises(PermissionDenied):
        services.delete_neighbourhood(actor=trafford_officer, area=area)
    with pytest.raises(PermissionDenied):
        services.create_neighbourhood_from_lsoas(
            actor=resident, authority=calderdale, name="Theirs", lsoa_codes=LSOAS
        )
