"""The directory search on real Calderdale postcodes and areas, on SQLite and PostgreSQL."""

import pytest
from django.db import connection

from commonweal.directory import services
from commonweal.directory.services.search import SearchQuery, search
from commonweal.directory.tests.conftest import person
from commonweal.places.models import Area, AreaType

pytestmark = pytest.mark.django_db

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL full-text search (stemming, websearch syntax) runs only on PostgreSQL",
)
on_fallback = pytest.mark.skipif(
    connection.vendor == "postgresql",
    reason="the word-matching fallback is used only where PostgreSQL is not",
)

# Real postcodes and the wards they are in (ONS).
HALIFAX = "HX1 1AA"  # Town ward, E05001386
HALIFAX_WARD = "E05001386"
HEBDEN_BRIDGE = "HX7 8AA"  # Calder ward, E05001372
HEBDEN_WARD = "E05001372"
TODMORDEN = "OL14 7AA"  # Todmorden ward, E05001385
TODMORDEN_WARD = "E05001385"


def serving(leader, authority, name, ward_code=None, borough_wide=False, **details):
    """A verified group serving one ward (or the whole borough)."""
    details.setdefault("kind", "community_group")
    organisation = services.register_organisation(
        actor=leader, authority=authority, name=name, **details
    )
    services.set_benefit(
        actor=leader,
        organisation=organisation,
        area_codes=[ward_code] if ward_code else [],
        borough_wide=borough_wide,
    )
    services.verify_organisation(actor=None, organisation=organisation)
    return organisation


@pytest.fixture
def deaf_tag(db):
    return services.add_tag(actor=None, name="Deaf community", description="Deaf people")


@pytest.fixture
def groups(calderdale, leader, deaf_tag):
    made = {
        "halifax": serving(
            leader,
            calderdale,
            "Halifax Sewing Circle",
            HALIFAX_WARD,
            postcode="HX1 2AB",
            description="We knit, sew and mend together on Thursdays.",
        ),
        "town": serving(
            leader,
            calderdale,
            "Town Ward Residents",
            HALIFAX_WARD,
            kind="residents_association",
            description="Residents of the town centre, working on allotment plans.",
        ),
        "hebden": serving(
            leader,
            calderdale,
            "Hebden Bridge Allotment Society",
            HEBDEN_WARD,
            postcode=HEBDEN_BRIDGE,
            description="Growing food on the hillside.",
        ),
        "todmorden": serving(
            leader,
            calderdale,
            "Todmorden Community Garden",
            TODMORDEN_WARD,
            kind="faith_group",
            postcode=TODMORDEN,
            description="A garden kept by the chapel.",
        ),
        "deaf": serving(
            leader,
            calderdale,
            "Calderdale Deaf Club",
            borough_wide=True,
            description="Meeting up in British Sign Language.",
        ),
    }
    services.set_interest_tags(actor=None, organisation=made["deaf"], slugs=[deaf_tag.slug])
    return made


def names(results) -> list[str]:
    return [hit.organisation.name for hit in results.hits]


def hit_for(results, organisation):
    return next(hit for hit in results.hits if hit.organisation.pk == organisation.pk)


def test_near_a_postcode_the_nearest_come_first_with_plausible_distances(groups):
    results = search(SearchQuery(postcode="hx11aa"))
    assert results.origin_label == HALIFAX
    assert results.origin == pytest.approx((-1.857458, 53.724334), abs=1e-5)
    # Two groups cover the point (distance 0, by name), then where the others meet.
    assert names(results) == [
        "Calderdale Deaf Club",
        "Town Ward Residents",
        "Halifax Sewing Circle",
        "Hebden Bridge Allotment Society",
        "Todmorden Community Garden",
    ]
    distances = [hit.distance_m for hit in results.hits]
    assert distances == sorted(distances)
    assert distances[:2] == [0, 0]
    # HX1 2AB is about 500 m from HX1 1AA; Hebden Bridge about 10.5 km; Todmorden 15.9 km.
    assert 300 < hit_for(results, groups["halifax"]).distance_m < 700
    assert hit_for(results, groups["hebden"]).distance_m == pytest.approx(10_460, rel=0.02)
    assert hit_for(results, groups["todmorden"]).distance_m == pytest.approx(15_850, rel=0.02)


