"""A list of organisations in CSV: a council's own list or a charity register extract.

    commonweal import directory-organisations groups.csv --option authority=E08000033

Organisations are matched to those already held, and to earlier rows of the same file, by
registration number and then by normalised name and postcode; what was merged is reported.
New organisations are unverified until an officer checks them.
"""

import re

from commonweal.datasets.importing import RowError, register_importer
from commonweal.datasets.importing.base import CsvImporter
from commonweal.directory import services
from commonweal.directory.importers import common
from commonweal.directory.models import LegalForm, Organisation, OrganisationKind

# Our field ← the column names a file may use (compared lower-case, spaces as underscores).
ALIASES = {
    "name": ("name", "organisation_name", "organisation", "charity_name", "group_name"),
    "kind": ("kind", "type", "organisation_type", "charity_type", "kind_of_organisation"),
    "charity_number": (
        "charity_number",
        "registered_charity_number",
        "charity_no",
        "charity_registration_number",
        "regno",
    ),
    "company_number": ("company_number", "companies_house_number", "company_no"),
    "society_number": ("society_number", "mutuals_register_number", "fca_number"),
    "description": ("description", "activities", "charity_activities", "about"),
    "website": ("website", "web", "url", "web_address"),
    "email": ("email", "email_address", "e_mail"),
    "phone": ("phone", "telephone", "phone_number"),
    "postcode": ("postcode", "post_code", "postal_code"),
    "members_count": ("members", "members_count", "number_of_members"),
    "active_volunteers": ("volunteers", "active_volunteers", "number_of_volunteers"),
    "paid_staff_fte": ("paid_staff_fte", "paid_staff", "staff_fte", "employees_fte"),
    "annual_income": ("annual_income", "income", "latest_income", "total_income"),
    "contract_income_share": ("contract_income_share",),
}

# A charity register's (or a council's) words for a kind: (kind, legal form).
KIND_WORDS = {
    "cio": ("cio", "cio"),
    "charitable incorporated organisation": ("cio", "cio"),
    "cio foundation": ("cio", "cio"),
    "cio association": ("cio", "cio"),
    "charitable company": ("charity", "company_guarantee"),
    "charitable company limited by guarantee": ("charity", "company_guarantee"),
    "trust": ("charity", "trust"),
    "charitable trust": ("charity", "trust"),
    "registered charity": ("charity", ""),
    "cic": ("cic", "cic"),
    "community interest company": ("cic", "cic"),
    "co operative": ("cooperative", "society"),
    "cooperative": ("cooperative", "society"),
    "community benefit society": ("cooperative", "society"),
    "bencom": ("cooperative", "society"),
    "industrial and provident society": ("cooperative", "society"),
    "residents association": ("residents_association", ""),
    "tenants association": ("tenants_association", ""),
    "tenants and residents association": ("tenants_association", ""),
    "tra": ("tenants_association", ""),
    "faith": ("faith_group", ""),
    "place of worship": ("faith_group", ""),
    "church": ("faith_group", ""),
    "parish council": ("parish_council", "statutory"),
    "town council": ("parish_council", "statutory"),
    "cvs": ("infrastructure", ""),
    "council for voluntary service": ("infrastructure", ""),
    "infrastructure body": ("infrastructure", ""),
    "community group": ("community_group", ""),
    "voluntary group": ("community_group", ""),
    "social enterprise": ("social_enterprise", ""),
    "business": ("business", ""),
    "company": ("business", ""),
}
# Words that say nothing about the kind, except that a charity number may.
VAGUE_KINDS = {"other", "unincorporated association", "unincorporated", "association"}


