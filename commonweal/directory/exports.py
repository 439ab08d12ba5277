"""The directory's CSV export: every listed organisation, one row each.

The columns an importer needs come first and use the names the "directory-organisations"
importer reads, so a council can load one site's export into another.
"""

import csv

from commonweal.directory import services
from commonweal.directory.openreferral.export import listed_organisations

COLUMNS = (
    "name",
    "kind",
    "charity_number",
    "company_number",
    "society_number",
    "description",
    "website",
    "email",
    "phone",
    "postcode",
    "members",
    "volunteers",
    "paid_staff_fte",
    "annual_income",
    "contract_income_share",
    "org_ids",
    "kind_label",
    "legal_form",
    "classification",
    "classification_reason",
    "classification_overridden",
    "borough_code",
    "borough",
    "borough_wide",
    "area_codes",
    "areas",
    "interest_tags",
    "latitude",
    "longitude",
    "leader_name",
    "leader_email",
    "leader_phone",
    "slug",
)
# Characters that make a spreadsheet treat a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text.replace(" ", ""))
    except ValueError:
        return False
    return True


def organisation_row(organisation) -> dict:
    leader = services.published_leader(organisation)
    areas = (
        [organisation.authority]
        if organisation.borough_wide
        else sorted(organisation.benefit_areas.all(), key=lambda area: area.gss_code)
    )
    return {
        "name": organisation.name,
        "kind": organisation.kind,
        "charity_number": organisation.charity_number,
        "company_number": organisation.company_number,
        "society_number": organisation.society_number,
        "description": organisation.description,
        "website": organisation.website,
        "email": organisation.email,
        "phone": organisation.phone,
        "postcode": organisation.postcode,
        "members": organisation.members_count,
        "volunteers": organisation.active_volunteers,
        "paid_staff_fte": organisation.paid_staff_fte,
        "annual_income": organisation.annual_income,
        "contract_income_share": organisation.contract_income_share,
        "org_ids": "; ".join(organisation.org_ids()),
        "kind_label": organisation.get_kind_display(),
        "legal_form": organisation.legal_form,
        "classification": organisation.classification,
        "classification_reason": (
            organisation.override_justification
            if organisation.is_overridden
            else organisation.computed_reason
        ),
        "classification_overridden": "yes" if organisation.is_overridden else "no",
        "borough_code": organisation.authority.gss_code,
        "borough": organisation.authority.name,
        "borough_wide": "yes" if organisation.borough_wide else "no",
        "area_codes": "; ".join(area.gss_code for area in areas),
        "areas": "; ".join(area.name for area in areas),
        "interest_tags": "; ".join(tag.slug for tag in organisation.interest_tags.all()),
        "latitude": organisation.latitude,
        "longitude": organisation.longitude,
        # Only with the leader's standing consent (published_leader checks it).
        "leader_name": leader.public_name if leader else "",
        "leader_email": leader.public_email if leader else "",
        "leader_phone": leader.public_phone if leader else "",
        "slug": organisation.slug,
    }


def write_organisations_csv(stream, authority=None) -> int:
    writer = csv.writer(stream)
    writer.writerow(COLUMNS)
    count = 0
    for organisation in listed_organisations(authority):
        row = organisation_row(organisation)
        writer.writerow([_cell(row[column]) for column in COLUMNS])
        count += 1
    return count
