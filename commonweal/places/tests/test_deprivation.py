"""Deprivation: the pure aggregation, and figures for areas built from real LSOAs."""

import pytest

from commonweal.places import services
from commonweal.places.deprivation import SmallAreaFigure, aggregate, decile_for_rank
from commonweal.places.models import (
    EDITION_AREA_COUNT,
    Area,
    AreaType,
    DeprivationScore,
    Domain,
    Edition,
)

# Pure arithmetic --------------------------------------------------------------------


def test_decile_boundaries():
    assert decile_for_rank(1, 32844) == 1
    assert decile_for_rank(3284, 32844) == 1
    assert decile_for_rank(3285.5, 32844) == 2
    assert decile_for_rank(32844, 32844) == 10
    with pytest.raises(ValueError):
        decile_for_rank(0, 32844)


def test_population_weighted_mean():
    figures = [
        SmallAreaFigure(weight=3000, rank=100, decile=1, score=50.0),
        SmallAreaFigure(weight=1000, rank=30000, decile=10, score=5.0),
    ]
    result = aggregate(figures, 32844)
    assert result.mean_rank == pytest.approx((3000 * 100 + 1000 * 30000) / 4000)
    assert result.mean_score == pytest.approx((3000 * 50 + 1000 * 5) / 4000)
    assert result.decile == decile_for_rank(result.mean_rank, 32844) == 3
    assert result.share_most_deprived == pytest.approx(0.75)
    assert (result.weight, result.count) == (4000, 2)


def test_unknown_weights_count_equally_and_missing_scores_give_none():
    figures = [SmallAreaFigure(0, 10, 1), SmallAreaFigure(0, 30, 1, 2.0)]
    result = aggregate(figures, 100)
    assert result.mean_rank == 20 and result.mean_score is None
    assert aggregate([], 100) is None


# On the real data -------------------------------------------------------------------

pytestmark = pytest.mark.django_db


def test_an_lsoa_has_its_published_figures(calderdale):
    lsoa = Area.objects.get(area_type=AreaType.LSOA21, gss_code="E01010875")
    figures = services.deprivation_for(lsoa, Edition.IOD2025)
    assert not figures.weighted and figures.weighting == "published"
    assert figures.imd.rank == 30814 and figures.imd.decile == 10
    assert figures.imd.score == pytest.approx(5.064)
    assert len(figures.domains) == 8
    assert figures.datasets[0].source == "iod2025"


def test_an_lsoa_2011_in_2019(calderdale):
    lsoa = Area.objects.get(area_type=AreaType.LSOA11, gss_code="E01010875")
    figures = services.deprivation_for(lsoa, Edition.IOD2019)
    assert (figures.imd.rank, figures.imd.decile, figures.imd.score) == (29263, 9, None)


def test_a_ward_is_population_weighted(calderdale):
    ward = Area.objects.get(area_type=AreaType.WARD, gss_code="E05001371")
    lsoas = list(ward.children.of_type(AreaType.LSOA21))
    figures = services.deprivation_for(ward, Edition.IOD2025)
    assert figures.weighted and figures.weighting == "population"
    assert figures.lsoa_count == len(lsoas)
    assert figures.population_covered == ward.population_total
    scores = {
        s.area_id: s
        for s in DeprivationScore.objects.filter(
            area__in=lsoas, edition=Edition.IOD2025, domain=Domain.IMD
        )
    }
    total = sum(lsoa.population_total for lsoa in lsoas)
    expected = sum(lsoa.population_total * scores[lsoa.pk].rank for lsoa in lsoas) / total
    assert figures.imd.rank == pytest.approx(expected)
    assert figures.imd.decile == decile_for_rank(expected, EDITION_AREA_COUNT[Edition.IOD2025])
    sources = {dataset.source for dataset in figures.datasets}
    assert sources == {"iod2025", "population-mid2020"}


def test_a_ward_in_2019_goes_through_the_2011_lsoas(calderdale):
    ward = Area.objects.get(area_type=AreaType.WARD, gss_code="E05001371")
    figures = services.deprivation_for(ward, Edition.IOD2019)
    assert figures.weighted and figures.lsoa_count >= 1
    assert figures.population_covered == ward.population_total
    assert figures.imd.score is None


@pytest.mark.parametrize("edition", [Edition.IOD2019, Edition.IOD2025])
def test_the_authority_covers_everyone(calderdale, edition):
    figures = services.deprivation_for(calderdale, edition)
    assert figures.lsoa_count == (128 if edition == Edition.IOD2019 else 129)
    assert figures.population_covered == 211_439
    assert 1 <= figures.imd.decile <= 10
    assert 0 < figures.imd.share_most_deprived < 0.5


def test_trafford_side_by_side(trafford, calderdale):
    t = services.deprivation_for(trafford, Edition.IOD2025)
    c = services.deprivation_for(calderdale, Edition.IOD2025)
    # Trafford is, on average, less deprived than Calderdale.
    assert t.imd.rank > c.imd.rank
    assert t.lsoa_count == 139


def test_nothing_held_gives_none(calderdale):
    lsoa = Area.objects.get(area_type=AreaType.LSOA21, gss_code="E01010875")
    DeprivationScore.objects.filter(area=lsoa).delete()
    assert services.deprivation_for(lsoa, Edition.IOD2025) is None
