"""The rulebook's neighbourhood planning worked cases (NP-T1 to NP-T15) on the pure clocks."""

import datetime as dt

import pytest

from commonweal.rights.calendar import FixedHolidays
from commonweal.rights.planning import stages

D = dt.date


def test_np_t1_area_in_one_authority():
    assert stages.representations_close_earliest(D(2024, 1, 8)) == D(2024, 2, 19)
    assert stages.decision_due(D(2024, 1, 8)) == D(2024, 4, 9)


def test_np_t2_area_across_two_authorities():
    assert stages.decision_due(D(2024, 1, 8), more_than_one_authority=True) == D(2024, 5, 28)


def test_date_t8_is_the_formula_of_the_decision_date():
    assert stages.decision_due(D(2024, 1, 8), single_authority_weeks=13) == D(2024, 4, 9)


def test_np_t4_twenty_qualifying_members_fail():
    failures = stages.forum_condition_failures(
        stages.ForumMembership(live=15, work=5, elected=0, other=10),
        written_constitution=True,
        express_purpose=True,
    )
    assert len(failures) == 1 and "20 individuals" in failures[0]


def test_np_t5_twenty_one_residents_meet_the_mandatory_conditions():
    assert (
        stages.forum_condition_failures(
            stages.ForumMembership(live=21, work=0, elected=0),
            written_constitution=True,
            express_purpose=True,
        )
        == []
    )


def test_np_t6_membership_closed_to_workers_fails():
    failures = stages.forum_condition_failures(
        stages.ForumMembership(live=30, work=0, elected=0, open_to_workers=False),
        written_constitution=True,
        express_purpose=True,
    )
    assert failures == ["Its membership is not open to people who work there."]


def test_no_constitution_and_no_purpose_both_fail():
    failures = stages.forum_condition_failures(
        stages.ForumMembership(live=30, work=0, elected=0),
        written_constitution=False,
        express_purpose=False,
    )
    assert len(failures) == 2


def test_np_t8_forum_designation_lapses_after_five_years():
    ends = stages.forum_designation_last_day(D(2019, 3, 15))
    assert ends.rule_c == ends.rule_b == D(2024, 3, 14)


def test_forum_designated_on_29_february_differs_between_month_rules():
    ends = stages.forum_designation_last_day(D(2024, 2, 29))
    assert (ends.rule_c, ends.rule_b) == (D(2029, 2, 28), D(2029, 2, 27))


def test_np_t9_forum_application_dates():
    assert stages.representations_close_earliest(D(2024, 1, 8)) == D(2024, 2, 19)
    assert stages.decision_due(D(2024, 1, 8)) == D(2024, 4, 9)


def test_np_t10_pre_submission_consultation():
    assert stages.representations_close_earliest(D(2024, 6, 3)) == D(2024, 7, 15)


def test_np_t11_decision_on_the_examiners_report_under_both_readings():
    assert stages.examiner_decision_due(D(2024, 6, 3)) == D(2024, 7, 8)
    assert stages.examiner_decision_due(D(2024, 6, 3), reading="beginning-with") == D(2024, 7, 7)
    assert set(stages.examiner_decision_dates(D(2024, 6, 3)).values()) == {
        D(2024, 7, 8),
        D(2024, 7, 7),
    }


def test_np_t12_referendum_by_56_or_84_working_days():
    # The real England and Wales calendar: 26 August 2024 is a bank holiday.
    assert stages.referendum_due(D(2024, 6, 14)) == D(2024, 9, 3)
    assert stages.referendum_due(D(2024, 6, 14), combined=True) == D(2024, 10, 11)


def test_np_t12_without_the_bank_holiday_is_a_day_earlier():
    assert stages.referendum_due(D(2024, 6, 14), holidays=FixedHolidays()) == D(2024, 9, 2)


def test_np_t13_information_statement():
    assert stages.information_statement_due(D(2024, 5, 2)) == D(2024, 4, 4)
    assert stages.information_statement_due(D(2024, 5, 2), business_referendum=True) == D(
        2024, 3, 7
    )


@pytest.mark.parametrize(
    ("yes", "no", "rejected", "passed"),
    [(501, 500, 3, True), (500, 500, 0, False), (0, 0, 0, False), (400, 399, 50, True)],
)
def test_np_t14_more_than_half_of_those_voting(yes, no, rejected, passed):
    assert stages.referendum_result(yes, no, rejected=rejected).passed is passed


def test_np_t14_rejected_ballots_counted_as_voting_changes_the_last_case():
    result = stages.referendum_result(400, 399, rejected=50, rejected_count_as_voting=True)
    assert not result.passed and result.counted_as_voting == 849


def test_a_tie_says_exactly_half():
    assert "exactly half" in stages.referendum_result(500, 500).reason


def test_negative_counts_are_refused():
    with pytest.raises(ValueError):
        stages.referendum_result(-1, 3)


def test_np_t15_plan_made_within_eight_weeks():
    assert stages.make_due(D(2024, 5, 2)) == D(2024, 6, 27)


@pytest.mark.parametrize(
    ("residential", "business", "outcome"),
    [
        (True, None, stages.Outcome.APPROVED),
        (False, None, stages.Outcome.NOT_APPROVED),
        (True, True, stages.Outcome.APPROVED),
        (True, False, stages.Outcome.SPLIT),
        (False, True, stages.Outcome.SPLIT),
        (False, False, stages.Outcome.NOT_APPROVED),
    ],
)
def test_np_16_both_referendums_must_pass(residential, business, outcome):
    assert stages.combined_outcome(residential, business) is outcome


def test_the_module_examples():
    import doctest

    assert doctest.testmod(stages).failed == 0
