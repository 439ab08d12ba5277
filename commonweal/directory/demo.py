"""The directory's demo: a clearly labelled sample set of groups for the demo borough.

Real groups are not published as open data, so the demo makes sample ones, through the
same services a resident and an officer use. Every one is marked as a sample (its name
says so and its page carries a banner); everything geographic about them is real: the
wards they serve, the postcodes where they meet, the people who live there.
"""

from django.db import transaction
from django.utils.text import slugify

from commonweal.core.registry import DemoNote
from commonweal.places.models import Area, AreaType

SAMPLE = "(sample)"


def _ward(authority, index: int) -> Area:
    wards = list(Area.objects.of_type(AreaType.WARD).in_authority(authority).order_by("gss_code"))
    return wards[index % len(wards)]


def _postcode_in(ward: Area) -> str:
    from commonweal.places.models import Postcode

    found = (
        Postcode.objects.filter(ward_code=ward.gss_code, longitude__isnull=False)
        .order_by("postcode")
        .first()
    )
    return found.postcode if found else ""


def _demo_leader(authority, password: str):
    from commonweal.accounts.models import User
    from commonweal.accounts.services import Operator, create_account

    email = f"leader@{slugify(authority.name)}.demo"
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = create_account(
            actor=Operator("demo load"),
            email=email,
            password=password,
            display_name=f"Demo group leader, {authority.name}",
        )
    return user


def _groups(authority) -> list[dict]:
    """The sample set: neighbourhood and interest groups, community-led and providers."""
    w = [_ward(authority, i) for i in range(5)]
    return [
        {
            "key": "residents",
            "name": f"{w[0].name} Residents' Association {SAMPLE}",
            "kind": "residents_association",
            "areas": [w[0].gss_code],
            "postcode": _postcode_in(w[0]),
            "description": "Residents working together on the streets, parks and services "
            f"of {w[0].name} ward. Meets monthly; everyone living in the ward is welcome.",
            "figures": {
                "members_count": 85,
                "active_volunteers": 14,
                "paid_staff_fte": "0",
                "contract_income_share": "0",
            },
            "leader_publishes": True,
        },
        {
            "key": "tenants",
            "name": f"{w[1].name} Tenants' Association {SAMPLE}",
            "kind": "tenants_association",
            "areas": [w[1].gss_code],
            "postcode": _postcode_in(w[1]),
            "description": "Council and housing association tenants speaking up together.",
            "figures": {
                "members_count": 40,
                "active_volunteers": 6,
                "paid_staff_fte": "0",
                "contract_income_share": "0",
            },
        },
        {
            "key": "deaf-club",
            "name": f"{authority.name} Deaf Community Club {SAMPLE}",
            "kind": "community_group",
            "borough_wide": True,
            "tags": ["disability", "community-languages"],
            "postcode": _postcode_in(w[2]),
            "description": "A social club for Deaf people and British Sign Language users "
            "across the borough.",
            "figures": {
                "members_count": 60,
                "active_volunteers": 9,
                "paid_staff_fte": "0",
                "contract_income_share": "0",
            },
        },
        {
            "key": "interfaith",
            "name": f"{authority.name} Interfaith Forum {SAMPLE}",
            "kind": "faith_group",
            "borough_wide": True,
            "tags": ["faith-and-belief"],
            "description": "Churches, mosques, gurdwaras and temples meeting to work together.",
            "figures": {
                "members_count": 25,
                "active_volunteers": 12,
                "paid_staff_fte": "0",
                "contract_income_share": "0",
            },
        },
        {
            "key": "food-hub",
            "name": f"{w[3].name} Community Food Hub {SAMPLE}",
            "kind": "community_group",
            "areas": [w[3].gss_code, w[4].gss_code],
            "tags": ["food-and-growing"],
            "postcode": _postcode_in(w[3]),
            "description": "A pantry, a community kitchen and a growing space, run by volunteers "
            "with two part-time workers.",
            "figures": {
                "members_count": 120,
                "active_volunteers": 30,
                "paid_staff_fte": "1.2",
                "annual_income": "48000",
                "contract_income_share": "0.1",
            },
        },
        {
            "key": "infrastructure",
            "name": f"{authority.name} Voluntary Action {SAMPLE}",
            "kind": "infrastructure",
            "borough_wide": True,
            "description": "Support for the borough's voluntary and community groups: "
            "funding advice, training and volunteering.",
            "figures": {
                "members_count": 300,
                "active_volunteers": 5,
                "paid_staff_fte": "11.5",
                "annual_income": "610000",
                "contract_income_share": "0.45",
            },
        },
        {
            "key": "provider",
            "name": f"Calder Care Services {SAMPLE}",
            "kind": "social_enterprise",
            "borough_wide": True,
            "tags": ["older-people"],
            "description": "Home care and day services commissioned by the council.",
            "figures": {
                "active_volunteers": 3,
                "paid_staff_fte": "64",
                "annual_income": "2300000",
                "contract_income_share": "0.85",
            },
        },
        {
            "key": "allotments",
            "name": f"{w[4].name} Allotment Society {SAMPLE}",
            "kind": "community_group",
            "areas": [w[4].gss_code],
            "tags": ["food-and-growing", "environment-and-green-spaces"],
            "postcode": _postcode_in(w[4]),
            "description": "Plot holders looking after the allotments together.",
            "figures": {
                "members_count": 35,
                "active_volunteers": 8,
                "paid_staff_fte": "0",
                "contract_income_share": "0",
            },
            "unverified": True,  # left for the demo officer's verification queue
        },
    ]


