"""Properties of the clocks and counts, for any dates and any counts."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from commonweal.rights.planning import stages

days = st.dates(min_value=dt.date(2013, 1, 1), max_value=dt.date(2040, 12, 31))
counts = st.integers(min_value=0, max_value=100_000)
# Machines here are shared: no per-example deadline (the bank holiday calendar fills itself
# year by year on first use, which can be slow).
relaxed = settings(deadline=None)


@relaxed
@given(days)
def test_consultation_never_closes_less_than_six_weeks_after_it_starts(start):
    closes = stages.representations_close_earliest(start)
    assert (closes - start).days >= 42


@relaxed
@given(days, st.booleans())
def test_a_decision_is_due_after_the_comments_close(start, multi):
    assert stages.decision_due(start, more_than_one_authority=multi) > (
        stages.representations_close_earliest(start)
    )


@relaxed
@given(days)
def test_two_authorities_always_have_longer(start):
    assert stages.decision_due(start, more_than_one_authority=True) > stages.decision_due(start)


@relaxed
@given(counts, counts, counts)
def test_a_referendum_passes_iff_yes_is_more_than_half_of_valid_votes(yes, no, rejected):
    result = stages.referendum_result(yes, no, rejected=rejected)
    assert result.passed == (yes > (yes + no) / 2)
    assert result.passed == (yes > no)


@relaxed
@given(counts, counts, counts)
def test_counting_rejected_ballots_never_turns_a_fail_into_a_pass(yes, no, rejected):
    strict = stages.referendum_result(yes, no, rejected=rejected, rejected_count_as_voting=True)
    if strict.passed:
        assert stages.referendum_result(yes, no, rejected=rejected).passed


@relaxed
@given(st.booleans(), st.one_of(st.none(), st.booleans()))
def test_approved_only_when_every_referendum_held_approves(residential, business):
    outcome = stages.combined_outcome(residential, business)
    every = residential and (business is None or business)
    assert (outcome is stages.Outcome.APPROVED) == every


@relaxed
@given(days)
def test_a_forum_designation_lasts_five_years_less_a_day_at_most(designated):
    ends = stages.forum_designation_last_day(designated)
    assert ends.rule_b <= ends.rule_c
    assert 1824 <= (ends.rule_c - designated).days <= 1826


@relaxed
@given(days, st.booleans())
def test_the_referendum_is_due_on_a_working_day_after_the_decision(published, combined):
    due = stages.referendum_due(published, combined=combined)
    assert due > published and due.weekday() < 5
