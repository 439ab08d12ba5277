"""The demo's sample groups: clearly labelled, made through the services, made once."""

import pytest

from commonweal.core.models import AuditEvent
from commonweal.directory import services
from commonweal.directory.demo import SAMPLE, load_sample_groups
from commonweal.directory.models import Organisation

pytestmark = pytest.mark.django_db


def test_the_sample_set_is_labelled_real_in_its_geography_and_made_once(
    calderdale, calderdale_officer
):
    lines = load_sample_groups(calderdale, calderdale_officer, "a demo password for tests")
    assert "Made 8 sample groups for Calderdale" in lines[0]
    made = Organisation.records.filter(authority=calderdale)
    assert made.count() == 8
    assert all(o.is_sample and SAMPLE in o.name for o in made)
    assert Organisation.public.filter(authority=calderdale).count() == 7
    assert made.filter(status="unverified").count() == 1
    # Neighbourhood groups serve real wards' small areas; they meet at real postcodes.
    residents = made.get(kind="residents_association")
    assert residents.served_lsoas.count() > 0 and residents.postcode
    assert services.published_leader(residents) is not None
    assert {o.classification for o in made} == {"community_led", "provider"}
    # Made through the services, so audited.
    assert AuditEvent.objects.filter(action="directory.organisation_registered").count() == 8

    events = AuditEvent.objects.count()
    assert load_sample_groups(calderdale, calderdale_officer, "a demo password for tests") == []
    assert Organisation.records.filter(authority=calderdale).count() == 8
    assert AuditEvent.objects.count() == events
