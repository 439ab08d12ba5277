"""The feedback demo: sample services, providers, who answers where, and a few reports.

Everything is made through the same services an officer, a resident and a provider use,
and every name says "(sample)". The places are real: Calderdale's wards and postcodes.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from commonweal.places.models import Area, AreaType, Postcode

SAMPLE = "(sample)"

SERVICES = [
    ("Street lighting", "Street lights that are out, flickering or damaged."),
    ("Bins and recycling", "Missed collections, damaged bins and fly-tipping."),
    ("Housing repairs", "Repairs to homes rented from a housing association."),
    ("Neighbourhood policing", "Anti-social behaviour and the local policing team."),
    ("GP appointments", "Getting an appointment at a local GP surgery."),
    ("Parks and green spaces", "Paths, benches, play areas and grass cutting."),
]

PROVIDERS = [
    # key, name, directory kind, sector, acknowledge, respond
    ("council", "Council street services", "public_provider", "council", 2, 10),
    ("lighting", "Brightway Lighting Ltd", "business", "private", 3, 15),
    (
        "housing",
        "Valley Homes housing association",
        "public_provider",
        "housing_association",
        2,
        10,
    ),
    ("police", "Police neighbourhood team", "public_provider", "police", 1, 5),
    ("nhs", "NHS primary care team", "public_provider", "nhs", 3, 20),
    ("friends", "Friends of the Park", "community_group", "voluntary", 5, 20),
]


def _wards(authority) -> list[Area]:
    return list(Area.objects.of_type(AreaType.WARD).in_authority(authority).order_by("gss_code"))


def _postcode_in(ward: Area) -> str:
    found = (
        Postcode.objects.filter(ward_code=ward.gss_code, longitude__isnull=False)
        .order_by("postcode")
        .first()
    )
    return found.postcode if found else ""


def _resident(authority, password: str):
    """The sample residents' association's leader if the directory's demo made one."""
    from commonweal.accounts.models import User
    from commonweal.accounts.services import Operator, create_account
    from commonweal.directory.models import Membership, Organisation

    group = (
        Organisation.records.filter(
            authority=authority, is_sample=True, kind="residents_association"
        )
        .order_by("pk")
        .first()
    )
    if group is not None:
        leader = Membership.objects.current().filter(organisation=group, role="leader").first()
        if leader is not None:
            return leader.user, group
    email = f"resident@{slugify(authority.name)}.demo"
    user = User.objects.filter(email__iexact=email).first() or create_account(
        actor=Operator("demo load"),
        email=email,
        password=password,
        display_name=f"Demo resident, {authority.name}",
    )
    return user, None


def _at(days_ago: int, hour: int = 10) -> dt.datetime:
    day = timezone.localdate() - dt.timedelta(days=days_ago)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def load_sample_feedback(authority, officer, password: str) -> list[str]:
    from commonweal.directory import services as directory
    from commonweal.opendata.feedback import services
    from commonweal.opendata.feedback.models import Service

    if Service.objects.filter(name=f"{SERVICES[0][0]} {SAMPLE}").exists():
        return []
    wards = _wards(authority)
    if len(wards) < 3:
        return []
    with transaction.atomic():
        made = {
            name: services.add_service(
                actor=officer, name=f"{name} {SAMPLE}", description=text, is_sample=True
            )
            for name, text in SERVICES
        }
        providers = {}
        for key, name, kind, sector, ack, respond in PROVIDERS:
            organisation = directory.register_organisation(
                actor=None,
                authority=authority,
                name=f"{name}, {authority.name} {SAMPLE}",
                kind=kind,
                is_sample=True,
            )
            directory.verify_organisation(actor=officer, organisation=organisation)
            providers[key] = services.register_provider(
                actor=officer,
                organisation=organisation,
                sector=sector,
                acknowledge_days=ack,
                respond_days=respond,
            )
        assign = services.assign_responsibility
        assign(
            actor=officer,
            service=made["Street lighting"],
            area=authority,
            provider=providers["council"],
        )
        # The contractor runs the lights in one ward: the ward beats the borough.
        assign(
            actor=officer,
            service=made["Street lighting"],
            area=wards[0],
            provider=providers["lighting"],
        )
        assign(
            actor=officer,
            service=made["Bins and recycling"],
            area=authority,
            provider=providers["council"],
        )
        assign(
            actor=officer,
            service=made["Neighbourhood policing"],
            area=authority,
            provider=providers["police"],
        )
        assign(
            actor=officer,
            service=made["GP appointments"],
            area=authority,
            provider=providers["nhs"],
        )
        assign(
            actor=officer,
            service=made["Parks and green spaces"],
            area=wards[1],
            provider=providers["friends"],
        )
        assign(
            actor=officer,
            service=made["Housing repairs"],
            area=wards[2],
            provider=providers["housing"],
        )

        resident, group = _resident(authority, password)
        reports = _reports(authority, officer, resident, group, made, wards)
    return [
        f"Made {len(made)} sample services, {len(providers)} sample providers and "
        f"{len(reports)} sample feedback reports in {authority.name}."
    ]


def _reports(authority, officer, resident, group, made, wards) -> list:
    from commonweal.opendata.feedback import services

    def raise_(service, ward, title, text, days_ago, **extra):
        return services.raise_report(
            actor=resident,
            service=made[service],
            title=f"{title} {SAMPLE}",
            description=text,
            postcode=_postcode_in(ward),
            at=_at(days_ago),
            is_sample=True,
            **extra,
        )

    found = []
    lights = raise_(
        "Street lighting",
        wards[0],
        "Three street lights out on the main road",
        "Three lights in a row have been out for a fortnight; the pavement is dark "
        "by five o'clock.",
        30,
        group=group,
    )
    services.acknowledge(actor=officer, report=lights, at=_at(29))
    services.respond(
        actor=officer,
        report=lights,
        at=_at(20),
        note="The lamps are replaced. Thank you for telling us.",
    )
    found.append(lights)

    bins = raise_(
        "Bins and recycling",
        wards[1],
        "Recycling missed three weeks running",
        "The blue bins on our street have not been emptied for three collections.",
        40,
        kind="complaint",
        group=group,
    )
    services.acknowledge(actor=officer, report=bins, at=_at(35))
    services.respond(
        actor=officer, report=bins, at=_at(14), note="The crew will collect on the next round."
    )
    services.reopen(
        actor=resident, report=bins, at=_at(10), note="They were missed again on the next round."
    )
    found.append(bins)

    gp = raise_(
        "GP appointments",
        wards[1],
        "No appointments bookable by phone",
        "The phone line is engaged from eight until every appointment is gone.",
        12,
        kind="question",
    )
    found.append(gp)

    police = raise_(
        "Neighbourhood policing",
        wards[2],
        "Motorbikes on the playing fields",
        "Off-road bikes ride across the playing fields most evenings.",
        8,
    )
    services.acknowledge(actor=officer, report=police, at=_at(8, 15))
    found.append(police)

    repairs = raise_(
        "Housing repairs",
        wards[3],
        "Damp in flats on the estate",
        "Several flats have damp and mould that has not been repaired.",
        5,
    )
    found.append(repairs)  # nobody is responsible in this ward: it waits in triage
    if group is not None:
        services.collect_support(actor=resident, report=bins, group=group)
        services.add_support(actor=resident, report=bins, consent=True)
    return found
