"""Reading a compiled OCDS release back into a contract's details.

The reverse of build.py: parties are found in the directory by org-id identifier, by our own
party id, or by exact name; areas served by their GSS code. Anything we cannot place is a
problem naming the JSON path, never a guess.
"""

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from commonweal.directory.engine.identifiers import InvalidIdentifier, parse_org_id
from commonweal.directory.models import Organisation
from commonweal.opendata.contracts.models import Route, Status
from commonweal.opendata.contracts.ocds.build import (
    AREA_SCHEME,
    PARTY_PREFIX_COUNCIL,
    PARTY_PREFIX_ORGANISATION,
    SOCIAL_VALUE_CODE,
)
from commonweal.places.models import Area, AreaType

WEIGHTING = re.compile(r"Social value: ([\d.]+)%")
AREA_PREFERENCE = [
    AreaType.WARD,
    AreaType.LOCAL_AUTHORITY,
    AreaType.NEIGHBOURHOOD,
    AreaType.LSOA21,
    AreaType.MSOA,
    AreaType.LSOA11,
]
NUMBER_FIELD = {
    "charity": "charity_number",
    "company": "company_number",
    "society": "society_number",
}


class Unreadable(Exception):
    def __init__(self, path: str, reason: str):
        super().__init__(reason)
        self.path = path
        self.reason = reason


def _party(compiled: dict, party_id: str, path: str) -> dict:
    for party in compiled.get("parties") or []:
        if party.get("id") == party_id:
            return party
    raise Unreadable(path, f"no party with the id “{party_id}” is in the parties list")


def _organisation(party: dict, path: str):
    party_id = party.get("id", "")
    if party_id.startswith(PARTY_PREFIX_ORGANISATION):
        slug = party_id.removeprefix(PARTY_PREFIX_ORGANISATION)
        found = Organisation.records.filter(slug=slug).first()
        if found:
            return found
    identifiers = [party.get("identifier") or {}, *(party.get("additionalIdentifiers") or [])]
    for identifier in identifiers:
        if identifier.get("scheme") and identifier.get("id"):
            try:
                kind, org_id = parse_org_id(f"{identifier['scheme']}-{identifier['id']}")
            except InvalidIdentifier:
                continue
            candidates = Organisation.records.filter(**{NUMBER_FIELD[kind]: org_id.value})
            for candidate in candidates:
                if str(org_id) in candidate.org_ids():
                    return candidate
    named = list(Organisation.records.filter(name__iexact=(party.get("name") or "").strip())[:2])
    if len(named) == 1:
        return named[0]
    reason = "more than one organisation" if named else "no organisation"
    raise Unreadable(
        path,
        f"{reason} in the directory matches the party “{party.get('name', party_id)}” "
        "(by org-id identifier or by name); add it to the directory first",
    )


def _buyer(compiled: dict, path: str):
    reference = compiled.get("buyer") or (compiled.get("tender") or {}).get("procuringEntity")
    if not reference or not reference.get("id"):
        raise Unreadable(path + ".buyer", "the release names no buyer")
    party = _party(compiled, reference["id"], path + ".buyer.id")
    if party["id"].startswith(PARTY_PREFIX_COUNCIL):
        code = party["id"].removeprefix(PARTY_PREFIX_COUNCIL)
        council = Area.objects.authorities().filter(gss_code=code).first()
        if council is None:
            raise Unreadable(path + ".buyer.id", f"we do not hold the local authority {code}")
        return council, None
    name = (party.get("name") or "").removesuffix(" Council").strip()
    council = Area.objects.authorities().filter(name__iexact=name).first()
    if council is not None and party.get("name", "").endswith("Council"):
        return council, None
    return None, _organisation(party, path + ".buyer")


