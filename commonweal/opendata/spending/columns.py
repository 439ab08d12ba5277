"""The two column styles councils publish spending in, mapped to one set of fields.

- The 2011 "Local Spending Data" guidance (Calderdale): Body, Organisation Name, Date,
  Transaction Number, Net Amount, Supplier Name, Expense Area, Expense Type, ...
- The LGA "Spend" schema (Trafford): OrganisationLabel, PaymentDate, TransactionNumber,
  Amount, BeneficiaryName, OrganisationalUnit, ProclassLabel, ...

Header names are matched without regard to case, spaces or punctuation.
"""

import re

LGA = "LGA Spend schema"
GUIDANCE_2011 = "2011 Local Spending Data guidance"

# field -> the headers that carry it, most specific first.
ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("PaymentDate", "Payment Date", "Transaction Date", "Date Paid", "Date"),
    "amount": ("Net Amount", "Amount", "Amount Excluding VAT", "Value"),
    "vat": ("Irrecoverable VAT", "IrrecoverableVATAmount", "Irrecoverable VAT Amount"),
    "supplier": (
        "Supplier(Beneficiary) Name",
        "BeneficiaryName",
        "Supplier Name",
        "Beneficiary Name",
        "Supplier",
        "Beneficiary",
    ),
    "supplier_ref": ("Supplier ID", "BeneficiaryOtherID", "Supplier Reference"),
    "company_number": (
        "Supplier Registered Company Number",
        "BeneficiaryCompanyNumber",
        "Company Number",
    ),
    "charity_number": (
        "Supplier Registered Charity Number",
        "BeneficiaryCharityNumber",
        "Charity Number",
    ),
    "vat_number": ("VAT Registration Number", "VATRegistrationNumber"),
    "service_area": (
        "Expense Area",
        "OrganisationalUnit",
        "Service Area",
        "Service",
        "Department",
        "Directorate",
    ),
    "category": (
        "Procurement Classification: Council's Procurement Category Name",
        "Expense Type",
        "ProclassLabel",
        "Expenditure Category",
        "Expense Category",
    ),
    "expense_code": ("Expense Code", "ProfitCentre", "Cost Centre"),
    "purpose": (
        "Purpose of Spend (Summary)",
        "Purpose",
        "Merchant Category",
        "Extended Description",
        "Description",
    ),
    "transaction": (
        "TransactionNumber",
        "Transaction Number",
        "Transaction number",
        "Internal Ref Number",
        "Transaction ID",
        "Reference",
    ),
    "invoice": ("Invoice Number", "InvoiceNumber"),
    "organisation": (
        "OrganisationLabel",
        "Organisation Name",
        "Organistion Name",
        "Body Name",
        "Organisation",
    ),
}
REQUIRED = ("date", "amount", "supplier", "service_area", "transaction")
LABELS = {
    "date": "date",
    "amount": "amount",
    "supplier": "supplier name",
    "service_area": "service area (Expense Area or OrganisationalUnit)",
    "transaction": "transaction number",
}


def _squash(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", (header or "").casefold())


def map_header(header: list[str]) -> tuple[dict[str, int], list[str]]:
    """({field: column index}, [missing required fields]) for a header row."""
    positions = {_squash(name): i for i, name in reversed(list(enumerate(header)))}
    found: dict[str, int] = {}
    for field, names in ALIASES.items():
        for name in names:
            if _squash(name) in positions:
                found[field] = positions[_squash(name)]
                break
    missing = [field for field in REQUIRED if field not in found]
    return found, missing


def style_of(header: list[str]) -> str:
    squashed = {_squash(name) for name in header}
    return (
        LGA if "beneficiaryname" in squashed or "organisationlabel" in squashed else (GUIDANCE_2011)
    )