def test_serves_point_says_whether_the_area_of_benefit_covers_the_searched_small_area(groups):
    results = search(SearchQuery(postcode=HALIFAX))
    serving_here = {hit.organisation.name for hit in results.hits if hit.serves_point}
    assert serving_here == {"Calderdale Deaf Club", "Town Ward Residents", "Halifax Sewing Circle"}
    assert results.area is not None and results.area.area_type == AreaType.LSOA21
    hebden = search(SearchQuery(postcode=HEBDEN_BRIDGE))
    # It meets at the searched postcode itself; the borough-wide club covers it too.
    assert names(hebden)[:2] == ["Calderdale Deaf Club", "Hebden Bridge Allotment Society"]
    assert hit_for(hebden, groups["hebden"]).distance_m < 1
    assert hit_for(hebden, groups["hebden"]).serves_point
    assert not hit_for(hebden, groups["town"]).serves_point


def test_a_group_without_a_meeting_place_is_measured_to_its_area(groups):
    hebden = search(SearchQuery(postcode=HEBDEN_BRIDGE))
    town = hit_for(hebden, groups["town"])
    # Town ward's nearest edge is nearer than the Halifax meeting place, but not by much.
    assert 5_000 < town.distance_m < hit_for(hebden, groups["halifax"]).distance_m


def test_search_by_point_matches_search_by_its_postcode(groups):
    by_point = search(SearchQuery(point=(-1.857458, 53.724334)))
    assert names(by_point) == names(search(SearchQuery(postcode=HALIFAX)))
    assert by_point.origin_label == "longitude -1.85746, latitude 53.72433"


def test_without_a_point_groups_come_in_name_order_with_no_distance(groups):
    results = search(SearchQuery())
    assert names(results) == sorted(names(results))
    assert len(results.hits) == 5
    assert all(hit.distance_m is None and hit.rank is None for hit in results.hits)
    assert results.origin is None and results.area is None


def test_filters_by_kind_tag_area_and_borough(groups, deaf_tag, trafford, other_leader):
    assert names(search(SearchQuery(kind="faith_group"))) == ["Todmorden Community Garden"]
    assert names(search(SearchQuery(tag=deaf_tag.slug))) == ["Calderdale Deaf Club"]
    in_calder_ward = search(SearchQuery(area_code=HEBDEN_WARD.lower()))
    assert names(in_calder_ward) == ["Calderdale Deaf Club", "Hebden Bridge Allotment Society"]
    assert in_calder_ward.area.gss_code == HEBDEN_WARD
    # A small area inside the ward finds the same groups.
    lsoa = Area.objects.of_type(AreaType.LSOA21).filter(parents__gss_code=HEBDEN_WARD).first()
    assert names(search(SearchQuery(area_code=lsoa.gss_code))) == names(in_calder_ward)
    ward = Area.objects.of_type(AreaType.WARD).in_authority(trafford).first()
    serving(other_leader, trafford, "Stretford Tenants", ward.gss_code)
    assert names(search(SearchQuery(authority=trafford))) == ["Stretford Tenants"]
    assert "Stretford Tenants" not in names(search(SearchQuery(authority=groups["deaf"].authority)))
    both = search(SearchQuery(kind="community_group", area_code=HALIFAX_WARD, postcode=HALIFAX))
    assert names(both) == ["Calderdale Deaf Club", "Halifax Sewing Circle"]


def test_unlisted_groups_are_never_shown_to_the_public(calderdale, groups, resident, leader):
    waiting = services.register_organisation(
        actor=leader, authority=calderdale, name="Halifax Waiting Group", kind="community_group"
    )
    withdrawn = groups["hebden"]
    services.withdraw_organisation(actor=None, organisation=withdrawn, reason="Closed down")
    for user in (None, resident):
        shown = names(search(SearchQuery(), user=user))
        assert "Halifax Waiting Group" not in shown
        assert withdrawn.name not in shown
        assert "Halifax Waiting Group" not in names(search(SearchQuery(text="waiting"), user=user))
    # The people who run it and the borough's officers still find it.
    assert "Halifax Waiting Group" in names(search(SearchQuery(), user=leader))
    officer = person("officer.search@calderdale.example", "officer", authority=calderdale)
    assert {waiting.name, withdrawn.name} <= set(names(search(SearchQuery(), user=officer)))


