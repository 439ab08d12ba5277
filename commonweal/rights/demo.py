"""The right to bid's demo: a sample listed pub (and one unsuccessful nomination) in the
demo borough, made through the same services a group and an officer use.

No council publishes its register as open data we hold, so the entries are samples, and
say so; the places are real: a real ward, the point of a real postcode in it.
"""

import datetime as dt
import json

from django.db import transaction
from django.utils.text import slugify

from commonweal.places.models import Area, AreaType, Postcode

SAMPLE = "(sample)"


def _square(lon: float, lat: float, half: float = 0.00025) -> str:
    ring = [
        [lon - half, lat - half],
        [lon + half, lat - half],
        [lon + half, lat + half],
        [lon - half, lat + half],
        [lon - half, lat - half],
    ]
    return json.dumps({"type": "Polygon", "coordinates": [ring]})


def _place(authority):
    """The first ward (by code) with two postcodes whose small squares lie well inside the
    borough: (ward, [postcode, postcode])."""
    import shapely

    outline = authority.shape
    for ward in Area.objects.of_type(AreaType.WARD).in_authority(authority).order_by("gss_code"):
        found = []
        for postcode in Postcode.objects.filter(
            ward_code=ward.gss_code, longitude__isnull=False
        ).order_by("postcode")[:200]:
            point = shapely.Point(postcode.longitude, postcode.latitude)
            if outline is None or outline.contains(point.buffer(0.002)):
                found.append(postcode)
            if len(found) == 2:
                return ward, found
    return None, []


def _leader(authority, password: str):
    from commonweal.accounts.models import User
    from commonweal.accounts.services import Operator, create_account

    email = f"pub-friends@{slugify(authority.name)}.demo"
    user = User.objects.filter(email__iexact=email).first()
    return user or create_account(
        actor=Operator("demo load"),
        email=email,
        password=password,
        display_name=f"Demo nominating group leader, {authority.name}",
    )


def load_sample_listing(authority, officer, password: str) -> list[str]:
    """Make the sample entries once for this borough; a second run changes nothing."""
    from commonweal.directory import services as directory
    from commonweal.rights import services
    from commonweal.rights.models import Nomination

    if Nomination.objects.filter(authority=authority, is_sample=True).exists():
        return []
    ward, postcodes = _place(authority)
    if ward is None:
        return [f"No sample asset of community value: we hold no postcodes for {authority.name}."]
    postcode, other = postcodes
    today = dt.date.today()
    with transaction.atomic():
        leader = _leader(authority, password)
        group = directory.register_organisation(
            actor=leader,
            authority=authority,
            name=f"Friends of the {ward.name} Arms {SAMPLE}",
            kind="residents_association",
            legal_form="unincorporated",
            description="Regulars and neighbours who want to keep their local pub open.",
            postcode=postcode.postcode,
            members_count=34,
            is_sample=True,
        )
        directory.set_benefit(actor=leader, organisation=group, area_codes=[ward.gss_code])
        directory.verify_organisation(actor=None, organisation=group)
        common = {
            "actor": None,
            "authority": authority,
            "nominator": group,
            "local_members": 27,
            "is_sample": True,
            "occupiers": "The landlord and tenant (names not known)",
            "owners": "Not known: the Land Registry title is being obtained",
            "eligibility_evidence": "Constitution adopted at a public meeting; 34 members, 27 of "
            "them on the electoral register in the borough.",
        }
        pub = services.submit_nomination(
            boundary_geojson=_square(postcode.longitude, postcode.latitude),
            name=f"The {ward.name} Arms {SAMPLE}",
            address=f"Near {postcode.postcode}",
            postcode=postcode.postcode,
            description="A two-storey public house with a car park, a function room and a "
            "landlord's flat above (the partial-residence exception applies).",
            reasons="The only pub in the ward: the function room hosts the darts league, the "
            "folk club and the residents' meetings.",
            received_on=today - dt.timedelta(days=70),
            **common,
        )
        services.decide(
            actor=officer,
            nomination=pub,
            listed=True,
            reasons="The pub and its function room further the social interests of the ward.",
            current_use_finding="Open and used as a pub and meeting place (s.88(1)).",
            decided_on=today - dt.timedelta(days=30),
        )
        services.record_disposal_notice(
            actor=officer,
            nomination=pub,
            received_on=today - dt.timedelta(days=10),
            given_by="The owner (sample)",
            intended_disposal="Sale of the freehold with vacant possession",
        )
        shop = services.submit_nomination(
            boundary_geojson=_square(other.longitude, other.latitude),
            name=f"Former {ward.name} bank branch {SAMPLE}",
            postcode=other.postcode,
            description="A closed bank branch, empty for three years.",
            reasons="It could become a community hub.",
            received_on=today - dt.timedelta(days=60),
            **common,
        )
        services.decide(
            actor=officer,
            nomination=shop,
            listed=False,
            reasons="No use in the recent past furthered the community's social wellbeing or "
            "interests: it was a bank branch (s.88(2)).",
            decided_on=today - dt.timedelta(days=20),
        )
    return [
        f"Sample assets of community value: {pub.name} (listed, owner's notice received) "
        f"and {shop.name} (unsuccessful), in {ward.name} ward."
    ]
