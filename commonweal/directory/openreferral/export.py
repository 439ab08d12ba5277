"""Listed organisations and their activities as Open Referral UK records.

Only what the public may see: listed (verified) organisations, and a leader's contact only
through services.published_leader (consented, and still the leader).
"""

from datetime import UTC

import shapely
from django.db.models import Prefetch
from django.utils import timezone

from commonweal.directory import services
from commonweal.directory.models import Activity, Organisation, VerificationStatus
from commonweal.directory.openreferral import taxonomy as tx
from commonweal.directory.openreferral.ids import organization_id, part_id, service_id
from commonweal.directory.openreferral.schemas import PROFILE_URL, VERSION
from commonweal.places.models import AreaType, Postcode

ONS_URI = "http://statistics.data.gov.uk/id/statistical-geography/"
IDENTIFIER_TYPES = {
    "GB-CHC": "Charity number (Charity Commission for England and Wales)",
    "GB-SC": "Charity number (Scottish Charity Regulator)",
    "GB-NIC": "Charity number (Charity Commission for Northern Ireland)",
    "GB-COH": "Company number (Companies House)",
    "GB-MPR": "Society number (Mutuals Public Register)",
}
LEADER_TITLE = "Group leader"


def listed_organisations(authority=None):
    """The listed organisations, with what their records need, fetched together."""
    organisations = Organisation.public.select_related("authority").prefetch_related(
        "benefit_areas",
        Prefetch("interest_tags", queryset=tx.InterestTag.objects.select_related("parent")),
        Prefetch("activities", queryset=Activity.objects.order_by("name", "pk")),
    )
    if authority is not None:
        organisations = organisations.in_authority(authority)
    return organisations.order_by("name", "pk")


def listed_activities(authority=None):
    activities = Activity.objects.filter(organisation__status=VerificationStatus.VERIFIED)
    if authority is not None:
        activities = activities.filter(organisation__authority=authority)
    return activities.select_related("organisation").order_by("organisation__name", "name", "pk")


def timestamp(value) -> str:
    return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def default_description(organisation: Organisation) -> str:
    """The schema requires a description: say what we know when the group gave none."""
    return f"{organisation.get_kind_display()} in {organisation.authority.name}."


def _drop_blank(record: dict) -> dict:
    return {key: value for key, value in record.items() if value not in ("", None, [])}


def identifiers(organisation: Organisation, org_uuid: str) -> list[dict]:
    found = []
    for org_id in organisation.org_ids():
        scheme, _, value = org_id.rpartition("-")
        found.append(
            {
                "id": part_id(org_uuid, "identifier", org_id),
                "organization_id": org_uuid,
                "identifier_scheme": scheme,
                "identifier_type": IDENTIFIER_TYPES.get(scheme, scheme),
                "identifier": value,
            }
        )
    return found


def _attribute(link_id: str, link_type: str, term: dict) -> dict:
    return {
        "id": part_id(link_id, "attribute", term["id"]),
        "link_id": link_id,
        "link_type": link_type,
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
    }


def _interest_attributes(organisation: Organisation, link_id: str) -> list[dict]:
    return [
        _attribute(link_id, "interest", tx.interest_term(tag))
        for tag in organisation.interest_tags.all()
    ]


def leader_contact(organisation: Organisation, parent_id: str, service_uuid: str = ""):
    contact = services.published_leader(organisation)
    if contact is None:
        return None
    contact_id = part_id(parent_id, "contact", "leader")
    record = _drop_blank(
        {
            "id": contact_id,
            "service_id": service_uuid,
            "name": contact.public_name,
            "title": LEADER_TITLE,
            "email": contact.public_email,
        }
    )
    if contact.public_phone:
        record["phones"] = [
            {
                "id": part_id(contact_id, "phone"),
                "contact_id": contact_id,
                "number": contact.public_phone,
            }
        ]
    return record


def location(parent_id: str, name: str, postcode: str, point, authority) -> dict:
    location_id = part_id(parent_id, "location", postcode)
    record = {
        "id": location_id,
        "location_type": "physical",
        "name": name,
        "external_identifier": postcode,
        "external_identifier_type": "postcode",
        # We hold postcodes, not street addresses: the address says only what we know.
        "addresses": [
            {
                "id": part_id(location_id, "address"),
                "location_id": location_id,
                "address_1": "",
                "city": authority.name,
                "state_province": "",
                "postal_code": postcode,
                "country": "GB",
                "address_type": "physical",
            }
        ],
    }
    if point is not None:
        record["longitude"], record["latitude"] = point
    return record