def _date(value: str | None, path: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        raise Unreadable(path, f"“{value}” is not a date-time") from None


def _areas(item: dict, authority, path: str) -> list:
    found = []
    for index, extra in enumerate(item.get("additionalClassifications") or []):
        if extra.get("scheme") != AREA_SCHEME:
            continue
        matches = {
            area.area_type: area
            for area in Area.objects.filter(gss_code=extra.get("id", "")).filter(
                authority=authority
            )
        }
        if authority.gss_code == extra.get("id"):
            matches[AreaType.LOCAL_AUTHORITY] = authority
        area = next((matches[t] for t in AREA_PREFERENCE if t in matches), None)
        if area is None:
            raise Unreadable(
                f"{path}.additionalClassifications[{index}].id",
                f"we hold no area with the code “{extra.get('id')}” in {authority.name}",
            )
        found.append(area)
    return found


def _status(compiled: dict) -> str:
    contracts = compiled.get("contracts") or []
    if contracts:
        status = contracts[0].get("status")
        if status == "active":
            return Status.ACTIVE
        if status in ("terminated", "cancelled"):
            details = (contracts[0].get("statusDetails") or "").lower()
            return Status.COMPLETE if details.startswith("complete") else Status.TERMINATED
        return Status.AWARDED
    if compiled.get("awards"):
        return Status.AWARDED
    tender_status = (compiled.get("tender") or {}).get("status")
    return Status.TENDER if tender_status in ("active", "complete") else Status.PLANNED


def _route(tender: dict, related: list) -> tuple[str, str]:
    challenge = next((p for p in related if p.get("id") == "right-to-challenge"), None)
    if challenge or "right to challenge" in (tender.get("procurementMethodDetails") or "").lower():
        return Route.CHALLENGE, (challenge or {}).get("identifier", "")
    method = tender.get("procurementMethod")
    if method == "selective":
        return Route.RESTRICTED, ""
    if method in ("direct", "limited"):
        return Route.DIRECT, ""
    return Route.OPEN, ""


def _amount(value: dict | None, path: str):
    if not value or value.get("amount") is None:
        return None, "GBP"
    try:
        return Decimal(str(value["amount"])).quantize(Decimal("0.01")), value.get(
            "currency"
        ) or "GBP"
    except InvalidOperation:
        raise Unreadable(path + ".amount", "the amount is not a number") from None


def read_contract(compiled: dict, path: str) -> dict:
    """The details services.record_contract takes, plus authority and amendments."""
    council, organisation = _buyer(compiled, path)
    authority = council or organisation.authority
    tender = compiled.get("tender") or {}
    awards = compiled.get("awards") or []
    contracts = compiled.get("contracts") or []
    contract = contracts[0] if contracts else {}
    award = awards[0] if awards else {}
    items = tender.get("items") or contract.get("items") or award.get("items") or []
    item = items[0] if items else {}
    if award:
        suppliers = [
            _organisation(
                _party(compiled, ref.get("id", ""), f"{path}.awards[0].suppliers[{i}].id"),
                f"{path}.awards[0].suppliers[{i}]",
            )
            for i, ref in enumerate(award.get("suppliers") or [])
        ]
    else:
        # Before award, a supplier already chosen is only a party with the role "supplier".
        suppliers = [
            _organisation(party, f"{path}.parties[{i}]")
            for i, party in enumerate(compiled.get("parties") or [])
            if "supplier" in (party.get("roles") or [])
        ]
    value_path = f"{path}.contracts[0].value" if contract.get("value") else f"{path}.tender.value"
    amount, currency = _amount(
        contract.get("value") or award.get("value") or tender.get("value"), value_path
    )
    period = (
        contract.get("period") or award.get("contractPeriod") or tender.get("contractPeriod") or {}
    )
    route, reference = _route(tender, compiled.get("relatedProcesses") or [])
    weighting = WEIGHTING.search(tender.get("awardCriteriaDetails") or "")
    milestones = contract.get("milestones") or tender.get("milestones") or []
    classification = item.get("classification") or {}
    return {
        "authority": authority,
        "title": tender.get("title") or contract.get("title") or award.get("title") or "",
        "description": tender.get("description") or "",
        "service": item.get("description") or "",
        "cpv_code": classification.get("id", "") if classification.get("scheme") == "CPV" else "",
        "buyer_council": council,
        "buyer_organisation": organisation,
        "suppliers": suppliers,
        "value_amount": amount,
        "currency": currency,
        "award_date": _date(award.get("date"), f"{path}.awards[0].date"),
        "start_date": _date(period.get("startDate"), f"{path}.contracts[0].period.startDate"),
        "end_date": _date(period.get("endDate"), f"{path}.contracts[0].period.endDate"),
        "areas_served": _areas(item, authority, f"{path}.tender.items[0]"),
        "route": route,
        "challenge_reference": reference,
        "social_value_weighting": Decimal(weighting.group(1)) if weighting else None,
        "commitments": [
            (m.get("title", ""), m.get("description", ""))
            for m in milestones
            if m.get("code") == SOCIAL_VALUE_CODE
        ],
        "status": _status(compiled),
        "amendments": [
            *(("tender", a) for a in tender.get("amendments") or []),
            *(("contract", a) for a in contract.get("amendments") or []),
        ],
    }
