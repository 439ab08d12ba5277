"""Counts and rates checked against an independent count made here with csv and shapely."""

import csv
from collections import Counter

import pytest
import shapely

from commonweal.opendata.models import CrimeCount
from commonweal.opendata.services.figures import figures_for
from commonweal.places.models import Area, AreaType, DeprivationScore, Domain, Edition

pytestmark = pytest.mark.django_db


def _points(path):
    with path.open(newline="") as handle:
        return [
            (float(r["Longitude"]), float(r["Latitude"]), r["Crime type"])
            for r in csv.DictReader(handle)
            if r["Longitude"]
        ]


def _inside(area, points):
    hits = shapely.intersects_xy(area.shape, [p[0] for p in points], [p[1] for p in points])
    return Counter(p[2] for p, hit in zip(points, hits, strict=True) if hit)


def test_borough_and_ward_counts_and_rates(imported_2018, calderdale, calderdale_2018):
    points = _points(calderdale_2018)
    expected = _inside(calderdale, points)
    stored = dict(CrimeCount.objects.filter(area=calderdale).values_list("category", "count"))
    assert stored == dict(expected)
    figures = figures_for(calderdale)
    (month,) = figures.months
    assert month.total == sum(expected.values())
    assert month.rate == round(sum(expected.values()) * 1000 / calderdale.population_total, 1)
    ward = Area.objects.of_type(AreaType.WARD).in_authority(calderdale).order_by("gss_code")[0]
    ward_figures = figures_for(ward)
    assert ward_figures.months[0].by_category == dict(_inside(ward, points))
    assert ward_figures.months[0].borough_rate == month.rate


def test_an_lsoa_against_its_deprivation_decile(imported_2018, calderdale_2018):
    lsoa = Area.objects.of_type(AreaType.LSOA11).get(gss_code="E01010911")
    points = _points(calderdale_2018)
    figures = figures_for(lsoa)
    (month,) = figures.months
    own = _inside(lsoa, points)
    assert month.by_category == dict(own)
    assert month.rate == round(sum(own.values()) * 1000 / lsoa.population_total, 1)
    decile = DeprivationScore.objects.get(
        area=lsoa, edition=Edition.IOD2019, domain=Domain.IMD
    ).decile
    assert figures.decile == decile
    # Only Calderdale's crimes are held, so Trafford's LSOAs in the decile are left out.
    everywhere = Area.objects.filter(
        deprivation__edition=Edition.IOD2019,
        deprivation__domain=Domain.IMD,
        deprivation__decile=decile,
    )
    peers = [peer for peer in everywhere if peer.authority.gss_code == "E08000033"]
    assert 0 < len(peers) < everywhere.count()
    count = sum(sum(_inside(peer, points).values()) for peer in peers)
    population = sum(peer.population_total for peer in peers)
    assert month.decile_rate == round(count * 1000 / population, 1)
    assert figures.decile_areas == len(peers)


def test_several_months_of_files_give_one_attribution_line(calderdale, crime_dir, client):
    from commonweal.opendata.tests.conftest import import_crime

    for year in (2016, 2017, 2018):
        import_crime(crime_dir / f"{year}-07-west-yorkshire-street_calderdale.csv")
    figures = figures_for(calderdale)
    assert [m.month.year for m in figures.months] == [2016, 2017, 2018]
    assert len(figures.datasets) == 1
    text = client.get("/data/crime/lad/E08000033/").content.decode()
    assert text.count("Street-level crime (data.police.uk), data.police.uk") == 1
    assert "July 2016" in text and "<svg" in text


def test_an_officers_neighbourhood_is_counted_from_its_boundary(
    imported_2018, calderdale, calderdale_2018, officer, client
):
    from commonweal.places import services

    lsoas = list(
        Area.objects.of_type(AreaType.LSOA21).in_authority(calderdale).order_by("gss_code")[:3]
    )
    area = services.create_neighbourhood_from_lsoas(
        actor=officer,
        authority=calderdale,
        name="Three small areas",
        lsoa_codes=[lsoa.gss_code for lsoa in lsoas],
    )
    (month,) = figures_for(area).months
    assert month.by_category == dict(_inside(area, _points(calderdale_2018)))
    response = client.get(f"/data/crime/neighbourhood/{area.gss_code}/")
    assert response.status_code == 200
    assert f"{month.total} crime" in response.content.decode()
