"""Reading an Open Referral UK feed: which records a document holds, each checked against
the schema and turned into the details the directory's services take."""

import json
import re
from dataclasses import dataclass, field

from commonweal.datasets.importing import RowError
from commonweal.directory.models import LegalForm, OrganisationKind
from commonweal.directory.openreferral import taxonomy as tx
from commonweal.directory.openreferral.schemas import problems

GSS = re.compile(r"\b([EWSN]\d{8})\b")
SCHEME_FIELDS = {
    "GB-CHC": "charity_number",
    "GB-SC": "charity_number",
    "GB-NIC": "charity_number",
    "GB-COH": "company_number",
    "GB-MPR": "society_number",
}
MAX_SHOWN = 5


def parse(text: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise RowError(
            "", f"the file is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None


def _looks_like_service(item) -> bool:
    return isinstance(item, dict) and ("status" in item or "organization" in item)


def records(document):
    """(kind, where, record) for each service and organization in a feed document: our
    package export, one page of /services or /organizations, a list, or one record."""
    if isinstance(document, dict) and ("services" in document or "organizations" in document):
        for name, kind in (("organizations", "organization"), ("services", "service")):
            items = document.get(name) or []
            if not isinstance(items, list):
                raise RowError(name, f"“{name}” must be a list of records")
            for index, item in enumerate(items):
                yield kind, f"{name}[{index}]", item
        return
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        items, name = document["contents"], "contents"
    elif isinstance(document, list):
        items, name = document, ""
    elif isinstance(document, dict) and "id" in document:
        items, name = [document], ""
    else:
        raise RowError(
            "",
            "this is not an Open Referral UK feed: expected services or organizations (a page "
            "of /services, a list of services, or a package with “services”)",
        )
    for index, item in enumerate(items):
        kind = "service" if _looks_like_service(item) else "organization"
        yield kind, f"{name}[{index}]" if name else f"[{index}]", item


def schema_error(where: str, record, kind: str) -> RowError | None:
    found = problems(record, kind)
    if not found:
        return None
    ident = record.get("id") if isinstance(record, dict) else None
    label = f"{kind} {ident}" if ident else f"the {kind}"
    paths = [f"{where}.{p.path}" if p.path else where for p in found]
    shown = "; ".join(f"{p.path or '(the record)'}: {p.reason}" for p in found[:MAX_SHOWN]) + (
        f"; and {len(found) - MAX_SHOWN} more" if len(found) > MAX_SHOWN else ""
    )
    return RowError(paths[0], f"{label} does not follow the Open Referral UK schema: {shown}")


def _terms(record: dict) -> list[dict]:
    found = []
    for attribute in record.get("attributes") or []:
        term = attribute.get("taxonomy_term")
        if isinstance(term, dict):
            found.append(term)
    return found


def _ours(term: dict, taxonomy: tx.Taxonomy) -> bool:
    return term.get("taxonomy_id") == taxonomy.id or term.get("taxonomy") == taxonomy.name


def _choice(terms: list[dict], taxonomy: tx.Taxonomy) -> str:
    values = tx.CHOICES[taxonomy.key].values
    for term in terms:
        if _ours(term, taxonomy) and term.get("term") in values:
            return term["term"]
    return ""


def interest_words(terms: list[dict]) -> list[str]:
    """The interest terms given (our slugs, or another taxonomy's names)."""
    skipped = (tx.KINDS, tx.LEGAL_FORMS, tx.CLASSIFICATION)
    words = []
    for term in terms:
        if any(_ours(term, taxonomy) for taxonomy in skipped):
            continue
        words.append((term.get("term") if _ours(term, tx.INTERESTS) else "") or term.get("name"))
    return [word for word in words if word]


def location_postcode(location) -> str:
    if not isinstance(location, dict):
        return ""
    for address in location.get("addresses") or []:
        if isinstance(address, dict) and (address.get("postal_code") or "").strip():
            return address["postal_code"].strip()
    if (location.get("external_identifier_type") or "").lower() == "postcode":
        return (location.get("external_identifier") or "").strip()
    return ""


def identifiers(organization: dict) -> tuple[dict, list[str]]:
    """Registration numbers by our field, and the identifiers we cannot use."""
    numbers, others = {}, []
    for item in organization.get("organization_identifiers") or []:
        scheme = (item.get("identifier_scheme") or "").strip().upper()
        value = (item.get("identifier") or "").strip()
        kind_text = (item.get("identifier_type") or "").casefold()
        field_name = SCHEME_FIELDS.get(scheme)
        if field_name is None and not scheme:
            if "charity" in kind_text:
                field_name = "charity_number"
            elif "company" in kind_text:
                field_name = "company_number"
        if field_name is None or not value:
            others.append(f"{scheme or item.get('identifier_type') or '?'} {value}".strip())
            continue
        if scheme == "GB-NIC" and not value.upper().startswith("NIC"):
            value = "NIC" + value
        numbers.setdefault(field_name, value)
    return numbers, others


@dataclass
class OrganizationDetails:
    uuid: str
    details: dict
    guessed_kind: bool = False
    other_identifiers: list = field(default_factory=list)
    interests: list = field(default_factory=list)
    named_contacts: list = field(default_factory=list)


def organization_details(organization: dict, authority) -> OrganizationDetails:
    terms = _terms(organization)
    numbers, others = identifiers(organization)
    kind = _choice(terms, tx.KINDS)
    guessed = not kind
    if guessed:
        if "charity_number" in numbers:
            kind = OrganisationKind.CHARITY
        elif "society_number" in numbers:
            kind = OrganisationKind.COOPERATIVE
        else:
            kind = OrganisationKind.COMMUNITY_GROUP
    description = (organization.get("description") or "").strip()
    label = OrganisationKind(kind).label
    if description == f"{label} in {authority.name}.":
        description = ""  # the text our own export writes when a group gave none
    phones = [p for p in organization.get("phones") or [] if isinstance(p, dict)]
    postcode = ""
    for place in organization.get("locations") or []:
        postcode = postcode or location_postcode(place)
    details = {
        "name": organization.get("name") or "",
        "kind": kind,
        "legal_form": _choice(terms, tx.LEGAL_FORMS) or LegalForm.OTHER,
        "description": description,
        "website": organization.get("website") or "",
        "email": organization.get("email") or "",
        "phone": (phones[0].get("number") or "") if phones else "",
        "postcode": postcode,
        **numbers,
    }
    return OrganizationDetails(
        uuid=organization.get("id", ""),
        details={k: v for k, v in details.items() if v not in ("", None)},
        guessed_kind=guessed,
        other_identifiers=others,
        interests=interest_words(terms),
        named_contacts=_contact_ids(organization),
    )


@dataclass
class ServiceDetails:
    uuid: str
    activity: dict
    area_codes: list
    boundary: str | None
    interests: list
    named_contacts: list


def service_details(service: dict) -> ServiceDetails:
    schedules = [
        (s.get("description") or "").strip()
        for s in service.get("schedules") or []
        if isinstance(s, dict)
    ]
    postcode = ""
    for link in service.get("service_at_locations") or []:
        postcode = postcode or location_postcode(link.get("location"))
    codes, boundary = [], None
    for area in service.get("service_areas") or []:
        text = " ".join(str(area.get(k) or "") for k in ("uri", "service_area", "name"))
        found = GSS.findall(text)
        if found:
            codes.append(found[-1] if area.get("uri") is None else found[0])
        elif (area.get("extent_type") or "").lower() == "geojson" and area.get("extent"):
            boundary = area["extent"]
    activity = {
        "name": service.get("name") or "",
        "description": service.get("description") or "",
        "url": service.get("url") or "",
        "email": service.get("email") or "",
        "schedule": "; ".join(s for s in schedules if s)[:200],
        "postcode": postcode,
    }
    return ServiceDetails(
        uuid=service.get("id", ""),
        activity=activity,
        area_codes=sorted(set(codes)),
        boundary=boundary,
        interests=interest_words(_terms(service)),
        named_contacts=_contact_ids(service),
    )


def _contact_ids(record: dict) -> list[str]:
    return [
        str(contact.get("id"))
        for contact in record.get("contacts") or []
        if isinstance(contact, dict)
    ]
