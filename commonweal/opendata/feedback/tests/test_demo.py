"""The demo loader makes a labelled sample catalogue and reports in Calderdale, once."""

import pytest

from commonweal.accounts.models import Role, RoleAssignment, User
from commonweal.opendata.feedback.demo import load_sample_feedback
from commonweal.opendata.feedback.models import Provider, Report, Responsibility, Service

pytestmark = pytest.mark.django_db


def test_the_demo_loads_samples_through_the_services(calderdale):
    officer = User.objects.create_user(email="officer@calderdale.demo", password="x" * 12)
    RoleAssignment.objects.create(user=officer, role=Role.OFFICER, authority=calderdale)
    lines = load_sample_feedback(calderdale, officer, "a demo password")
    assert lines and "sample" in lines[0]
    assert all("(sample)" in s.name for s in Service.objects.all())
    assert all("(sample)" in p.name for p in Provider.objects.select_related("organisation"))
    assert Responsibility.objects.count() == 7
    reports = Report.objects.all()
    assert all(r.is_sample and "(sample)" in r.title for r in reports)
    assert {r.status for r in reports} == {
        "responded",
        "reopened",
        "received",
        "acknowledged",
        "triage",
    }
    lit = Report.objects.get(title__startswith="Three street lights")
    assert lit.provider.sector == "private"  # the ward's contractor beats the borough
    assert load_sample_feedback(calderdale, officer, "a demo password") == []


def test_after_the_directory_demo_the_sample_group_raises_and_collects_support(calderdale):
    from commonweal.directory.demo import load_sample_groups
    from commonweal.opendata.feedback.models import Supporter

    officer = User.objects.create_user(email="officer@calderdale.demo", password="x" * 12)
    RoleAssignment.objects.create(user=officer, role=Role.OFFICER, authority=calderdale)
    load_sample_groups(calderdale, officer, "a demo password")
    load_sample_feedback(calderdale, officer, "a demo password")
    bins = Report.objects.get(title__startswith="Recycling missed")
    assert bins.group is not None and bins.group.is_sample
    assert bins.support_group == bins.group
    assert Supporter.objects.filter(report=bins).count() == 1
