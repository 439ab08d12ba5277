"""The pages: listing and filtering, one contract, the CSV, and officers' forms."""

import csv
import io

from django.urls import reverse

from commonweal.core.testing import assert_valid_html
from commonweal.opendata.contracts.models import Contract


def test_the_list_filters_by_service_supplier_area_and_sector(client, contract, supplier, wards):
    url = reverse("contracts:list")
    page = client.get(url)
    assert_valid_html(page, url)
    assert contract.title in page.content.decode()
    for query, shown in (
        ({"service": "Youth services"}, True),
        ({"supplier": supplier.slug}, True),
        ({"area": f"ward:{wards[0].gss_code}"}, True),
        ({"sector": "vcs"}, True),
        ({"sector": "private"}, False),
    ):
        response = client.get(url, query)
        assert response.status_code == 200
        assert (contract.title in response.content.decode()) is shown, query
    bad = client.get(url, {"sector": "mystery"})
    assert bad.status_code == 400
    assert_valid_html(bad, url)


def test_the_contract_page(client, contract):
    url = reverse("contracts:detail", args=[contract.pk])
    response = client.get(url)
    assert_valid_html(response, url)
    text = response.content.decode()
    assert "Ten local apprenticeships" in text
    assert "10% of the evaluation" in text
    assert contract.ocid in text
    assert client.get(reverse("contracts:detail", args=[999999])).status_code == 404


def test_the_csv(client, contract):
    response = client.get(reverse("contracts:csv"), {"service": "Youth services"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 1
    assert rows[0]["ocid"] == contract.ocid
    assert rows[0]["suppliers"] == "Calder Youth Trust"
    assert rows[0]["supplier_sectors"] == "Voluntary and community sector"
    assert rows[0]["social_value_weighting_percent"] == "10.00"


def test_an_officer_records_a_contract_through_the_form(
    client, officer, calderdale, supplier, wards
):
    client.force_login(officer)
    url = reverse("contracts:new") + f"?authority={calderdale.gss_code}"
    page = client.get(url)
    assert_valid_html(page, url)
    refused = client.post(
        url,
        {
            "title": "",
            "service": "",
            "buyer": "council",
            "currency": "GBP",
            "route": "challenge",
            "status": "awarded",
        },
    )
    assert refused.status_code == 400
    assert_valid_html(refused, url)
    text = refused.content.decode()
    assert "There is a problem" in text and "Enter the contract" in text
    refused = client.post(
        url,
        {
            "title": "Rangers",
            "service": "Parks",
            "buyer": "council",
            "currency": "GBP",
            "route": "open",
            "status": "awarded",
        },
    )
    assert refused.status_code == 400
    assert "needs at least one supplier" in refused.content.decode()
    response = client.post(
        url,
        {
            "title": "Park rangers",
            "service": "Parks",
            "buyer": "council",
            "supplier_1": str(supplier.pk),
            "value_amount": "12000",
            "currency": "GBP",
            "award_date": "2025-05-01",
            "areas_served": [wards[0].gss_code],
            "route": "open",
            "social_value_weighting": "5",
            "commitments": "Local jobs | people employed\nTree planting",
            "status": "awarded",
        },
    )
    contract = Contract.objects.get(title="Park rangers")
    assert response.status_code == 302 and response.url == reverse(
        "contracts:detail", args=[contract.pk]
    )
    assert [c.measure for c in contract.commitments.all()] == ["people employed", ""]
    assert list(contract.areas_served.all()) == [wards[0]]


def test_amend_and_status_pages(client, officer, contract):
    client.force_login(officer)
    for name in ("contracts:amend", "contracts:status"):
        url = reverse(name, args=[contract.pk])
        assert_valid_html(client.get(url), url)
    refused = client.post(reverse("contracts:amend", args=[contract.pk]), {"rationale": ""})
    assert refused.status_code == 400
    assert_valid_html(refused, "amend")
    same = client.post(reverse("contracts:status", args=[contract.pk]), {"status": "awarded"})
    assert same.status_code == 400
    assert "already awarded" in same.content.decode()
    assert_valid_html(client.get(reverse("contracts:import")), "import")
    assert_valid_html(client.get(reverse("contracts:new")), "choose")


def test_the_demo_makes_labelled_samples_through_the_services(calderdale, officer):
    from commonweal.opendata.contracts.demo import load_sample_contracts

    lines = load_sample_contracts(calderdale, officer, "pw")
    assert lines and "4 in Calderdale" in lines[0]
    samples = Contract.objects.filter(is_sample=True)
    assert samples.count() == 4
    assert all("(sample)" in c.title for c in samples)
    assert all(c.releases.exists() for c in samples)
    assert load_sample_contracts(calderdale, officer, "pw") == []
