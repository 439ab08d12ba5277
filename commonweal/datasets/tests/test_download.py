"""The download path, tested against a local HTTP server (never the real publishers)."""

import hashlib

import pytest
from django.core.management import call_command

from commonweal.datasets.download import DownloadFailed, cache_path_for, fetch
from commonweal.datasets.importing import importers
from commonweal.datasets.tests.test_download_server import LocalServer, closed_port_url

LSOA11 = "boundaries/calderdale_lsoa2011_bsc.geojson"


@pytest.fixture
def local_server():
    with LocalServer() as server:
        yield server


@pytest.fixture
def boundaries(shared_data) -> bytes:
    return (shared_data / LSOA11).read_bytes()


def cache_files(cache_dir):
    return sorted(p.name for p in cache_dir.rglob("*") if p.is_file()) if cache_dir.exists() else []


def test_downloads_into_the_cache_with_a_progress_bar(local_server, boundaries, tmp_path, capsys):
    url = local_server.add(LSOA11, boundaries)
    path = fetch(url, cache_dir=tmp_path, progress=True)
    assert path.read_bytes() == boundaries
    assert path.parent == tmp_path
    assert path.name.endswith("calderdale_lsoa2011_bsc.geojson")
    assert "Downloading calderdale_lsoa2011_bsc.geojson" in capsys.readouterr().err


def test_a_cached_file_is_not_fetched_again_unless_refreshed(local_server, boundaries, tmp_path):
    url = local_server.add(LSOA11, boundaries)
    first = fetch(url, cache_dir=tmp_path, progress=False)
    second = fetch(url, cache_dir=tmp_path, progress=False)
    assert first == second
    assert local_server.total_requests() == 1
    fetch(url, cache_dir=tmp_path, progress=False, refresh=True)
    assert local_server.total_requests() == 2


def test_a_matching_checksum_is_accepted(local_server, boundaries, tmp_path):
    url = local_server.add(LSOA11, boundaries)
    digest = hashlib.sha256(boundaries).hexdigest()
    assert fetch(url, cache_dir=tmp_path, progress=False, expected_sha256=digest).is_file()


def test_a_checksum_mismatch_is_discarded(local_server, boundaries, tmp_path):
    url = local_server.add(LSOA11, boundaries)
    with pytest.raises(DownloadFailed, match="did not match its expected checksum"):
        fetch(url, cache_dir=tmp_path, progress=False, expected_sha256="0" * 64)
    assert cache_files(tmp_path) == []


def test_a_cached_file_that_no_longer_matches_is_discarded(local_server, boundaries, tmp_path):
    url = local_server.add(LSOA11, boundaries)
    fetch(url, cache_dir=tmp_path, progress=False)
    with pytest.raises(DownloadFailed, match="the file was discarded"):
        fetch(url, cache_dir=tmp_path, progress=False, expected_sha256="0" * 64)
    assert not cache_path_for(url, tmp_path).exists()


def test_a_missing_file_says_so_and_leaves_nothing(local_server, tmp_path):
    with pytest.raises(DownloadFailed, match="answered 404"):
        fetch(local_server.url("missing/file.csv"), cache_dir=tmp_path, progress=False)
    assert cache_files(tmp_path) == []


def test_a_refused_connection_says_so_and_leaves_nothing(tmp_path):
    url = closed_port_url()
    with pytest.raises(DownloadFailed, match=r"could not be reached: .*[Cc]onnection refused"):
        fetch(url, cache_dir=tmp_path, progress=False)
    assert cache_files(tmp_path) == []


def test_a_truncated_body_says_so_and_leaves_nothing(local_server, boundaries, tmp_path):
    url = local_server.add(LSOA11, boundaries[:5000], truncate=True)
    with pytest.raises(DownloadFailed, match="stopped after 5000"):
        fetch(url, cache_dir=tmp_path, progress=False)
    assert cache_files(tmp_path) == []


def test_only_web_addresses_are_fetched(tmp_path):
    with pytest.raises(DownloadFailed, match="is not a web address"):
        fetch("ftp://example.org/file.csv", cache_dir=tmp_path)


@pytest.mark.django_db
def test_the_import_command_downloads_and_commits(
    local_server, boundaries, tmp_path, settings, capsys
):
    if "lsoa2011-boundaries" not in importers():
        pytest.skip("the LSOA 2011 boundaries importer is not registered")
    from commonweal.datasets.models import DataSet
    from commonweal.places.models import Area, AreaType

    settings.COMMONWEAL_CACHE_DIR = tmp_path
    url = local_server.add(LSOA11, boundaries)
    call_command("import", "lsoa2011-boundaries", url, "--commit", "--quiet")
    out = capsys.readouterr().out
    assert "Committed: lsoa2011-boundaries" in out
    assert local_server.total_requests() == 1
    assert cache_path_for(url, tmp_path).read_bytes() == boundaries
    codes = Area.objects.filter(area_type=AreaType.LSOA11, gss_code__startswith="E010")
    assert codes.filter(name__startswith="Calderdale ").count() == 128
    # The same file imported before (by the session's data) keeps its first DataSet.
    assert DataSet.objects.filter(
        source="lsoa2011-boundaries", checksum=hashlib.sha256(boundaries).hexdigest()
    ).exists()