def _word(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", (text or "").casefold()).split())


def kind_of(raw: str, has_charity_number: bool) -> tuple[str, str]:
    """The kind (and legal form, if the word says) a file's word for it means."""
    word = _word(raw)
    if word in KIND_WORDS:
        return KIND_WORDS[word]
    for value, label in OrganisationKind.choices:
        if word in (_word(value), _word(label)):
            return value, ""
    if word in VAGUE_KINDS and has_charity_number:
        legal = LegalForm.UNINCORPORATED if "unincorporated" in word else ""
        return OrganisationKind.CHARITY, legal
    if word.startswith("unincorporated") and not has_charity_number:
        return OrganisationKind.COMMUNITY_GROUP, LegalForm.UNINCORPORATED
    shown = (raw or "").strip()
    if not shown:
        raise RowError("kind", "say what kind of organisation it is")
    raise RowError(
        "kind",
        f"“{shown}” is not a kind of organisation we know; use one of: "
        + ", ".join(OrganisationKind.values),
    )


def _header_key(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", (name or "").strip().casefold())


@register_importer
class OrganisationsCsv(CsvImporter):
    source = "directory-organisations"
    title = "Directory organisations (a council's list or a charity register extract)"
    publisher = "The council or register that supplied the list"
    description = (
        "Organisations for the directory. Registration numbers are checked and matched; "
        "duplicates are merged and reported; new entries wait for an officer to verify them."
    )
    units = "organisations"

    def __init__(self, **options):
        super().__init__(**options)
        self.authority = common.authority_option(options)
        self.columns: dict[str, str] = {}
        self.merged: list[str] = []
        self.kept: list[dict] = []

    def read(self, path):
        first = True
        for line, raw in super().read(path):
            if first:
                self._map_columns(raw)
                first = False
            if None in raw:
                extra = RowError("", "this line has more values than the header has columns")
                yield line, {"__line__": line, "__error__": extra}
                continue
            row = {field: raw.get(column) for field, column in self.columns.items()}
            yield line, {"__line__": line, **row}

    def _map_columns(self, raw: dict) -> None:
        header = {_header_key(name): name for name in raw if name is not None}
        for field, aliases in ALIASES.items():
            for alias in aliases:
                if alias in header:
                    self.columns[field] = header[alias]
                    break
        missing = [name for name in ("name", "kind") if name not in self.columns]
        if missing:
            found = ", ".join(name for name in raw if name)[:200] or "no header"
            raise RowError(
                ", ".join(missing),
                f"required column{'s' if len(missing) > 1 else ''} missing "
                f"({' and '.join(missing)}; “type” will do for kind); the file has: {found}",
            )

    def clean_row(self, raw):
        if "__error__" in raw:
            raise raw["__error__"]
        line = raw.pop("__line__")
        values = {field: (value or "").strip() for field, value in raw.items()}
        try:
            kind, legal_form = kind_of(values.pop("kind", ""), bool(values.get("charity_number")))
        except RowError as exc:
            raise RowError(self.columns.get("kind", "kind"), exc.reason) from None
        details = {name: value for name, value in values.items() if value}
        details.update(kind=kind, name=values.get("name", ""))
        if legal_form:
            details["legal_form"] = legal_form
        cleaned = common.clean(details, self.authority, self.columns)
        return {"line": line, "details": cleaned}

    def check_rows(self, rows):
        # Every row is clean: now merge duplicates within the file, keeping the first.
        self.merged, self.kept = [], []
        index = common.Index()
        for _, row in rows:
            first, reason = index.find(row["details"])
            if first is None:
                index.add(row, row["details"])
                self.kept.append(row)
                continue
            filled = common.merge_into(first["details"], row["details"])
            also = f" (took {', '.join(filled)} from it)" if filled else ""
            self.merged.append(
                f"Merged line {row['line']} into line {first['line']}: {reason}{also}."
            )
        return []

    def load(self, rows, dataset, report):
        held = common.existing(self.authority)
        report.notes.extend(self.merged)
        for row in self.kept:
            details = row["details"]
            organisation, reason = held.find(details)
            if organisation is None:
                organisation = services.register_organisation(
                    actor=None, authority=self.authority, **details
                )
                _provenance(organisation, dataset)
                held.add(organisation, details)
                report.created += 1
                continue
            filled = common.fill_blanks(organisation, details)
            report.notes.append(
                f"Line {row['line']} is {organisation.name}, already held ({reason})"
                + (f": added its {', '.join(filled)}." if filled else "; nothing new.")
            )
            if filled:
                report.updated += 1
            else:
                report.unchanged += 1

    def counts(self):
        return {
            f"Organisations in {self.authority.name}": Organisation.records.in_authority(
                self.authority
            ).count()
        }


def _provenance(organisation: Organisation, dataset) -> None:
    # Which file an entry came from: set by the import itself, inside its transaction.
    Organisation.records.filter(pk=organisation.pk).update(source_dataset=dataset)
