"""The demo: a sample neighbourhood area and forum, from real wards, with a plan at its
pre-submission consultation.

For Calderdale the area is the Park and Town wards (central Halifax, which has no parish
council); elsewhere the first two wards by code. The forum is a sample organisation, labelled
as such; the dates are set in the recent past so that every clock has a real value.
"""

import datetime as dt

from django.db import transaction
from django.utils.text import slugify

from commonweal.places.models import Area, AreaType
from commonweal.rights.planning import services
from commonweal.rights.planning.models import NeighbourhoodArea
from commonweal.rights.planning.services._common import today

SAMPLE = "(sample)"
PREFERRED_WARDS = ("Park", "Town")


def _wards(authority) -> list[Area]:
    wards = Area.objects.of_type(AreaType.WARD).in_authority(authority).order_by("gss_code")
    preferred = [w for w in wards if w.name in PREFERRED_WARDS]
    return preferred if len(preferred) == len(PREFERRED_WARDS) else list(wards[:2])


def _leader(authority, password: str):
    from commonweal.accounts.models import User
    from commonweal.accounts.services import Operator, create_account

    email = f"forum@{slugify(authority.name)}.demo"
    user = User.objects.filter(email__iexact=email).first()
    return user or create_account(
        actor=Operator("demo load"),
        email=email,
        password=password,
        display_name=f"Demo forum secretary, {authority.name}",
    )


def _forum_organisation(authority, leader, wards, name):
    from commonweal.directory import services as directory
    from commonweal.directory.models import Organisation

    found = Organisation.records.filter(authority=authority, name=name).first()
    if found is not None:
        return found
    organisation = directory.register_organisation(
        actor=leader,
        authority=authority,
        name=name,
        kind="neighbourhood_forum",
        is_sample=True,
        description="A sample neighbourhood forum made by the demo: not a real group.",
        members_count=34,
        active_volunteers=9,
        paid_staff_fte="0",
        contract_income_share="0",
    )
    directory.set_benefit(
        actor=leader, organisation=organisation, area_codes=[w.gss_code for w in wards]
    )
    return directory.verify_organisation(actor=None, organisation=organisation)


@transaction.atomic
def load_sample_planning(authority, officer, password: str) -> list[str]:
    wards = _wards(authority)
    if len(wards) < 2:
        return []
    name = f"{' and '.join(w.name for w in wards)} {SAMPLE}"
    if NeighbourhoodArea.objects.filter(authority=authority, name=name).exists():
        return []
    leader = _leader(authority, password)
    organisation = _forum_organisation(
        authority,
        leader,
        wards,
        f"{' and '.join(w.name for w in wards)} Neighbourhood Forum {SAMPLE}",
    )
    now = today()

    def ago(weeks: int) -> dt.date:
        return now - dt.timedelta(weeks=weeks)

    area = services.apply_for_area(
        actor=leader,
        applicant=organisation,
        name=name,
        statement=f"The {' and '.join(w.name for w in wards)} wards are where the forum's "
        "members live and work: one town centre with its shops, homes and parks.",
        relevant_body_statement="The forum is capable of being designated: it is open to "
        "everyone who lives or works in the area and has a written constitution.",
        place_codes=[w.gss_code for w in wards],
        received_on=ago(40),
        is_sample=True,
    )
    services.publicise_area(actor=officer, area=area, first_publicised_on=ago(39))
    services.designate_area(actor=officer, area=area, decided_on=ago(30))
    forum = services.apply_for_forum(
        actor=leader,
        organisation=organisation,
        area=area,
        members_live=28,
        members_work=5,
        members_elected=1,
        members_other=2,
        membership_evidence="A membership register the council may inspect (sample).",
        written_constitution=True,
        constitution_reference="Sent by email with the application (sample).",
        purpose="To promote and improve the social, economic and environmental well-being of "
        "the area, and to prepare a neighbourhood plan for it.",
        express_purpose=True,
        contact=f"forum@{slugify(authority.name)}.demo",
        received_on=ago(29),
        is_sample=True,
    )
    services.publicise_forum(actor=officer, forum=forum, first_publicised_on=ago(28))
    services.designate_forum(
        actor=officer,
        forum=forum,
        decided_on=ago(20),
        regard_findings="Members from all three groups and from across the area (sample).",
    )
    plan = services.start_plan(
        actor=leader, area=area, title=f"{area.name} Neighbourhood Plan", is_sample=True
    )
    services.start_consultation(
        actor=leader,
        plan=plan,
        first_publicised_on=ago(2),
        where="The central library and the forum's website (sample).",
        consultees=["Historic England", "Natural England", "Environment Agency", "Yorkshire Water"],
    )
    return [
        f"Made a sample neighbourhood area ({area.name}), its designated forum and a plan at "
        f"pre-submission consultation for {authority.name}."
    ]
