"""What feedback holds about a person: in their download, and gone after erasure."""

import pytest

from commonweal.core import personal_data as core_personal_data
from commonweal.opendata.feedback import services
from commonweal.opendata.feedback.models import Report, StatusChange, Supporter
from commonweal.opendata.feedback.personal_data import erase_person, personal_data

pytestmark = pytest.mark.django_db


def test_the_download_holds_reports_steps_and_support(report, personas, leader, staff):
    services.collect_support(actor=leader, report=report, group=report.group)
    services.add_support(actor=personas["resident"], report=report, consent=True)
    services.respond(actor=staff, report=report, note="Fixed")
    services.reopen(actor=report.reporter, report=report, note="Not fixed")
    mine = personal_data(report.reporter)
    assert mine["reports_raised"][0]["postcode"] == report.postcode
    assert [s["status"] for s in mine["steps_taken"]] == ["received", "reopened"]
    assert personal_data(personas["resident"])["support_given"][0]["name"] == "Rita Resident"
    assert "feedback" in str(core_personal_data.export(report.reporter))


def test_erasure_forgets_the_reporter_and_the_supporter(report, personas, leader, staff):
    services.collect_support(actor=leader, report=report, group=report.group)
    services.add_support(actor=personas["resident"], report=report, consent=True)
    services.respond(actor=staff, report=report, note="Fixed")
    reporter = report.reporter
    erase_person(reporter)
    erase_person(personas["resident"])
    kept = Report.objects.get(pk=report.pk)
    assert kept.reporter is None and kept.postcode == "" and kept.latitude is None
    assert kept.lsoa == report.lsoa and kept.title == report.title
    assert not StatusChange.objects.filter(changed_by=reporter).exists()
    assert StatusChange.objects.filter(changed_by=staff).exists()  # the provider's answer
    (support,) = Supporter.objects.all()
    assert support.user is None and support.name == "" and support.withdrawn_at is not None
    assert personal_data(reporter) == {
        "reports_raised": [],
        "steps_taken": [],
        "support_given": [],
        "escalations_taken": [],
    }


def test_the_feature_registers_its_exporter_and_eraser():
    from commonweal.core import registry

    feature = next(f for f in registry.features() if f.key == "feedback")
    assert personal_data in feature.personal_data and erase_person in feature.erasers
