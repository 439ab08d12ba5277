"""Borough bundles: real files, official addresses, loaded atomically."""

import dataclasses

import pytest
from django.conf import settings

from commonweal.datasets.importing import ImportFailed, get_importer
from commonweal.places import bundles
from commonweal.places.models import Area, AreaType, Postcode

DATA = settings.COMMONWEAL_SHARED_DATA


@pytest.mark.parametrize("key", sorted(bundles.BOROUGHS))
def test_every_step_names_a_real_file_and_an_official_publication(key):
    borough = bundles.BOROUGHS[key]
    assert borough.key == key
    for step in borough.steps:
        assert (DATA / step.path).is_file(), step.path
        assert step.official_url.startswith("https://"), step.source
        get_importer(step.source)(**step.options)  # the options are ones it accepts


@pytest.mark.django_db
def test_a_dry_run_of_a_whole_borough_writes_nothing():
    before = Area.objects.count()
    reports = bundles.load_borough("kensington_chelsea", DATA, commit=False)
    assert [r.source for r in reports] == [
        s.source for s in bundles.BOROUGHS["kensington_chelsea"].steps
    ]
    assert not any(r.committed for r in reports)
    assert (
        reports[1].changes["LSOA 2011 areas"][1] - reports[1].changes["LSOA 2011 areas"][0] == 103
    )
    assert Area.objects.count() == before


@pytest.mark.django_db
def test_a_failing_step_undoes_the_whole_borough(monkeypatch):
    borough = bundles.BOROUGHS["kensington_chelsea"]
    broken = dataclasses.replace(
        borough,
        steps=(*borough.steps, bundles.Step("postcodes-ons", "postcodes/absent.csv", "https://x")),
    )
    monkeypatch.setitem(bundles.BOROUGHS, "kensington_chelsea", broken)
    before = (Area.objects.count(), Postcode.objects.count())
    seen = []
    with pytest.raises(ImportFailed):
        bundles.load_borough(
            "kensington_chelsea", DATA, progress=lambda n, of, step: seen.append((n, of))
        )
    assert (Area.objects.count(), Postcode.objects.count()) == before
    assert seen[-1] == (len(broken.steps), len(broken.steps))
    assert not Area.objects.filter(
        area_type=AreaType.LOCAL_AUTHORITY, gss_code="E09000020"
    ).exists()
