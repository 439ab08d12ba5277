"""Loading cleaned spending rows: the authority, service areas, suppliers, payments."""

from itertools import islice

from commonweal.datasets.importing import RowError
from commonweal.opendata.models import Payment, ServiceArea, Supplier
from commonweal.opendata.models.spending import pence
from commonweal.places.models import Area, AreaType

BATCH = 1000
UPDATABLE = (
    "transaction_number",
    "date",
    "amount_pence",
    "vat_pence",
    "supplier_id",
    "service_area_id",
    "expense_category",
    "expense_code",
    "purpose",
    "invoice_number",
)


def find_authority(code: str, names: set[str]) -> Area:
    """The council: given by its GSS code, or the one whose name the file's organisation
    column contains ("The Borough of Calderdale", "Trafford Council")."""
    councils = Area.objects.filter(area_type=AreaType.LOCAL_AUTHORITY)
    if code:
        found = councils.filter(gss_code=code.strip().upper()).first()
        if found is None:
            raise RowError("authority", f"we hold no local authority with the code {code}")
        return found
    if not names:
        raise RowError(
            "authority",
            "the file does not name the council; give it as --option authority=<GSS code>",
        )
    matches = {
        council
        for council in councils
        for name in names
        if council.name.casefold() in name.casefold()
    }
    if len(matches) != 1:
        said = ", ".join(sorted(names)[:3])
        what = "no council we hold" if not matches else "more than one council"
        raise RowError(
            "authority",
            f"the file's organisation ({said}) matches {what}; "
            "give it as --option authority=<GSS code>",
        )
    return matches.pop()


def load_payments(importer, rows, dataset, report) -> None:
    from commonweal.opendata.spending.matching import classify_suppliers

    authority = importer.authority
    rows = list(rows)
    services = _service_areas(authority, {row.service_area for row in rows})
    suppliers = _suppliers(authority, rows)
    iterator = iter(rows)
    while batch := list(islice(iterator, BATCH)):
        _load_batch(importer.kind, authority, batch, services, suppliers, dataset, report)
    reclassified = classify_suppliers(authority, ids={s.pk for s in suppliers.values()})
    credits = [row.amount for row in rows if row.amount < 0]
    report.notes.append(
        f"Council: {authority.name} ({authority.gss_code}); columns: {importer.style}."
    )
    report.notes.append(
        f"Credits (negative amounts): {len(credits)}, totalling £{-sum(credits):,.2f}."
    )
    under = sum(1 for row in rows if 0 <= row.amount < 500)
    if importer.kind == "over_500" and under:
        report.notes.append(f"Lines under £500 (published too, and kept): {under}.")
    if reclassified:
        report.notes.append(f"Suppliers whose sector or directory match changed: {reclassified}.")


def _service_areas(authority, names: set[str]) -> dict[str, ServiceArea]:
    found = {s.name: s for s in ServiceArea.objects.filter(authority=authority, name__in=names)}
    new = [ServiceArea(authority=authority, name=name) for name in sorted(names - set(found))]
    ServiceArea.objects.bulk_create(new)
    if new:
        found = {s.name: s for s in ServiceArea.objects.filter(authority=authority, name__in=names)}
    return found


def _suppliers(authority, rows) -> dict[str, Supplier]:
    first: dict[str, object] = {}
    for row in rows:
        seen = first.get(row.supplier_key)
        if seen is None or (
            not (seen.company_number or seen.charity_number)
            and (row.company_number or row.charity_number)
        ):
            first[row.supplier_key] = row
    found = {s.key: s for s in Supplier.objects.filter(authority=authority, key__in=list(first))}
    changed = []
    for key, supplier in found.items():
        row = first[key]
        for field, value in (
            ("company_number", row.company_number),
            ("charity_number", row.charity_number),
            ("vat_number", row.vat_number),
            ("supplier_ref", row.supplier_ref),
        ):
            if value and not getattr(supplier, field):
                setattr(supplier, field, value)
                changed.append(supplier)
    if changed:
        Supplier.objects.bulk_update(
            set(changed), ["company_number", "charity_number", "vat_number", "supplier_ref"]
        )
    new = [
        Supplier(
            authority=authority,
            key=key,
            name=row.supplier,
            supplier_ref=row.supplier_ref,
            company_number=row.company_number,
            charity_number=row.charity_number,
            vat_number=row.vat_number,
        )
        for key, row in first.items()
        if key not in found
    ]
    Supplier.objects.bulk_create(new, batch_size=BATCH)
    if new:
        found = {
            s.key: s for s in Supplier.objects.filter(authority=authority, key__in=list(first))
        }
    return found


def _load_batch(kind, authority, batch, services, suppliers, dataset, report) -> None:
    existing = {
        p.key: p
        for p in Payment.objects.filter(
            authority=authority, kind=kind, key__in=[row.key for row in batch]
        )
    }
    create, update = [], []
    for row in batch:
        values = {
            "transaction_number": row.transaction,
            "date": row.date,
            "amount_pence": pence(row.amount),
            "vat_pence": None if row.vat is None else pence(row.vat),
            "supplier_id": suppliers[row.supplier_key].pk,
            "service_area_id": services[row.service_area].pk,
            "expense_category": row.category,
            "expense_code": row.expense_code,
            "purpose": row.purpose,
            "invoice_number": row.invoice,
        }
        payment = existing.get(row.key)
        if payment is None:
            create.append(
                Payment(dataset=dataset, authority=authority, kind=kind, key=row.key, **values)
            )
            report.created += 1
            continue
        if all(getattr(payment, name) == value for name, value in values.items()):
            report.unchanged += 1
            continue
        for name, value in values.items():
            setattr(payment, name, value)
        payment.dataset = dataset
        update.append(payment)
        report.updated += 1
    Payment.objects.bulk_create(create, batch_size=500)
    Payment.objects.bulk_update(update, [*UPDATABLE, "dataset"], batch_size=500)