def load_sample_groups(authority, officer, password: str) -> list[str]:
    """Make the sample set once for this borough; a second run changes nothing."""
    from commonweal.directory import services
    from commonweal.directory.models import Organisation

    if Organisation.records.filter(authority=authority, is_sample=True).exists():
        return []
    if not Area.objects.of_type(AreaType.WARD).in_authority(authority).exists():
        return [DemoNote(f"No sample groups: we hold no wards for {authority.name}.")]
    with transaction.atomic():
        leader = _demo_leader(authority, password)
        made = {}
        for spec in _groups(authority):
            organisation = services.register_organisation(
                actor=leader,
                authority=authority,
                name=spec["name"],
                kind=spec["kind"],
                description=spec["description"],
                postcode=spec.get("postcode", ""),
                is_sample=True,
                **spec["figures"],
            )
            services.set_benefit(
                actor=leader,
                organisation=organisation,
                area_codes=spec.get("areas", []),
                borough_wide=spec.get("borough_wide", False),
            )
            if spec.get("tags"):
                services.set_interest_tags(
                    actor=leader, organisation=organisation, slugs=spec["tags"]
                )
            if not spec.get("unverified"):
                organisation = services.verify_organisation(
                    actor=officer, organisation=organisation, note="Demo sample group"
                )
                services.accept_code(actor=leader, organisation=organisation)
            if spec.get("leader_publishes"):
                services.give_consent(
                    actor=leader,
                    organisation=organisation,
                    public_name=leader.display_name,
                    public_email=leader.email,
                    agreed=True,
                )
            made[spec["key"]] = organisation
        services.link(
            actor=leader, source=made["residents"], target=made["tenants"], kind="partnership"
        )
        for key in ("residents", "deaf-club", "food-hub"):
            services.link(
                actor=leader, source=made["infrastructure"], target=made[key], kind="umbrella"
            )
        services.create_consortium(
            actor=leader,
            lead=made["food-hub"],
            name=f"{authority.name} Food Partnership {SAMPLE}",
            purpose="Groups working together to bid for the council's food support contract.",
            members=[made["residents"], made["tenants"]],
        )
    return [
        f"Made {len(made)} sample groups for {authority.name} (labelled {SAMPLE}); "
        f"one waits in the verification queue.",
        f"The demo group leader is {leader.email}, with the same password.",
    ]
