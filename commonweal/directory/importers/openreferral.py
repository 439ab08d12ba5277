"""An Open Referral UK (HSDS-UK 3.0) feed: a JSON file, or a feed's address (the import
command downloads it).

    commonweal import openreferral-uk feed.json --option authority=E08000033

Each record is checked against the published schema. Organisations are matched to those
already held, and to each other, by registration number and then by normalised name and
postcode; what was merged is reported. New organisations are unverified until an officer
checks them. Named people's contact details are never imported: they consented to being
published by the feed's publisher, not by us.
"""

from dataclasses import dataclass, field

from commonweal.datasets.importing import RowError, RowProblem, register_importer
from commonweal.datasets.importing.base import Importer, open_text
from commonweal.directory import services
from commonweal.directory.importers import common
from commonweal.directory.models import Activity, InterestTag, Organisation
from commonweal.directory.openreferral import ids, reading
from commonweal.directory.services.activities import clean_activity
from commonweal.places.models import Area

ORG_COLUMNS = {
    "name": "name",
    "description": "description",
    "website": "website",
    "email": "email",
    "phone": "phones[0].number",
    "postcode": "locations[0].addresses[0].postal_code",
    "charity_number": "organization_identifiers",
    "company_number": "organization_identifiers",
    "society_number": "organization_identifiers",
    "kind": "attributes",
    "legal_form": "attributes",
}
ACTIVITY_COLUMNS = {
    "postcode": "service_at_locations[0].location.addresses[0].postal_code",
    "schedule": "schedules",
}


@dataclass
class Plan:
    """One organisation to create or match, with everything the file says about it."""

    where: str
    uuids: list
    details: dict
    activities: list = field(default_factory=list)
    area_codes: set = field(default_factory=set)
    boundary: str | None = None
    interests: set = field(default_factory=set)


