"""One OCDS release from a contract's current state.

Where things go (docs/contracts.md says the same for readers):
- the buyer is a party with roles buyer and procuringEntity; each supplier a party with role
  supplier, identified by its org-id (GB-CHC-, GB-COH-, GB-MPR-) where the directory holds one;
- the service is the one item, classified by its CPV code; each area served is an additional
  classification of that item with scheme "GSS" (ONS codes), since core OCDS has no field for
  where a service is delivered;
- social value: the weighting and the commitments in tender.awardCriteriaDetails (with
  awardCriteria "ratedCriteria"), each commitment also a milestone of type "delivery" with
  code "socialValue" (on the contract once awarded, on the tender before), and listed in the
  contract's description;
- a procurement after a community right to challenge: procurementMethodDetails, and a
  related process (relationship "planning") carrying the challenge's reference (the linked
  procurement exercise's expression of interest, or the text an import brought).
"""

import datetime as dt
from decimal import Decimal

from commonweal.opendata.contracts.models import AWARDED_STATUSES, Contract, Route, Status

TENDER_STATUS = {Status.PLANNED: "planned", Status.TENDER: "active"}
CONTRACT_STATUS = {
    Status.AWARDED: "pending",
    Status.ACTIVE: "active",
    Status.COMPLETE: "terminated",
    Status.TERMINATED: "terminated",
}
CONTRACT_STATUS_DETAILS = {Status.COMPLETE: "Completed", Status.TERMINATED: "Ended early"}
METHOD = {
    Route.OPEN: "open",
    Route.RESTRICTED: "selective",
    Route.DIRECT: "direct",
    Route.CHALLENGE: "open",
}
METHOD_DETAILS = {
    Route.OPEN: "Open procedure",
    Route.RESTRICTED: "Restricted procedure",
    Route.DIRECT: "Direct award",
    Route.CHALLENGE: "Procurement exercise following a community right to challenge",
}
SOCIAL_VALUE_CODE = "socialValue"
AREA_SCHEME = "GSS"
PARTY_PREFIX_ORGANISATION = "commonweal-organisation-"
PARTY_PREFIX_COUNCIL = "commonweal-council-"


