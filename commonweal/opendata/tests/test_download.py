import zipfile
from datetime import date

import pytest

from commonweal.datasets.download import DownloadFailed
from commonweal.datasets.tests.test_download_server import LocalServer
from commonweal.opendata.download import archive_url, fetch_archive, force_file
from commonweal.opendata.tests.conftest import import_crime

JULY = date(2018, 7, 1)


@pytest.fixture
def archive_bytes(calderdale_2018, tmp_path):
    path = tmp_path / "built.zip"
    with zipfile.ZipFile(path, "w") as zipped:
        zipped.write(calderdale_2018, "2018-07/2018-07-west-yorkshire-street.csv")
    return path.read_bytes()


def test_the_archive_address_follows_data_police_uk():
    assert archive_url(JULY) == "https://data.police.uk/data/archive/2018-07.zip"


@pytest.mark.django_db
def test_an_archive_is_fetched_once_and_imported(calderdale, archive_bytes, tmp_path):
    with LocalServer() as server:
        server.add("data/archive/2018-07.zip", archive_bytes)
        base = server.url("data/archive/")
        path = fetch_archive(JULY, base=base, cache_dir=tmp_path / "cache")
        again = fetch_archive(JULY, base=base, cache_dir=tmp_path / "cache")
        assert path == again and server.total_requests() == 1
    assert import_crime(path).created == 2559
    single = force_file(path, JULY, "west-yorkshire", tmp_path / "out")
    assert single.name == "2018-07-west-yorkshire-street.csv"
    with pytest.raises(DownloadFailed, match=r"no 2018-07/2018-07-kent-street\.csv"):
        force_file(path, JULY, "kent", tmp_path / "out")


def test_a_missing_or_wrong_archive_says_so(tmp_path):
    with LocalServer() as server:
        server.add("data/archive/2018-08.zip", b"<html>not a zip</html>")
        base = server.url("data/archive/")
        with pytest.raises(DownloadFailed):
            fetch_archive(JULY, base=base, cache_dir=tmp_path)
        with pytest.raises(DownloadFailed, match="not a zip"):
            fetch_archive(date(2018, 8, 1), base=base, cache_dir=tmp_path)
