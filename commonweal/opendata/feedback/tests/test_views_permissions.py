"""Every page, for every persona: who gets it (200), who is sent to sign in (302), who is
refused (403). The report was raised by the reporter for the leader's group and went to the
council's street services, where `staff` works."""

import pytest
from django.urls import reverse

from commonweal.core.testing import assert_valid_html
from commonweal.opendata.feedback import services
from commonweal.opendata.feedback.tests.conftest import PERSONAS, POSTCODE, client_for

pytestmark = pytest.mark.django_db

EVERYONE = set(PERSONAS)
SIGNED_IN = EVERYONE - {"anonymous"}
ANSWERING = {"staff", "officer", "administrator"}
FOLLOWING_UP = {"reporter", "leader"}
OFFICERS = {"officer", "administrator"}


def _expect(client, url, allowed, who, method="get", data=None):
    response = getattr(client, method)(url, data or {})
    if who in allowed:
        assert response.status_code in (200, 302), (who, url, response.status_code)
        if method == "get":
            assert response.status_code == 200, (who, url)
            if response["Content-Type"].startswith("text/html"):
                assert_valid_html(response, url)
    elif who == "anonymous":
        assert response.status_code == 302 and "/accounts/" in response["Location"], (who, url)
    else:
        assert response.status_code == 403, (who, url, response.status_code)
    return response


@pytest.fixture
def triaged(catalogue, reporter):
    return services.raise_report(
        actor=reporter,
        service=catalogue["repairs"],
        title="Damp",
        description="Mould.",
        postcode=POSTCODE,
    )


@pytest.fixture
def responded(report, staff):
    services.respond(actor=staff, report=report, note="Fixed.")
    return report


@pytest.mark.parametrize("who", PERSONAS)
def test_public_pages(client, personas, report, who):
    client = client_for(client, personas[who])
    for name in ("list", "catalogue", "league", "reports_csv", "league_csv"):
        _expect(client, reverse(f"feedback:{name}"), EVERYONE, who)
    _expect(client, reverse("feedback:detail", args=[report.pk]), EVERYONE, who)


@pytest.mark.parametrize("who", PERSONAS)
def test_pages_for_the_signed_in(client, personas, report, who):
    client = client_for(client, personas[who])
    _expect(client, reverse("feedback:new"), SIGNED_IN, who)
    _expect(client, reverse("feedback:yours"), SIGNED_IN, who)
    _expect(client, reverse("feedback:triage"), OFFICERS, who)
    queue = reverse("feedback:provider_queue", args=[report.provider.organisation.slug])
    _expect(client, queue, ANSWERING, who)


@pytest.mark.parametrize("who", PERSONAS)
@pytest.mark.parametrize("event", ["acknowledge", "respond"])
def test_answering_pages(client, personas, report, who, event):
    client = client_for(client, personas[who])
    _expect(client, reverse("feedback:step", args=[report.pk, event]), ANSWERING, who)


@pytest.mark.parametrize("who", PERSONAS)
@pytest.mark.parametrize("event", ["reopen", "escalate", "close"])
def test_following_up_pages(client, personas, responded, who, event):
    client = client_for(client, personas[who])
    _expect(client, reverse("feedback:step", args=[responded.pk, event]), FOLLOWING_UP, who)


@pytest.mark.parametrize("who", PERSONAS)
def test_routing_page(client, personas, triaged, who):
    client = client_for(client, personas[who])
    _expect(client, reverse("feedback:route", args=[triaged.pk]), OFFICERS, who)


@pytest.mark.parametrize("who", PERSONAS)
def test_support_pages(client, personas, report, leader, who):
    client = client_for(client, personas[who])
    _expect(client, reverse("feedback:collect", args=[report.pk]), FOLLOWING_UP, who)
    services.collect_support(actor=leader, report=report, group=report.group)
    _expect(client, reverse("feedback:support", args=[report.pk]), SIGNED_IN, who)
    _expect(client, reverse("feedback:withdraw", args=[report.pk]), SIGNED_IN, who, "post")


@pytest.mark.parametrize("who", PERSONAS)
def test_the_public_page_never_names_the_reporter_or_the_place(
    client, personas, report, leader, who
):
    services.collect_support(actor=leader, report=report, group=report.group)
    services.add_support(actor=personas["resident"], report=report, consent=True)
    page = client_for(client, personas[who]).get(reverse("feedback:detail", args=[report.pk]))
    text = page.content.decode()
    sees_private = who in FOLLOWING_UP | ANSWERING
    assert ("Ravi Reporter" in text) == sees_private
    assert (POSTCODE in text) == sees_private
    assert report.lsoa.gss_code in text
    # The group's leaders (the reporter is one of its administrators), the provider, officers.
    names_shown = {"leader", "reporter", "staff", "officer", "administrator"}
    assert ("Rita Resident" in text) == (who in names_shown)
    assert "1 resident supports this report" in text


@pytest.mark.parametrize("who", PERSONAS)
def test_keeping_the_catalogue(client, personas, catalogue, calderdale, who):
    client = client_for(client, personas[who])
    _expect(client, reverse("feedback:manage"), OFFICERS, who)
    _expect(
        client,
        reverse("feedback:add_service"),
        OFFICERS,
        who,
        "post",
        {"service-name": f"Potholes {who}"},
    )
    _expect(
        client,
        reverse("feedback:add_provider"),
        OFFICERS,
        who,
        "post",
        {
            "provider-organisation": catalogue["contractor"].organisation.slug,
            "provider-sector": "private",
        },
    )
    _expect(
        client,
        reverse("feedback:add_responsibility"),
        OFFICERS,
        who,
        "post",
        {
            "responsibility-service": "bins",
            "responsibility-area": calderdale.gss_code,
            "responsibility-provider": catalogue["contractor"].organisation.slug,
        },
    )
    held = catalogue["lighting"].responsibilities.get()
    _expect(
        client, reverse("feedback:remove_responsibility", args=[held.pk]), OFFICERS, who, "post"
    )