def ocds_datetime(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def ocds_date(value: dt.date | None) -> str | None:
    return f"{value.isoformat()}T00:00:00Z" if value else None


def _amount(value: Decimal) -> float | int:
    # JSON numbers: whole pounds as integers, pence kept exactly to two places.
    return int(value) if value == value.to_integral_value() else float(value)


def organisation_party(organisation, roles: list[str]) -> dict:
    org_ids = organisation.org_ids()
    party = {
        "id": org_ids[0] if org_ids else PARTY_PREFIX_ORGANISATION + organisation.slug,
        "name": organisation.name,
        "roles": roles,
    }
    if org_ids:
        scheme, _, value = org_ids[0].rpartition("-")
        party["identifier"] = {"scheme": scheme, "id": value, "legalName": organisation.name}
        if len(org_ids) > 1:
            party["additionalIdentifiers"] = [
                {"scheme": other.rpartition("-")[0], "id": other.rpartition("-")[2]}
                for other in org_ids[1:]
            ]
    else:
        party["identifier"] = {"legalName": organisation.name}
    return party


def council_party(area, roles: list[str]) -> dict:
    # Local authorities have no org-id identifier we hold yet, so the party id is our own,
    # built from the authority's ONS code.
    name = f"{area.name} Council"
    return {
        "id": PARTY_PREFIX_COUNCIL + area.gss_code,
        "name": name,
        "roles": roles,
        "identifier": {"legalName": name},
    }


def _value(contract: Contract) -> dict | None:
    if contract.value_amount is None:
        return None
    return {"amount": _amount(contract.value_amount), "currency": contract.currency}


def _item(contract: Contract) -> dict:
    item = {"id": "1", "description": contract.service, "quantity": 1}
    if contract.cpv_code:
        item["classification"] = {"scheme": "CPV", "id": contract.cpv_code}
    areas = sorted(contract.areas_served.all(), key=lambda a: (a.area_type, a.gss_code))
    if areas:
        item["additionalClassifications"] = [
            {
                "scheme": AREA_SCHEME,
                "id": area.gss_code,
                "description": f"Area served: {area.name} ({area.get_area_type_display()})",
                "uri": f"https://statistics.data.gov.uk/id/statistical-geography/{area.gss_code}",
            }
            for area in areas
        ]
    return item


def _commitment_milestones(contract: Contract) -> list[dict]:
    return [
        {
            "id": f"social-value-{c.position}",
            "title": c.commitment,
            "type": "delivery",
            "code": SOCIAL_VALUE_CODE,
            **({"description": c.measure} if c.measure else {}),
        }
        for c in contract.commitments.all()
    ]


def award_criteria_details(contract: Contract) -> str:
    parts = []
    if contract.social_value_weighting is not None:
        weighting = contract.social_value_weighting.normalize()
        parts.append(f"Social value: {weighting:f}% of the award evaluation.")
    commitments = list(contract.commitments.all())
    if commitments:
        parts.append(
            "Social value commitments: "
            + "; ".join(f"({c.position}) {c.commitment}" for c in commitments)
            + "."
        )
    return " ".join(parts)


def _description_with_commitments(contract: Contract) -> str:
    details = award_criteria_details(contract)
    return "\n\n".join(part for part in (contract.description, details) if part)


def build_release(
    contract: Contract, *, release_id: str, date: dt.datetime, tags: list[str]
) -> dict:
    buyer_roles = ["buyer", "procuringEntity"]
    if contract.buyer_organisation_id:
        buyer = organisation_party(contract.buyer_organisation, buyer_roles)
    else:
        buyer = council_party(contract.buyer_council, buyer_roles)
    suppliers = [
        organisation_party(link.organisation, ["supplier"])
        for link in contract.supplier_links.select_related("organisation")
    ]
    reference = {"id": buyer["id"], "name": buyer["name"]}
    item = _item(contract)
    milestones = _commitment_milestones(contract)
    awarded = contract.status in AWARDED_STATUSES
    tender = {
        "id": f"{contract.ocid}-tender",
        "title": contract.title,
        "status": TENDER_STATUS.get(contract.status, "complete"),
        "procuringEntity": reference,
        "items": [item],
        "procurementMethod": METHOD[contract.route],
        "procurementMethodDetails": METHOD_DETAILS[contract.route],
        "mainProcurementCategory": "services",
    }
    if contract.description:
        tender["description"] = contract.description
    if contract.social_value_weighting is not None or milestones:
        tender["awardCriteria"] = "ratedCriteria"
        tender["awardCriteriaDetails"] = award_criteria_details(contract)
    if amendments := _amendments(contract, "tender"):
        tender["amendments"] = amendments
    if not awarded:
        if (value := _value(contract)) is not None:
            tender["value"] = value
        if (period := _period(contract)) is not None:
            tender["contractPeriod"] = period
        if milestones:
            tender["milestones"] = milestones
    release = {
        "ocid": contract.ocid,
        "id": release_id,
        "date": ocds_datetime(date),
        "tag": tags,
        "initiationType": "tender",
        "language": "en",
        "parties": [buyer, *suppliers],
        "buyer": reference,
        "tender": tender,
    }
    if contract.route == Route.CHALLENGE and contract.challenge_reference:
        release["relatedProcesses"] = [
            {
                "id": "right-to-challenge",
                "relationship": ["planning"],
                "title": _challenge_title(contract),
                "scheme": "other",
                "identifier": contract.challenge_reference,
            }
        ]
    if awarded:
        release["awards"] = [_award(contract, suppliers, item)]
        release["contracts"] = [_contract(contract, item, milestones)]
    return release


def _challenge_title(contract: Contract) -> str:
    # A linked exercise names its service; an imported reference is all we know.
    exercise = contract.procurement_exercise
    if exercise is None:
        return "Community right to challenge: expression of interest"
    return f"Community right to challenge: procurement exercise for {exercise.service.name}"


def _period(contract: Contract) -> dict | None:
    period = {}
    if contract.start_date:
        period["startDate"] = ocds_date(contract.start_date)
    if contract.end_date:
        period["endDate"] = ocds_date(contract.end_date)
    return period or None


def _award(contract: Contract, suppliers: list[dict], item: dict) -> dict:
    award = {
        "id": f"{contract.ocid}-award-1",
        "title": contract.title,
        "status": "active",
        "suppliers": [{"id": s["id"], "name": s["name"]} for s in suppliers],
        "items": [item],
    }
    if contract.award_date:
        award["date"] = ocds_date(contract.award_date)
    if (value := _value(contract)) is not None:
        award["value"] = value
    if (period := _period(contract)) is not None:
        award["contractPeriod"] = period
    return award


def _contract(contract: Contract, item: dict, milestones: list[dict]) -> dict:
    body = {
        "id": f"{contract.ocid}-contract-1",
        "awardID": f"{contract.ocid}-award-1",
        "title": contract.title,
        "status": CONTRACT_STATUS[contract.status],
        "items": [item],
    }
    if description := _description_with_commitments(contract):
        body["description"] = description
    if details := CONTRACT_STATUS_DETAILS.get(contract.status):
        body["statusDetails"] = details
    if (value := _value(contract)) is not None:
        body["value"] = value
    if (period := _period(contract)) is not None:
        body["period"] = period
    if contract.award_date:
        body["dateSigned"] = ocds_date(contract.award_date)
    if milestones:
        body["milestones"] = milestones
    if amendments := _amendments(contract, "contract"):
        body["amendments"] = amendments
    return body


def _amendments(contract: Contract, stage: str) -> list[dict]:
    return [
        {
            "id": str(a.number),
            "date": ocds_datetime(a.date),
            "rationale": a.rationale,
            **({"description": a.description} if a.description else {}),
            **({"amendsReleaseID": a.amends_release_id} if a.amends_release_id else {}),
            "releaseID": a.release_id,
        }
        for a in contract.amendments.all()
        if a.stage == stage
    ]
