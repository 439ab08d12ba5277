"""Suppliers matched to the directory's organisations, and classified by sector.

A match by registration number (org-id) is certain; a match by normalised name is the
next best. A matched supplier takes the directory's kind (its sector) and classification
(community-led or not); an unmatched one is read from the file alone (engine.py).
"""

from commonweal.directory.engine.identifiers import PARSERS, InvalidIdentifier
from commonweal.directory.models import Organisation
from commonweal.opendata.models import Supplier
from commonweal.opendata.spending import engine


def _org_id(kind: str, number: str) -> str:
    if not number:
        return ""
    try:
        return str(PARSERS[kind](number))
    except InvalidIdentifier:
        return ""


class DirectoryIndex:
    """The directory's listed organisations, by org-id and by normalised name."""

    def __init__(self, authority):
        self.by_id: dict[str, Organisation] = {}
        self.by_name: dict[str, list[Organisation]] = {}
        for org in Organisation.public.all().order_by("pk"):
            for org_id in org.org_ids():
                self.by_id.setdefault(org_id, org)
            self.by_name.setdefault(engine.normalise_name(org.name), []).append(org)
        self.authority = authority

    def find(self, supplier: Supplier, org_ids: list[str]):
        for org_id in org_ids:
            if org_id in self.by_id:
                return self.by_id[org_id], f"same registration number ({org_id})"
        named = self.by_name.get(supplier.key, [])
        # Prefer the organisation in the same borough when two share a name.
        named = sorted(named, key=lambda org: org.authority_id != self.authority.pk)
        if named:
            return named[0], "same name, once “Ltd”, “the” and punctuation are set aside"
        return None, ""


def classify_suppliers(authority, ids=None) -> int:
    """Match and classify an authority's suppliers (or those in `ids`); returns how many
    changed. Run at each import, and again whenever the directory changes."""
    index = DirectoryIndex(authority)
    suppliers = Supplier.objects.filter(authority=authority)
    if ids is not None:
        suppliers = suppliers.filter(pk__in=ids)
    changed = []
    for supplier in suppliers:
        org_ids = [
            found
            for found in (
                _org_id("charity", supplier.charity_number),
                _org_id("company", supplier.company_number),
            )
            if found
        ]
        org, reason = index.find(supplier, org_ids)
        if org is not None:
            call = engine.sector_from_kind(org.kind, org.name)
            community_led = org.is_community_led
        else:
            call = engine.sector_from_file(
                supplier.name,
                supplier_ref=supplier.supplier_ref,
                charity_number=supplier.charity_number,
                company_number=supplier.company_number,
            )
            community_led = False
        values = {
            "org_id": org_ids[0] if org_ids else "",
            "organisation_id": org.pk if org else None,
            "match_reason": reason,
            "sector": call.sector,
            "sector_reason": call.reason[:300],
            "community_led": community_led,
        }
        if any(getattr(supplier, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(supplier, name, value)
            changed.append(supplier)
    Supplier.objects.bulk_update(changed, list(values) if changed else ["sector"], batch_size=500)
    return len(changed)
