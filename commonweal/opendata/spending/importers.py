"""Local Government Transparency Code spending files: over £500, and procurement cards.

Either column style (see columns.py); any council we hold boundaries for, found from the
file's organisation column or given as `--option authority=E08000033`.
"""

import csv
import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

from commonweal.datasets.importing import Importer, RowError, RowProblem, register_importer
from commonweal.datasets.importing.base import open_text
from commonweal.opendata.spending import columns, engine

NO_SERVICE_AREA = "Not stated in the file"


@dataclass(slots=True)
class SpendRow:
    line: int
    date: date
    amount: Decimal
    vat: Decimal | None
    supplier: str
    supplier_key: str
    supplier_ref: str
    company_number: str
    charity_number: str
    vat_number: str
    service_area: str
    category: str
    expense_code: str
    purpose: str
    transaction: str
    invoice: str
    organisation: str
    key: str = ""


def _text(values: list[str], fields: dict[str, int], name: str, limit: int = 300) -> str:
    index = fields.get(name)
    if index is None:
        return ""
    value = values[index].strip()
    return "" if value.casefold() in ("na", "n/a") and name != "supplier" else value[:limit]


class SpendingImporter(Importer):
    """The shared reading and cleaning; the load is in spending/load.py."""

    kind: ClassVar[str]
    publisher = "The council named in the file (Local Government Transparency Code)"
    units = "payments in pounds, net of recoverable VAT; credits are negative"

    def read(self, path: Path):
        self._occurrences: Counter = Counter()
        self._seen: set[str] = set()
        with open_text(path) as handle:
            reader = csv.reader(handle)
            try:
                header = [name.strip() for name in next(reader, [])]
                fields, missing = columns.map_header(header)
                if missing:
                    wanted = ", ".join(columns.LABELS[name] for name in missing)
                    raise RowError(
                        ", ".join(missing),
                        f"required column{'s' if len(missing) > 1 else ''} missing: {wanted}; "
                        f"the file has: {', '.join(header[:16]) or 'no header'}",
                    )
                self.fields, self.width, self.header = fields, len(header), header
                self.style = columns.style_of(header)
                for values in reader:
                    if not any(value.strip() for value in values):
                        continue
                    yield reader.line_num, {"line": reader.line_num, "values": values}
            except UnicodeDecodeError as exc:
                raise RowError(
                    "", f"the file is not UTF-8 text ({exc.reason}); save it as UTF-8 CSV"
                ) from exc
            except csv.Error as exc:
                raise RowError(
                    "", f"line {reader.line_num}: the CSV cannot be read ({exc})"
                ) from exc

    def clean_row(self, raw: dict[str, Any]) -> SpendRow:
        values, fields = raw["values"], self.fields
        if len(values) < self.width:
            raise RowError("", f"the row has {len(values)} fields, not {self.width}")

        def value(name: str, limit: int = 300) -> str:
            return _text(values, fields, name, limit)

        try:
            when = engine.parse_date(value("date"))
        except engine.BadValue as exc:
            raise RowError(self._header("date"), str(exc)) from None
        try:
            amount = engine.parse_amount(value("amount"))
        except engine.BadValue as exc:
            raise RowError(self._header("amount"), str(exc)) from None
        try:
            vat = engine.parse_optional_amount(value("vat")) if "vat" in fields else None
        except engine.BadValue as exc:
            raise RowError(self._header("vat"), str(exc)) from None
        supplier = value("supplier")
        if not supplier:
            raise RowError(self._header("supplier"), "the supplier's name is missing")
        # A few real lines name no service area; they are kept, under a name that says so.
        service = value("service_area") or NO_SERVICE_AREA
        transaction = value("transaction", 64)
        if not transaction:
            raise RowError(self._header("transaction"), "the transaction number is missing")
        row = SpendRow(
            line=raw["line"],
            date=when,
            amount=amount,
            vat=vat,
            supplier=supplier,
            supplier_key=engine.normalise_name(supplier)[:200] or supplier.casefold()[:200],
            supplier_ref=value("supplier_ref", 60),
            company_number=value("company_number", 20),
            charity_number=value("charity_number", 20),
            vat_number=value("vat_number", 20),
            service_area=service,
            category=value("category"),
            expense_code=value("expense_code", 60),
            purpose=value("purpose"),
            transaction=transaction,
            invoice=value("invoice", 100),
            organisation=value("organisation"),
        )
        row.key = self._key(row)
        return row

    def _header(self, field: str) -> str:
        if field in self.fields:
            return self.header[self.fields[field]]
        return columns.ALIASES[field][0]

    def _key(self, row: SpendRow) -> str:
        """The transaction number where it is unique in the file; otherwise (Trafford's
        numbers cover several lines) a hash of the line and which repeat of it it is."""
        if row.transaction not in self._seen:
            self._seen.add(row.transaction)
            return row.transaction
        fields = "\x1f".join(
            str(v)
            for v in (
                row.transaction,
                row.date.isoformat(),
                row.amount,
                row.vat,
                row.supplier,
                row.service_area,
                row.category,
                row.purpose,
                row.invoice,
                row.expense_code,
            )
        )
        self._occurrences[fields] += 1
        digest = hashlib.sha256(f"{fields}\x1e{self._occurrences[fields]}".encode()).hexdigest()
        return f"h{digest[:63]}"

    def check_rows(self, rows: list[tuple[int, SpendRow]]) -> list[RowProblem]:
        from commonweal.opendata.spending.load import find_authority

        names = {row.organisation for _, row in rows if row.organisation}
        try:
            self.authority = find_authority(self.options.get("authority", ""), names)
        except RowError as exc:
            return [RowProblem(None, exc.column, exc.reason)]
        return []

    def load(self, rows, dataset, report) -> None:
        from commonweal.opendata.spending.load import load_payments

        load_payments(self, rows, dataset, report)

    def counts(self) -> dict[str, int]:
        from commonweal.opendata.models import Payment, ServiceArea, Supplier

        return {
            f"{self.title} payments": Payment.objects.filter(kind=self.kind).count(),
            "Suppliers": Supplier.objects.count(),
            "Service areas": ServiceArea.objects.count(),
        }


@register_importer
class CouncilSpending(SpendingImporter):
    source = "council-spending"
    kind = "over_500"
    title = "Council spending over £500"
    description = (
        "A council's monthly spending file under the Local Government Transparency Code "
        "(either the 2011 guidance's columns or the LGA Spend schema's)."
    )


@register_importer
class CouncilCardSpending(SpendingImporter):
    source = "council-card-spending"
    kind = "card"
    title = "Council procurement card transactions"
    description = "A council's procurement card transactions (Transparency Code, no lower limit)."
