"""The real Calderdale and Trafford data, as the session fixture loaded it."""

import pytest
from django.conf import settings

from commonweal.datasets.importing import get_importer, run_import
from commonweal.places.bundles import BOROUGHS
from commonweal.places.models import (
    Area,
    AreaType,
    DeprivationScore,
    Domain,
    Edition,
    LsoaLink,
    PopulationEstimate,
    Postcode,
)

pytestmark = pytest.mark.django_db


def count(authority, area_type):
    return Area.objects.of_type(area_type).in_authority(authority).count()


@pytest.mark.parametrize(
    ("fixture", "lsoa11", "lsoa21", "wards"),
    [("calderdale", 128, 129, 17), ("trafford", 138, 139, 21)],
)
def test_each_borough_has_its_areas(request, fixture, lsoa11, lsoa21, wards):
    authority = request.getfixturevalue(fixture)
    assert count(authority, AreaType.LSOA11) == lsoa11
    assert count(authority, AreaType.LSOA21) == lsoa21
    assert count(authority, AreaType.WARD) == wards
    assert authority.shape is not None and authority.shape.is_valid
    assert not Area.objects.in_authority(authority).filter(geometry__isnull=True).exists()


def test_every_calderdale_lsoa_has_its_imd_decile_in_both_editions(calderdale):
    for edition, area_type in (
        (Edition.IOD2019, AreaType.LSOA11),
        (Edition.IOD2025, AreaType.LSOA21),
    ):
        lsoas = Area.objects.of_type(area_type).in_authority(calderdale)
        with_decile = DeprivationScore.objects.filter(
            area__in=lsoas, edition=edition, domain=Domain.IMD
        )
        assert with_decile.count() == lsoas.count()
        # Eight domains each, all deciles 1..10; scores only in 2025.
        scores = DeprivationScore.objects.filter(area__in=lsoas, edition=edition)
        assert scores.count() == 8 * lsoas.count()
        assert scores.filter(score__isnull=False).exists() == (edition == Edition.IOD2025)


def test_provenance_is_real(calderdale):
    area = Area.objects.of_type(AreaType.LSOA11).in_authority(calderdale).first()
    assert area.dataset.publisher == "Office for National Statistics"
    assert "Contains OS data © Crown copyright" in area.dataset.attribution
    assert area.dataset.licence == "Open Government Licence v3.0"
    assert area.generation == "LSOA Dec 2011 BSC V3" and area.generalised
    score = DeprivationScore.objects.filter(area=area, edition=Edition.IOD2019).first()
    assert score.dataset.source_url.startswith("https://www.gov.uk/")
    assert score.dataset.release_date.isoformat() == "2019-09-26"


def test_populations_roll_up(calderdale, trafford):
    # The published mid-2020 totals (see SOURCES.md).
    assert calderdale.population_total == 211_439
    assert trafford.population_total == 237_579
    estimates = PopulationEstimate.objects.filter(area__authority=calderdale, year=2020)
    assert sum(e.total for e in estimates) == 211_439
    wards = Area.objects.of_type(AreaType.WARD).in_authority(calderdale)
    assert sum(w.population_total for w in wards) == 211_439
    assert all(0 < w.population_adults < w.population_total for w in wards)


def test_a_split_lsoa_shares_its_population_equally_and_says_so(calderdale):
    old = Area.objects.get(area_type=AreaType.LSOA11, gss_code="E01010994")
    parts = [link.lsoa21 for link in LsoaLink.objects.filter(lsoa11=old)]
    assert {link.change for link in LsoaLink.objects.filter(lsoa11=old)} == {"S"}
    assert len(parts) == 2
    assert sum(part.population_total for part in parts) == old.population_total
    assert abs(parts[0].population_total - parts[1].population_total) <= 1
    assert all("equal share" in part.population_note for part in parts)
    unchanged = Area.objects.get(area_type=AreaType.LSOA21, gss_code="E01010875")
    assert unchanged.population_total == 1741
    assert "same LSOA" in unchanged.population_note


def test_postcodes_from_both_file_shapes(calderdale, trafford):
    calder = Postcode.objects.filter(authority_code="E08000033")
    assert calder.count() == 7286
    assert calder.filter(longitude__isnull=True).count() == 57
    assert Postcode.objects.filter(authority_code="E08000009").count() == 11264
    m15 = Postcode.objects.get(postcode="M15 4AB")
    assert (m15.lsoa21_code, m15.ward_code, m15.lsoa11_code) == ("E01034001", "E05015247", "")
    assert (m15.longitude, m15.latitude) == (-2.26046, 53.465578)


def test_reimporting_a_borough_changes_nothing(calderdale):
    data = settings.COMMONWEAL_SHARED_DATA
    for step in BOROUGHS["calderdale"].steps:
        report = run_import(
            get_importer(step.source)(**step.options), data / step.path, commit=True
        )
        assert (report.created, report.updated) == (0, 0), step.source
        assert all(before == after for before, after in report.changes.values()), step.source
