"""Importing an OCDS 1.1 release package: validated in full, atomic, dry run unless committed.

Every release is checked against the release schema (the JSON path and the reason for each
problem); releases are grouped by ocid, compiled, and read back into contracts whose buyer,
suppliers and areas must already be in our directory and places. Releases are kept exactly
as given, so a package we published comes back unchanged; one we already hold changes nothing.
"""

import datetime as dt
import json
from pathlib import Path

from django.utils import timezone

from commonweal.core import audit
from commonweal.core.permissions import can
from commonweal.datasets.importing import Importer, RowError, RowProblem, register_importer
from commonweal.opendata.contracts.models import Amendment, Contract, Release
from commonweal.opendata.contracts.ocds import schemas
from commonweal.opendata.contracts.ocds.merge import compile_releases
from commonweal.opendata.contracts.ocds.packages import schema_dir
from commonweal.opendata.contracts.ocds.reading import Unreadable, read_contract
from commonweal.opendata.contracts.services.errors import ContractError
from commonweal.opendata.contracts.services.recording import _apply, summary
from commonweal.opendata.contracts.services.validation import validate

FIELD_PATHS = {
    "title": "tender.title",
    "service": "tender.items[0].description",
    "buyer": "buyer",
    "suppliers": "awards[0].suppliers",
    "award_date": "awards[0].date",
    "end_date": "contracts[0].period.endDate",
    "currency": "contracts[0].value.currency",
    "value_amount": "contracts[0].value.amount",
    "challenge_reference": "relatedProcesses",
    "social_value_weighting": "tender.awardCriteriaDetails",
    "cpv_code": "tender.items[0].classification.id",
}


def _when(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


@register_importer
class OcdsReleasePackageImporter(Importer):
    source = "ocds-release-package"
    title = "Contracts for public services (OCDS release package)"
    publisher = "The publisher named in the package"
    units = "contracting processes"
    description = "Open Contracting Data Standard 1.1 releases about contracts for public services."

    def read(self, path: Path):
        try:
            package = json.loads(Path(path).read_text(encoding="utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise RowError("$", f"the file is not UTF-8 text ({exc.reason})") from exc
        except json.JSONDecodeError as exc:
            raise RowError("$", f"the file is not JSON (line {exc.lineno}: {exc.msg})") from exc
        if not isinstance(package, dict) or not isinstance(package.get("releases"), list):
            raise RowError("$.releases", "an OCDS release package has a list of releases")
        envelope = [
            p
            for p in schemas.problems(package, schemas.RELEASE_PACKAGE, schema_dir())
            if not p.path.startswith("$.releases[")
        ]
        if envelope:
            raise RowError(envelope[0].path, envelope[0].reason)
        publisher = package.get("publisher") or {}
        if publisher.get("name"):
            self.publisher = publisher["name"][:200]
        if package.get("license"):
            self.licence_url = package["license"]
        for index, release in enumerate(package["releases"]):
            yield None, (index, release)

    def clean_row(self, raw):
        index, release = raw
        where = f"$.releases[{index}]"
        if not isinstance(release, dict):
            raise RowError(where, "a release is a JSON object")
        found = schemas.problems(release, schemas.RELEASE, schema_dir())
        if found:
            more = (
                f" (and {len(found) - 1} more problems in this release)" if len(found) > 1 else ""
            )
            raise RowError(where + found[0].path[1:], found[0].reason + more)
        return index, release

    def check_rows(self, rows):
        problems: list[RowProblem] = []
        self._plans = []
        by_ocid: dict[str, list[tuple[int, dict]]] = {}
        for _, (index, release) in rows:
            by_ocid.setdefault(release["ocid"], []).append((index, release))
        for ocid, given in by_ocid.items():
            problem = self._plan(ocid, given)
            if problem:
                problems.append(problem)
        return problems

    def _plan(self, ocid: str, given: list[tuple[int, dict]]) -> RowProblem | None:
        contract = Contract.objects.filter(ocid=ocid).first()
        held = {r.release_id: r.data for r in contract.releases.all()} if contract else {}
        seen: set[str] = set()
        new = []
        for index, release in given:
            where = f"$.releases[{index}].id"
            if release["id"] in seen:
                return RowProblem(None, where, f"the release id “{release['id']}” appears twice")
            seen.add(release["id"])
            if release["id"] in held:
                if held[release["id"]] != release:
                    return RowProblem(
                        None, where, "we hold a different release with this id for this ocid"
                    )
                continue
            new.append((index, release))
        last_index = given[-1][0]
        where = f"$.releases[{last_index}]"
        compiled = compile_releases([*held.values(), *(r for _, r in new)])
        try:
            details = read_contract(compiled, where)
            authority = details.pop("authority")
            amendments = details.pop("amendments")
            values = validate(details, authority)
        except Unreadable as exc:
            return RowProblem(None, exc.path, exc.reason)
        except ContractError as exc:
            field = next(iter(exc.errors))
            return RowProblem(None, f"{where}.{FIELD_PATHS.get(field, field)}", exc.reason)
        actor = self.options.get("actor")
        permission = "contracts.change_contract" if contract else "contracts.add_contract"
        if actor is not None and not can(actor, permission, contract or authority):
            return RowProblem(
                None, f"{where}.buyer", f"you may not record contracts for {authority.name}"
            )
        self._plans.append((ocid, contract, authority, values, amendments, new))
        return None

    def load(self, rows, dataset, report):
        for ocid, contract, authority, values, amendments, new in self._plans:
            if not new:
                report.unchanged += 1
                continue
            created = contract is None
            if created:
                contract = Contract.objects.create(
                    ocid=ocid, authority=authority, source_dataset=dataset, title=values["title"]
                )
            before = None if created else summary(contract)
            _apply(contract, values)
            start = contract.releases.count()
            for offset, (_, release) in enumerate(sorted(new, key=lambda r: r[1]["date"])):
                Release.objects.create(
                    contract=contract,
                    release_id=release["id"],
                    sequence=start + offset + 1,
                    date=_when(release["date"]),
                    tags=release["tag"],
                    status=contract.status,
                    data=release,
                    imported=True,
                )
            contract.amendments.all().delete()
            for number, (stage, item) in enumerate(amendments, start=1):
                Amendment.objects.create(
                    contract=contract,
                    number=number,
                    stage=stage,
                    date=_when(item["date"]) if item.get("date") else timezone.now(),
                    rationale=item.get("rationale") or "",
                    description=item.get("description") or "",
                    amends_release_id=item.get("amendsReleaseID") or "",
                    release_id=item.get("releaseID") or "",
                )
            report.created += created
            report.updated += not created
            audit.record(
                "contracts.imported",
                actor=self.options.get("actor"),
                actor_label="import",
                obj=contract,
                before=before,
                after={**summary(contract), "releases": [r["id"] for _, r in new]},
            )

    def counts(self):
        return {"Contracts": Contract.objects.count(), "OCDS releases": Release.objects.count()}
