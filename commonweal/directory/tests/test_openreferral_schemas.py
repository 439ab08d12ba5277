"""`commonweal directory fetch-schemas`: the Open Referral UK schemas from the shared data,
the cache, or a download (a local server standing in for the publisher), checksum-checked."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from commonweal import cli
from commonweal.datasets.tests.test_download_server import LocalServer
from commonweal.directory.openreferral import schemas
from commonweal.directory.openreferral.schemas import FOLDER, SchemaUnavailable, schema_dir


@pytest.fixture
def no_shared_data(settings, tmp_path):
    """A council's deployment: no shared open data folder, an empty cache, no mirror set."""
    settings.COMMONWEAL_SHARED_DATA = tmp_path / "no-shared-data"
    settings.COMMONWEAL_CACHE_DIR = tmp_path / "cache"
    settings.COMMONWEAL_SOURCE_BASE_URL = ""
    return tmp_path / "cache" / "data" / FOLDER


@pytest.fixture
def mirror(shared_data):
    """A mirror laid out like the shared data folder, served straight from it."""
    with LocalServer(root=shared_data) as local:
        yield local


def run(*args) -> str:
    out = StringIO()
    call_command("directory_fetch_schemas", "--quiet", *args, stdout=out)
    return out.getvalue()


def cached_files(settings) -> list[str]:
    root = settings.COMMONWEAL_CACHE_DIR
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def example(shared_data) -> dict:
    return json.loads((shared_data / FOLDER / "examples" / "service_full.json").read_text())


def test_the_pinned_checksums_are_those_of_the_shared_copies(shared_data):
    folder = shared_data / FOLDER
    assert set(schemas.FILES) == {
        path.name
        for path in folder.glob("*.json")
        if path.name not in ("openapi.json", "datapackage.json")
    }
    for name, (_, expected) in schemas.FILES.items():
        assert schemas.sha256(folder / name) == expected, name


def test_the_official_addresses_name_the_pinned_commit():
    assert schemas.official_url("service.json") == (
        "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/"
        "ecdfabf78944d480d7f580d08b702b08cbec4b09/schema/service.json"
    )
    assert schemas.official_url("compiled_service.json").endswith("/schema/compiled/service.json")


def test_the_shared_data_comes_first_and_nothing_is_downloaded(settings, shared_data, tmp_path):
    settings.COMMONWEAL_CACHE_DIR = tmp_path / "cache"
    assert schema_dir() == shared_data / FOLDER
    with LocalServer() as server:
        assert "shared open data folder" in run("--source-base-url", server.base_url)
        assert server.total_requests() == 0
    assert not (tmp_path / "cache").exists()


def test_without_shared_data_or_cache_it_says_what_to_run(no_shared_data):
    with pytest.raises(SchemaUnavailable) as caught:
        schema_dir()
    message = str(caught.value)
    assert "commonweal directory fetch-schemas" in message
    assert str(no_shared_data) in message
    assert "no-shared-data" in message


def test_fetches_from_the_publisher_into_an_empty_cache_then_validates_from_it(
    no_shared_data, shared_data, settings, monkeypatch
):
    with LocalServer() as server:
        for name, (repo_path, _) in schemas.FILES.items():
            server.add(
                f"OpenReferralUK/uk-profile/{schemas.COMMIT}/{repo_path}",
                (shared_data / FOLDER / name).read_bytes(),
            )
        monkeypatch.setattr(schemas, "PUBLISHER_BASE_URL", server.base_url)
        output = run()
        assert server.total_requests() == len(schemas.FILES)
        assert f"Downloaded {len(schemas.FILES)} of {len(schemas.FILES)}" in output
        assert schema_dir() == no_shared_data
        assert sorted(p.name for p in no_shared_data.iterdir()) == sorted(schemas.FILES)
        # Only the unpacked files are kept (no raw downloads left beside them).
        assert cached_files(settings) == sorted(f"data/{FOLDER}/{name}" for name in schemas.FILES)
        assert schemas.problems(example(shared_data), "service") == []
        broken = dict(example(shared_data), status="open")
        assert [p.path for p in schemas.problems(broken, "service")] == ["status"]
        # Again: everything comes from the cache, nothing is fetched.
        assert "already in the cache" in run()
        assert server.total_requests() == len(schemas.FILES)


def test_fetches_from_a_mirror_laid_out_like_the_shared_folder(no_shared_data, mirror):
    run("--source-base-url", mirror.base_url)
    assert mirror.requests[f"/{FOLDER}/service.json"] == 1
    assert schema_dir() == no_shared_data


def test_a_file_that_is_not_the_published_one_is_refused_and_nothing_is_kept(
    no_shared_data, mirror, settings
):
    mirror.add(f"{FOLDER}/service.json", b'{"type": "object"}\n')
    with pytest.raises(CommandError) as caught:
        run("--source-base-url", mirror.base_url)
    message = str(caught.value)
    assert "Refused service.json" in message
    assert schemas.COMMIT in message
    assert "checksum" in message
    assert "Nothing was kept in the cache" in message
    # Files before it were downloaded and checked, then removed with it.
    assert mirror.requests[f"/{FOLDER}/accessibility.json"] == 1
    assert cached_files(settings) == []
    with pytest.raises(SchemaUnavailable):
        schema_dir()


def test_a_changed_file_in_the_cache_is_fetched_again(no_shared_data, mirror):
    run("--source-base-url", mirror.base_url)
    (no_shared_data / "phone.json").write_text("{}")
    assert "Downloaded 1 of" in run("--source-base-url", mirror.base_url)
    assert schemas.sha256(no_shared_data / "phone.json") == schemas.FILES["phone.json"][1]


def test_offline_with_nothing_stops_clearly(no_shared_data, settings):
    with pytest.raises(CommandError) as caught:
        run("--offline")
    message = str(caught.value)
    assert "Open Referral UK schema accessibility.json" in message
    assert "Downloads are turned off" in message
    assert "without --offline" in message
    assert schemas.COMMIT in message  # the address it would have fetched
    assert not settings.COMMONWEAL_CACHE_DIR.exists() or cached_files(settings) == []


@pytest.mark.django_db
def test_the_importer_without_schemas_says_what_to_run(calderdale, no_shared_data, tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps([{"id": "0d5b7a3e-8c1f-4e6a-b2d9-6f7e8a9b0c1d", "name": "A"}]))
    with pytest.raises(CommandError, match="commonweal directory fetch-schemas"):
        call_command(
            "import", "openreferral-uk", str(feed), "--option", "authority=E08000033", "--quiet"
        )


def test_the_operator_command_is_two_words():
    assert cli._resolve(["directory", "fetch-schemas", "--offline"]) == [
        "directory_fetch_schemas",
        "--offline",
    ]
    assert cli._resolve(["demo", "load"]) == ["demo_load"]
