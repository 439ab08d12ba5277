"""`commonweal demo load`: from the shared data, from a mirror (a local server), or a clear stop."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from commonweal.datasets.tests.test_download_server import LocalServer

bundles = pytest.importorskip("commonweal.places.bundles")


@pytest.fixture
def demo_settings(settings, tmp_path):
    settings.COMMONWEAL_CACHE_DIR = tmp_path / "cache"
    settings.COMMONWEAL_DEMO_PASSWORD_FILE = tmp_path / "demo-password"
    settings.COMMONWEAL_SOURCE_BASE_URL = ""
    return settings


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("demo_load", "--quiet", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_loads_from_the_shared_data_then_changes_nothing(demo_settings, shared_data):
    from commonweal.accounts.models import Role, RoleAssignment, User
    from commonweal.places.models import Area, AreaType

    first = run()
    password = (demo_settings.COMMONWEAL_DEMO_PASSWORD_FILE).read_text().strip()
    assert (
        f"Sign in at http://127.0.0.1:8000/accounts/sign-in/ as officer@calderdale.demo "
        f"with password {password}"
    ) in first
    assert "from the data folder" in first
    calderdale = Area.objects.get(area_type=AreaType.LOCAL_AUTHORITY, gss_code="E08000033")
    assert Area.objects.of_type(AreaType.LSOA11).in_authority(calderdale).count() == 128
    officer = User.objects.get(email="officer@calderdale.demo")
    assert officer.check_password(password)
    assert (
        RoleAssignment.objects.current()
        .filter(user=officer, role=Role.OFFICER, authority=calderdale)
        .exists()
    )
    admin = User.objects.get(email="admin@commonweal.demo")
    assert RoleAssignment.objects.current().filter(user=admin, role=Role.ADMINISTRATOR).exists()

    counts = (Area.objects.count(), User.objects.count(), RoleAssignment.objects.count())
    second = run()
    assert "Nothing changed: Calderdale was already loaded." in second
    assert f"with password {password}" in second
    assert counts == (Area.objects.count(), User.objects.count(), RoleAssignment.objects.count())


@pytest.mark.django_db
def test_downloads_every_file_from_a_mirror_when_there_is_no_shared_data(
    demo_settings, shared_data, tmp_path
):
    from commonweal.places.models import Area, AreaType

    demo_settings.COMMONWEAL_SHARED_DATA = tmp_path / "no-shared-data"
    steps = bundles.BOROUGHS["calderdale"].steps
    with LocalServer(root=shared_data) as mirror:
        out = run("--source-base-url", mirror.base_url)
        assert mirror.total_requests() == len(steps)
        for step in steps:
            assert mirror.requests[f"/{step.path}"] == 1
            assert (tmp_path / "cache" / "data" / step.path).is_file()
        assert out.count(f"downloaded from {mirror.base_url}/") == len(steps)
        # Offline, the cache is enough; nothing is asked of the mirror.
        again = run("--offline", "--source-base-url", mirror.base_url)
        assert mirror.total_requests() == len(steps)
    assert "Nothing changed" in again
    assert "from the cache" in again
    assert Area.objects.filter(area_type=AreaType.LOCAL_AUTHORITY, gss_code="E08000033").exists()


@pytest.mark.django_db
def test_with_neither_shared_data_nor_downloads_it_stops_clearly(demo_settings, tmp_path):
    from commonweal.places.models import Area

    demo_settings.COMMONWEAL_SHARED_DATA = tmp_path / "no-shared-data"
    before = Area.objects.count()
    with pytest.raises(CommandError) as caught:
        run("--offline")
    message = str(caught.value)
    first = bundles.BOROUGHS["calderdale"].steps[0].path
    assert f"({first}) is missing" in message
    assert str(tmp_path / "no-shared-data" / first) in message
    assert "COMMONWEAL_SHARED_DATA" in message
    assert "without --offline" in message
    assert Area.objects.count() == before


@pytest.mark.django_db
def test_an_unreachable_publisher_stops_clearly(demo_settings, tmp_path):
    from commonweal.datasets.tests.test_download_server import closed_port_url

    demo_settings.COMMONWEAL_SHARED_DATA = tmp_path / "no-shared-data"
    with pytest.raises(CommandError, match=r"(?s)Downloading it failed: .*could not be reached"):
        run("--source-base-url", closed_port_url("mirror"))


@pytest.mark.django_db
def test_a_dry_run_saves_nothing(demo_settings, shared_data):
    from commonweal.accounts.models import User
    from commonweal.datasets.models import DataSet

    datasets, users = DataSet.objects.count(), User.objects.count()
    out = run("--dry-run")
    assert "Dry run: nothing was saved" in out
    assert (DataSet.objects.count(), User.objects.count()) == (datasets, users)


@pytest.mark.django_db
def test_an_unknown_borough_lists_the_known_ones(demo_settings):
    with pytest.raises(CommandError, match=r"no demo borough called 'atlantis'.*calderdale"):
        run("--borough", "atlantis")


def test_every_bundle_step_has_a_download_address_or_says_why_not():
    from urllib.parse import quote

    from commonweal.core.demo import download_address

    for borough in bundles.BOROUGHS.values():
        for step in borough.steps:
            address = download_address(borough, step)
            assert address.startswith("https://"), (borough.key, step.source)
            if "/FeatureServer/" in address:
                assert "&orderByFields=" in address, address  # a stable order to page in
            assert "geoportal.statistics.gov.uk/datasets/" not in address
            local = (borough.gss_code, quote(borough.name))
            national = ("/media/", "ons.gov.uk/file", "attachment_data")
            assert any(part in address for part in local + national), address


def test_postcodes_come_from_the_ons_postcode_directory_layer_with_the_importers_fields():
    import csv
    from urllib.parse import parse_qs, urlsplit

    from commonweal.core.demo import download_address
    from commonweal.places.importers.common import pick
    from commonweal.places.importers.postcodes import COLUMNS

    for key in ("calderdale", "trafford"):
        borough = bundles.BOROUGHS[key]
        step = next(step for step in borough.steps if step.source == "postcodes-ons")
        address, _, fragment = download_address(borough, step).partition("#")
        assert address.startswith(
            "https://services1.arcgis.com/ESMARspQHYMw9BZ9/arcgis/rest/services/"
            "ONSPD_Online_Latest_Centroids/FeatureServer/0/query?"
        )
        assert fragment == "as=csv"
        assert f"where=oslaua%3D%27{borough.gss_code}%27&" in address
        query = parse_qs(urlsplit(address).query)
        assert query["orderByFields"] == ["pcds"]
        assert query["f"] == ["geojson"]
        fields = next(csv.reader(query["outFields"]))
        # The CSV made from the layer has exactly these columns: the importer must find
        # every one it reads among them.
        for column, aliases in COLUMNS.items():
            assert pick(fields, *aliases), (column, fields)
        assert query["where"] == [f"oslaua='{borough.gss_code}'"]
        assert "oslaua" in fields


@pytest.mark.django_db
def test_with_no_shared_data_the_whole_bundle_downloads_from_layers_that_page(
    demo_settings, shared_data, tmp_path, monkeypatch
):
    """A local stand-in for the publishers: the ONS feature layers page (the postcode
    directory in four pages of 2,000, the boundaries in pages of 50) and the other files
    are served as they are. Every file is fetched, joined, converted and loaded."""
    import csv
    import json
    from urllib.parse import urlsplit

    from commonweal.core import demo
    from commonweal.datasets.download import is_layer_query
    from commonweal.datasets.tests.test_download_server import features_from_rows
    from commonweal.places.models import Area, AreaType, Postcode

    demo_settings.COMMONWEAL_SHARED_DATA = tmp_path / "no-shared-data"
    borough = bundles.BOROUGHS["calderdale"]
    postcodes = next(step for step in borough.steps if step.source == "postcodes-ons")
    with (shared_data / postcodes.path).open(encoding="utf-8", newline="") as handle:
        held = list(csv.DictReader(handle))
    # The demo's postcodes as the ONS Postcode Directory layer names them.
    directory = [
        {
            "pcds": row["pcds"],
            "lsoa11": row["lsoa11cd"],
            "lsoa21": None,
            "osward": row["ward_code_cpo_2025"],
            "oslaua": row["ladcd"],
            "lat": float(row["latitude"]) if row["latitude"] else None,
            "long": float(row["longitude"]) if row["longitude"] else None,
        }
        for row in held
    ]

    with LocalServer(root=shared_data) as publisher:
        monkeypatch.setattr(demo, "ARCGIS", publisher.url("arcgis/rest/services/"))
        official = demo.downloads
        files = {}
        for step in borough.steps:
            address = demo.download_address(borough, step)
            path = urlsplit(address).path
            if not is_layer_query(address):
                files[step.official_url] = publisher.url(step.path)
            elif step is postcodes:
                publisher.add_layer(path, features_from_rows(directory))
            elif step.path.endswith(".csv"):
                with (shared_data / step.path).open(encoding="utf-8", newline="") as handle:
                    rows = list(csv.DictReader(handle))
                publisher.add_layer(path, features_from_rows(rows), max_record_count=50)
            else:
                document = json.loads((shared_data / step.path).read_text(encoding="utf-8"))
                publisher.add_layer(path, document["features"], max_record_count=50)
        monkeypatch.setattr(demo, "downloads", lambda: {**official(), **files})

        out = run()

        layer = "/arcgis/rest/services/ONSPD_Online_Latest_Centroids/FeatureServer/0/query"
        assert publisher.requests[layer] == 4
        assert [query.split("resultOffset=")[1] for query in publisher.queries[layer]] == [
            "0&resultRecordCount=2000",
            "2000&resultRecordCount=2000",
            "4000&resultRecordCount=2000",
            "6000&resultRecordCount=2000",
        ]
        lsoa11 = next(step for step in borough.steps if step.source == "lsoa2011-boundaries")
        assert publisher.requests[urlsplit(demo.download_address(borough, lsoa11)).path] == 3
    assert out.count(f"downloaded from {publisher.base_url}/") == len(borough.steps)
    assert f"downloaded from {publisher.base_url}{layer}?where=oslaua%3D%27E08000033%27" in out
    calderdale = Area.objects.get(area_type=AreaType.LOCAL_AUTHORITY, gss_code="E08000033")
    assert Area.objects.of_type(AreaType.LSOA11).in_authority(calderdale).count() == 128
    assert Postcode.objects.filter(authority_code="E08000033").count() == len(held)
    first = held[0]
    postcode = Postcode.objects.get(postcode=first["pcds"])
    assert (postcode.lsoa11_code, postcode.ward_code) == (
        first["lsoa11cd"],
        first["ward_code_cpo_2025"],
    )
    assert postcode.latitude == pytest.approx(float(first["latitude"]))
    cached = tmp_path / "cache" / "data"
    assert [p.name for p in cached.rglob("*.part")] == []
    assert (cached / postcodes.path).is_file()