@register_importer
class OpenReferralUk(Importer):
    source = "openreferral-uk"
    title = "Open Referral UK feed (HSDS-UK 3.0): organisations and their services"
    publisher = "The directory that published the feed"
    licence = "As stated by the feed's publisher"
    licence_url = ""
    attribution = "Contains information from an Open Referral UK feed."
    units = "organisations and services"
    description = (
        "Organisations and their services from an Open Referral UK feed, checked against the "
        "published schema; new entries wait for an officer to verify them."
    )

    def __init__(self, **options):
        super().__init__(**options)
        self.authority = common.authority_option(options)
        self.plans: list[Plan] = []
        self.notes: list[str] = []
        self.named_contacts: set[str] = set()
        self.interests_by_name: dict[str, set] = {}

    def read(self, path):
        with open_text(path) as handle:
            try:
                text = handle.read()
            except UnicodeDecodeError as exc:
                raise RowError("", f"the file is not UTF-8 text ({exc.reason})") from exc
        document = reading.parse(text)
        for number, (kind, where, record) in enumerate(reading.records(document), start=1):
            yield number, {"kind": kind, "where": where, "record": record}

    def clean_row(self, raw):
        kind, where, record = raw["kind"], raw["where"], raw["record"]
        error = reading.schema_error(where, record, kind)
        if error is not None:
            raise error
        organization = record.get("organization") if kind == "service" else record
        row = {"where": where, "organization": None, "service": None}
        if organization is not None:
            prefix = f"{where}.organization." if kind == "service" else f"{where}."
            found = reading.organization_details(organization, self.authority)
            columns = {k: prefix + v for k, v in ORG_COLUMNS.items()}
            found.details = common.clean(found.details, self.authority, columns)
            row["organization"] = found
        if kind == "service":
            service = reading.service_details(record)
            try:
                service.activity = clean_activity(service.activity, authority=self.authority)
            except services.DirectoryInvalid as invalid:
                name, reason = next(iter(invalid.errors.items()))
                raise RowError(f"{where}.{ACTIVITY_COLUMNS.get(name, name)}", reason) from None
            self._check_areas(where, service.area_codes)
            row["service"] = service
            row["organization_id"] = record.get("organization_id") or (organization or {}).get("id")
        return row

    def _check_areas(self, where: str, codes) -> None:
        if not codes:
            return
        held = Area.objects.filter(gss_code__in=codes)
        inside = {
            area.gss_code
            for area in held
            if area.pk == self.authority.pk or area.authority_id == self.authority.pk
        }
        outside = sorted(set(codes) - inside)
        if outside:
            raise RowError(
                f"{where}.service_areas",
                f"areas we do not hold in {self.authority.name}: {', '.join(outside[:10])}",
            )

    def check_rows(self, rows):
        problems, by_uuid, self.plans, self.notes = [], {}, [], []
        self.named_contacts, self.interests_by_name, pending = set(), {}, []
        for number, row in rows:
            found = row["organization"]
            if found is not None and found.uuid not in by_uuid:
                plan = Plan(row["where"], [found.uuid], found.details)
                by_uuid[found.uuid] = plan
                self.plans.append(plan)
                self._note_organisation(found)
            if row["service"] is not None:
                pending.append((number, row))
        for number, row in pending:
            plan = by_uuid.get(row["organization_id"])
            if plan is None:
                problems.append(
                    RowProblem(
                        number,
                        f"{row['where']}.organization_id",
                        "no organization with this id is in the file",
                    )
                )
                continue
            service = row["service"]
            plan.activities.append((row["where"], service.activity))
            plan.area_codes.update(service.area_codes)
            plan.boundary = plan.boundary or service.boundary
            plan.interests.update(service.interests)
            self.named_contacts.update(service.named_contacts)
        self._merge_plans()
        return problems

    def _note_organisation(self, found) -> None:
        name = found.details.get("name")
        if found.guessed_kind:
            self.notes.append(
                f"{name}: the feed does not say what kind of organisation it is; recorded as "
                f"{found.details['kind'].replace('_', ' ')} for an officer to check."
            )
        if found.other_identifiers:
            shown = ", ".join(found.other_identifiers)
            self.notes.append(f"{name}: identifiers we do not use were left out ({shown}).")
        self.named_contacts.update(found.named_contacts)
        self.interests_by_name.setdefault(name, set()).update(found.interests)

    def _merge_plans(self) -> None:
        index, kept = common.Index(), []
        extra = self.interests_by_name
        for plan in self.plans:
            plan.interests.update(extra.get(plan.details.get("name"), set()))
            first, reason = index.find(plan.details)
            if first is None:
                index.add(plan, plan.details)
                kept.append(plan)
                continue
            common.merge_into(first.details, plan.details)
            first.uuids += plan.uuids
            first.activities += plan.activities
            first.area_codes |= plan.area_codes
            first.interests |= plan.interests
            first.boundary = first.boundary or plan.boundary
            self.notes.append(
                f"Merged {plan.details['name']} ({plan.where}, id {plan.uuids[0]}) into "
                f"{first.details['name']} ({first.where}): {reason}."
            )
        self.plans = kept

    def load(self, rows, dataset, report):
        report.notes.extend(self.notes)
        held = common.existing(
            self.authority, lambda o: [(ids.organization_id(o), "same Open Referral id")]
        )
        unknown_interests: set[str] = set()
        for plan in self.plans:
            keys = [(uuid, "same Open Referral id") for uuid in plan.uuids]
            organisation, reason = held.find(plan.details, keys)
            tags, unknown = _tags(plan.interests)
            unknown_interests |= unknown
            if organisation is None:
                organisation = services.register_organisation(
                    actor=None, authority=self.authority, **plan.details
                )
                Organisation.records.filter(pk=organisation.pk).update(source_dataset=dataset)
                held.add(organisation, plan.details, keys)
                report.created += 1
                filled = ["everything"]
            else:
                filled = common.fill_blanks(organisation, plan.details)
                organisation.refresh_from_db()
            filled += self._benefit(organisation, plan)
            if tags and not organisation.interest_tags.exists():
                services.set_interest_tags(actor=None, organisation=organisation, slugs=tags)
                filled.append("communities of interest")
            added = self._activities(organisation, plan, report)
            if reason:
                changed = filled + (
                    [f"{added} {'activity' if added == 1 else 'activities'}"] if added else []
                )
                report.notes.append(
                    f"{plan.details['name']} ({plan.where}) is {organisation.name}, already held "
                    f"({reason})"
                    + (f": added {', '.join(changed)}." if changed else "; nothing new.")
                )
                if filled:
                    report.updated += 1
                else:
                    report.unchanged += 1
        if unknown_interests:
            report.notes.append(
                "Communities of interest not in our list, left out: "
                + ", ".join(sorted(unknown_interests))
                + "."
            )
        if self.named_contacts:
            report.notes.append(
                f"{len(self.named_contacts)} named contacts were not imported: people consent to "
                "being published by one directory, not by every directory that reads it."
            )

    def _benefit(self, organisation: Organisation, plan: Plan) -> list[str]:
        has_areas = (
            organisation.borough_wide
            or organisation.benefit_geometry is not None
            or organisation.benefit_areas.exists()
        )
        if has_areas or not (plan.area_codes or plan.boundary):
            return []
        borough_wide = self.authority.gss_code in plan.area_codes
        codes = sorted(plan.area_codes - {self.authority.gss_code})
        try:
            services.set_benefit(
                actor=None,
                organisation=organisation,
                area_codes=codes,
                boundary_geojson=plan.boundary,
                borough_wide=borough_wide and not codes,
            )
        except services.DirectoryError as exc:
            raise RowError(f"{plan.where} service_areas", exc.reason) from None
        return ["areas of benefit"]

    def _activities(self, organisation: Organisation, plan: Plan, report) -> int:
        held = {common.normalise_name(a.name): a for a in organisation.activities.all()}
        added = 0
        for _where, details in plan.activities:
            details = dict(details)
            if details.get("postcode") == organisation.postcode:
                details["postcode"] = ""  # our export gives the group's own meeting place
            key = common.normalise_name(details["name"])
            activity = held.get(key)
            if activity is None:
                held[key] = services.create_activity(
                    actor=None, organisation=organisation, **details
                )
                report.created += 1
                added += 1
                continue
            changes = {
                name: value
                for name, value in details.items()
                if value and not getattr(activity, name)
            }
            if changes:
                services.update_activity(actor=None, activity=activity, **changes)
                report.updated += 1
            else:
                report.unchanged += 1
        return added

    def counts(self):
        return {
            f"Organisations in {self.authority.name}": Organisation.records.in_authority(
                self.authority
            ).count(),
            f"Activities in {self.authority.name}": Activity.objects.filter(
                organisation__authority=self.authority
            ).count(),
        }


def _tags(words) -> tuple[list[str], set[str]]:
    """Our tag slugs for the interest words given, and the words we do not list."""
    current = list(InterestTag.objects.current())
    by_word = {tag.slug: tag.slug for tag in current}
    by_word.update({tag.name.casefold(): tag.slug for tag in current})
    slugs, unknown = set(), set()
    for word in words:
        slug = by_word.get(word) or by_word.get(word.casefold())
        if slug:
            slugs.add(slug)
        else:
            unknown.add(word)
    return sorted(slugs), unknown