def organization_record(organisation: Organisation) -> dict:
    org_uuid = organization_id(organisation)
    attributes = [
        _attribute(org_uuid, "kind", tx.choice_term(tx.KINDS, organisation.kind)),
        _attribute(org_uuid, "legal_form", tx.choice_term(tx.LEGAL_FORMS, organisation.legal_form)),
        _attribute(
            org_uuid,
            "classification",
            tx.choice_term(tx.CLASSIFICATION, organisation.classification),
        ),
        *_interest_attributes(organisation, org_uuid),
    ]
    record = _drop_blank(
        {
            "id": org_uuid,
            "name": organisation.name,
            "description": organisation.description or default_description(organisation),
            "email": organisation.email,
            "website": organisation.website,
            "organization_identifiers": identifiers(organisation, org_uuid),
            "attributes": attributes,
        }
    )
    if organisation.phone:
        record["phones"] = [
            {
                "id": part_id(org_uuid, "phone"),
                "organization_id": org_uuid,
                "number": organisation.phone,
            }
        ]
    if organisation.postcode:
        point = None
        if organisation.longitude is not None and organisation.latitude is not None:
            point = (organisation.longitude, organisation.latitude)
        record["locations"] = [
            location(
                org_uuid,
                f"Where {organisation.name} meets",
                organisation.postcode,
                point,
                organisation.authority,
            )
        ]
    leader = leader_contact(organisation, org_uuid)
    if leader is not None:
        record["contacts"] = [leader]
    return record


def _area_uri(area) -> str:
    return "" if area.area_type == AreaType.NEIGHBOURHOOD else ONS_URI + area.gss_code


def service_areas(organisation: Organisation, service_uuid: str) -> list[dict]:
    areas = (
        [organisation.authority]
        if organisation.borough_wide
        else sorted(organisation.benefit_areas.all(), key=lambda area: area.gss_code)
    )
    found = [
        _drop_blank(
            {
                "id": part_id(service_uuid, "area", area.gss_code),
                "service_id": service_uuid,
                "name": area.name,
                "service_area": f"{area.name} ({area.gss_code})",
                "uri": _area_uri(area),
            }
        )
        for area in areas
    ]
    shape = organisation.benefit_shape
    if shape is not None:
        found.append(
            {
                "id": part_id(service_uuid, "area", "boundary"),
                "service_id": service_uuid,
                "name": f"The area {organisation.name} serves",
                "service_area": f"The area {organisation.name} serves (a drawn boundary)",
                "extent": shapely.to_geojson(shape),
                "extent_type": "geojson",
            }
        )
    return found


def points(postcodes) -> dict[str, tuple[float, float]]:
    """Longitude and latitude of each postcode we hold."""
    rows = Postcode.objects.filter(postcode__in=set(postcodes) - {""}).values_list(
        "postcode", "longitude", "latitude"
    )
    return {code: (lon, lat) for code, lon, lat in rows if lon is not None and lat is not None}


def _assured_date(organisation: Organisation) -> str:
    change = (
        organisation.status_changes.filter(status=VerificationStatus.VERIFIED)
        .order_by("-changed_at")
        .first()
    )
    return change.changed_at.date().isoformat() if change else ""


def service_record(activity: Activity, *, full: bool = True, known_points=None) -> dict:
    """One activity as an ORUK service: fully nested, or only its one-to-one fields."""
    organisation = activity.organisation
    service_uuid = service_id(activity)
    modified = max(activity.updated_at, organisation.updated_at)
    record = _drop_blank(
        {
            "id": service_uuid,
            "organization_id": organization_id(organisation),
            "name": activity.name,
            "description": activity.description,
            "url": activity.url,
            "email": activity.email,
            "status": "active",
            "assured_date": _assured_date(organisation),
            "last_modified": timestamp(modified),
        }
    )
    if not full:
        record["organization"] = _drop_blank(
            {
                "id": record["organization_id"],
                "name": organisation.name,
                "description": organisation.description or default_description(organisation),
                "email": organisation.email,
                "website": organisation.website,
            }
        )
        return record
    if activity.schedule:
        record["schedules"] = [
            {
                "id": part_id(service_uuid, "schedule"),
                "service_id": service_uuid,
                "description": activity.schedule,
            }
        ]
    record["service_areas"] = service_areas(organisation, service_uuid)
    postcode = activity.postcode or organisation.postcode
    if postcode:
        found = known_points if known_points is not None else points([postcode])
        place = location(
            service_uuid,
            f"Where {activity.name} happens",
            postcode,
            found.get(postcode),
            organisation.authority,
        )
        record["service_at_locations"] = [
            {
                "id": part_id(service_uuid, "at", place["id"]),
                "service_id": service_uuid,
                "location_id": place["id"],
                "location": place,
            }
        ]
    record["organization"] = organization_record(organisation)
    leader = leader_contact(organisation, service_uuid, service_uuid)
    if leader is not None:
        record["contacts"] = [leader]
    attributes = _interest_attributes(organisation, service_uuid)
    if attributes:
        record["attributes"] = attributes
    return _drop_blank(record)


def package(authority=None) -> dict:
    """Everything listed, in one JSON document: organisations and fully nested services."""
    organisations = list(listed_organisations(authority))
    activities = [a for o in organisations for a in o.activities.all()]
    known = points([a.postcode or a.organisation.postcode for a in activities])
    return {
        "version": VERSION,
        "profile": PROFILE_URL,
        "generated_at": timestamp(timezone.now()),
        "organizations": [organization_record(o) for o in organisations],
        "services": [service_record(a, known_points=known) for a in activities],
        "taxonomies": [tx.taxonomy_record(t) for t in tx.TAXONOMIES],
    }
