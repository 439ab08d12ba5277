"""Shared by the tests of the directory's feeds, exports and importers: a small directory
of test groups on real Calderdale places, and schema checks."""

import pytest

from commonweal.directory import services
from commonweal.directory.models import InterestTag, Organisation
from commonweal.directory.openreferral.schemas import SchemaUnavailable, problems, schema_dir
from commonweal.directory.tests.conftest import a_ward, make_group

LEADER_EMAIL = "lena.leader@example.org"
LEADER_PHONE = "01422 000000"


def require_schemas() -> None:
    try:
        schema_dir()
    except SchemaUnavailable as exc:
        pytest.skip(str(exc))


def assert_valid(record, name: str) -> None:
    found = problems(record, name)
    assert found == [], "\n".join(str(problem) for problem in found)


def consent(group, leader) -> None:
    services.give_consent(
        actor=leader,
        organisation=group,
        public_name="Lena Leader",
        public_email=LEADER_EMAIL,
        public_phone=LEADER_PHONE,
        agreed=True,
    )


def populate(calderdale, group, other_group, leader) -> dict:
    """Listed groups with activities, identifiers and tags; one unverified and one withdrawn
    group that no feed may show."""
    older = InterestTag.objects.get(slug="older-people")  # from the maintained taxonomy
    services.update_organisation(
        actor=None,
        organisation=group,
        charity_number="1123456",
        description="Residents of Park Road looking after their streets.",
        website="https://parkroad.example.org",
        email="hello@parkroad.example.org",
        phone="01422 111111",
        postcode="HX1 1AA",
    )
    services.set_interest_tags(actor=None, organisation=group, slugs=[older.slug])
    services.create_activity(
        actor=None, organisation=group, name="Coffee morning", schedule="Tuesdays 10am"
    )
    services.create_activity(
        actor=None,
        organisation=group,
        name="Litter pick",
        description="Bags and gloves provided.",
        postcode="HX1 2AB",
        email="litter@parkroad.example.org",
        url="https://parkroad.example.org/litter",
    )
    services.create_activity(actor=None, organisation=other_group, name="Seed swap")
    faith = services.register_organisation(
        actor=None,
        authority=calderdale,
        name="Calder Valley Faith Forum",
        kind="faith_group",
        company_number="1234567",
        legal_form="company_guarantee",
    )
    services.set_benefit(actor=None, organisation=faith, borough_wide=True)
    services.verify_organisation(actor=None, organisation=faith)
    services.create_activity(actor=None, organisation=faith, name="Interfaith supper")
    hidden = services.register_organisation(
        actor=None, authority=calderdale, name="Not Yet Checked Club", kind="community_group"
    )
    services.create_activity(actor=None, organisation=hidden, name="Secret meeting")
    withdrawn = make_group(None, calderdale, name="Gone Away Group", ward_index=2)
    services.create_activity(actor=None, organisation=withdrawn, name="Withdrawn walk")
    services.withdraw_organisation(actor=None, organisation=withdrawn, reason="Closed down")
    consent(group, leader)
    return {
        "group": Organisation.records.get(pk=group.pk),
        "other_group": other_group,
        "faith": Organisation.records.get(pk=faith.pk),
        "unverified": hidden,
        "withdrawn": withdrawn,
        "ward": a_ward(calderdale, 0),
    }
