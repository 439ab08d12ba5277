"""The programme's measure as pure arithmetic: adults in served small areas over all adults."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commonweal.directory.engine.coverage import coverage_share


def test_adults_in_served_areas_over_all_adults():
    share = coverage_share({"A": 1000, "B": 1500, "C": 500}, served=["A", "C"])
    assert (share.adults_served, share.adults_total) == (1500, 3000)
    assert (share.areas_served, share.areas_total) == (2, 3)
    assert share.share == Fraction(1, 2)
    assert share.percentage == "50.0%"
    assert share.areas_without_population == 0


def test_nothing_served_is_nought_and_everything_served_is_all():
    adults = {"A": 10, "B": 20}
    assert coverage_share(adults, []).share == 0
    assert coverage_share(adults, []).percentage == "0.0%"
    assert coverage_share(adults, ["A", "B"]).share == 1
    assert coverage_share(adults, ["B", "A", "B"]).areas_served == 2


def test_codes_outside_the_areas_are_ignored():
    share = coverage_share({"A": 10, "B": 30}, served=["B", "Z"])
    assert (share.adults_served, share.areas_served) == (30, 1)


def test_areas_without_population_count_in_neither_sum():
    share = coverage_share({"A": 10, "B": None, "C": 30}, served=["A", "B"])
    assert (share.adults_served, share.adults_total) == (10, 40)
    assert share.areas_without_population == 1
    assert share.areas_served == 2


@pytest.mark.parametrize("adults", [{}, {"A": None}, {"A": 0}])
def test_no_known_adults_is_not_known_rather_than_a_division_by_nought(adults):
    share = coverage_share(adults, served=list(adults))
    assert share.share is None
    assert share.percentage == "not known"


def test_the_percentage_is_rounded_to_one_place():
    assert coverage_share({"A": 1, "B": 2}, ["A"]).percentage == "33.3%"
    assert coverage_share({"A": 2, "B": 1}, ["A"]).percentage == "66.7%"


@given(
    st.dictionaries(st.text(min_size=1, max_size=3), st.none() | st.integers(0, 5000)),
    st.lists(st.text(min_size=1, max_size=3)),
)
def test_the_share_is_between_nought_and_one_and_grows_with_service(adults, served):
    share = coverage_share(adults, served)
    assert 0 <= share.adults_served <= share.adults_total
    assert 0 <= share.areas_served <= share.areas_total == len(adults)
    if share.share is not None:
        assert 0 <= share.share <= 1
    more = coverage_share(adults, [*served, *list(adults)[:1]])
    assert more.adults_served >= share.adults_served
