"""`commonweal rights timeline`: the calculator on the command line, printing JSON."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from commonweal.cli import _resolve


def run(*args) -> dict:
    out = io.StringIO()
    call_command("rights_timeline", *args, stdout=out)
    return json.loads(out.getvalue())


def test_the_two_word_task_is_the_command():
    assert _resolve(["rights", "timeline", "--notice-received", "2024-03-04"])[0] == (
        "rights_timeline"
    )


def test_acv_t23_valid_request_gives_a_full_moratorium():
    body = run("--notice-received", "2024-03-04", "--request", "2024-04-10,parish-council")
    assert body["interim_moratorium"]["ends"] == "2024-04-14"
    assert body["full_moratorium"]["applies"] is True
    assert body["full_moratorium"]["ends"]["binding"] == "2024-09-03"
    assert body["protected_period"]["ends"]["binding"] == "2025-09-03"
    assert body["disposal_window"]["binding"] == {"opens": "2024-09-04", "closes": "2025-09-03"}
    assert body["requests"][0]["counts"] is True
    assert body["month_rule"] == "C" and body["month_rules_differ"] is False


def test_acv_t26_request_not_received_by_the_council():
    body = run(
        "--notice-received",
        "2024-03-04",
        "--request",
        "2024-03-20,charity,not-received",
    )
    assert body["full_moratorium"] == {
        **body["full_moratorium"],
        "applies": False,
        "ends": None,
        "reason_code": "not_received_by_council",
    }
    assert body["disposal_window"]["binding"]["opens"] == "2024-04-15"


def test_acv_t27_month_rule_b_binds_when_asked_and_both_are_shown():
    args = ["--notice-received", "2023-08-31", "--request", "2023-09-15,charity,received"]
    under_b = run(*args, "--month-rule", "B")
    assert under_b["month_rule"] == "B" and under_b["month_rules_differ"] is True
    assert under_b["full_moratorium"]["ends"] == {
        "binding": "2024-02-28",
        "rule_c": "2024-02-29",
        "rule_b": "2024-02-28",
        "differ": True,
    }
    assert under_b["disposal_window"]["binding"] == under_b["disposal_window"]["rule_b"]
    assert run(*args)["disposal_window"]["binding"]["opens"] == "2024-03-01"


def test_the_setting_chooses_the_default_month_rule(settings):
    settings.RIGHTS_MONTH_RULE = "B"
    body = run("--notice-received", "2023-08-31")
    assert body["month_rule"] == "B"
    assert body["protected_period"]["ends"]["binding"] == "2025-02-27"
    u14 = next(item for item in body["unconfirmed"] if item["code"] == "U14")
    assert u14 == {**u14, "setting": "RIGHTS_MONTH_RULE", "value": "B"}
    assert u14["awaiting_legal_confirmation"] is True


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--notice-received", "2024-02-30"], "--notice-received: 2024-02-30 is not a real date"),
        (["--notice-received", "4 March 2024"], "--notice-received: “4 March 2024” is not a date"),
        (["--notice-received", "2024-03-04", "--request", "2024-03-01,charity"], "--request: "),
        (["--notice-received", "2024-03-04", "--request", "2024-03-05,pub"], "not a kind of body"),
        (["--notice-received", "2024-03-04", "--request", "2024-03-05"], "DATE,KIND"),
        (["--notice-received", "2024-03-04", "--request", "2024-03-05,charity,maybe"], "received"),
        (["--notice-received", "2001-01-01"], "No rules were in force"),
    ],
)
def test_bad_input_is_refused_naming_the_flag(args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_the_community_interest_groups_setting_is_used(settings):
    settings.RIGHTS_COMMUNITY_INTEREST_GROUPS = ["parish-council", "unincorporated-body"]
    body = run("--notice-received", "2024-03-04", "--request", "2024-03-20,unincorporated-body")
    assert body["full_moratorium"]["applies"] is True
    u3 = next(item for item in body["unconfirmed"] if item["code"] == "U3")
    assert u3["setting"] == "RIGHTS_COMMUNITY_INTEREST_GROUPS"
    assert u3["value"] == "parish-council,unincorporated-body"
    assert run("--notice-received", "2024-03-04", "--request", "2024-03-20,charity")[
        "full_moratorium"
    ]["reason_code"] == ("not_a_community_interest_group")


def test_an_unknown_kind_in_the_setting_fails_loudly(settings):
    from django.core.exceptions import ImproperlyConfigured

    from commonweal.rights.timeline import configured_rule_book

    settings.RIGHTS_COMMUNITY_INTEREST_GROUPS = ["parish-council", "pub"]
    with pytest.raises(ImproperlyConfigured, match="RIGHTS_COMMUNITY_INTEREST_GROUPS"):
        configured_rule_book()