# Free text: behaviour both ways of searching share --------------------------------------


def test_text_finds_words_in_the_name_the_description_and_interests(groups):
    assert names(search(SearchQuery(text="Sewing"))) == ["Halifax Sewing Circle"]
    assert names(search(SearchQuery(text="chapel"))) == ["Todmorden Community Garden"]
    assert names(search(SearchQuery(text="deaf"))) == ["Calderdale Deaf Club"]
    # In the name of one and the name of a community of interest of the other.
    assert names(search(SearchQuery(text="community"))) == [
        "Todmorden Community Garden",
        "Calderdale Deaf Club",
    ]
    assert names(search(SearchQuery(text="  "))) == names(search(SearchQuery()))


def test_every_word_must_match(groups):
    assert names(search(SearchQuery(text="sewing halifax"))) == ["Halifax Sewing Circle"]
    assert names(search(SearchQuery(text="sewing todmorden"))) == []


def test_a_match_in_the_name_ranks_above_one_in_the_description(groups):
    results = search(SearchQuery(text="allotment"))
    assert names(results) == ["Hebden Bridge Allotment Society", "Town Ward Residents"]
    assert results.hits[0].rank > results.hits[1].rank > 0


def test_text_with_a_postcode_keeps_nearest_first_and_gives_ranks(groups):
    results = search(SearchQuery(text="allotment", postcode=HALIFAX))
    assert names(results) == ["Town Ward Residents", "Hebden Bridge Allotment Society"]
    assert all(hit.rank and hit.rank > 0 for hit in results.hits)


@on_postgres
def test_postgres_stems_english_words_and_understands_websearch_syntax(groups):
    assert names(search(SearchQuery(text="gardens"))) == ["Todmorden Community Garden"]
    assert names(search(SearchQuery(text='"sewing circle"'))) == ["Halifax Sewing Circle"]
    assert names(search(SearchQuery(text="allotment -hebden"))) == ["Town Ward Residents"]
    assert names(search(SearchQuery(text="sewing or chapel"))) == [
        "Halifax Sewing Circle",
        "Todmorden Community Garden",
    ]


@on_fallback
def test_the_fallback_matches_parts_of_words_whatever_their_case(groups):
    assert names(search(SearchQuery(text="ALLOT"))) == [
        "Hebden Bridge Allotment Society",
        "Town Ward Residents",
    ]
    assert names(search(SearchQuery(text="allotment -hebden"))) == ["Town Ward Residents"]
    assert names(search(SearchQuery(text="!!!"))) == []


# Bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, field, words",
    [
        (SearchQuery(postcode="ZZ9 9ZZ"), "postcode", "We do not hold the postcode ZZ9 9ZZ"),
        (SearchQuery(postcode="not a postcode"), "postcode", "is not a UK postcode"),
        (SearchQuery(point=(-5.0, 54.5)), "point", "outside every area we hold"),
        (SearchQuery(point=(200.0, 0.0)), "point", "not a place on Earth"),
        (SearchQuery(point=("east", "north")), "point", "two numbers"),
        (SearchQuery(postcode=HALIFAX, point=(-1.85, 53.72)), "postcode", "not both"),
        (SearchQuery(kind="club"), "kind", "not a kind of group we list"),
        (SearchQuery(tag="no-such-tag"), "tag", "not a community of interest we list"),
        (SearchQuery(area_code="E05999999"), "area_code", "We do not hold an area"),
    ],
)
def test_bad_input_is_refused_with_a_reason(groups, query, field, words):
    with pytest.raises(services.DirectoryError) as caught:
        search(query)
    assert caught.value.field == field
    assert words in caught.value.reason


def test_a_ward_is_not_a_borough(groups):
    ward = Area.objects.get(area_type=AreaType.WARD, gss_code=HALIFAX_WARD)
    with pytest.raises(services.DirectoryError, match="not a borough"):
        search(SearchQuery(authority=ward))
