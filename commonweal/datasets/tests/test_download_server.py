"""A local HTTP server standing in for the official publishers in tests.

It holds no tests itself: test_download, test_sources and the demo tests import
`LocalServer` from here. It serves:

- files registered with `add(path, body)` (read by the tests from the shared data);
- anything under `root`, if given (a mirror laid out like the shared data folder);
- `/missing…` as 404, and a route registered with `truncate=True` announces a
  Content-Length larger than the body it sends, then hangs up;
- ArcGIS feature layers registered with `add_layer(path, features)`: a query answers
  with at most `max_record_count` features from `resultOffset`, in `orderByFields`
  order, saying `exceededTransferLimit` when there are more, as the ONS layers do.
  `broken={offset: body}` replaces the page at that offset (an error, a web page, a
  cut-off answer with `truncate=True`).

Every request is counted, so a test can show that a cached file is not fetched again;
`queries` keeps each request's query string, in order.
"""

import json
import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit


@dataclass
class Layer:
    features: list[dict]
    max_record_count: int = 2000
    esri_json: bool = False  # f=json: "attributes" and a top-level exceededTransferLimit
    broken: dict[int, bytes] = field(default_factory=dict)
    truncate: bool = False  # a broken page announces more bytes than it sends

    def answer(self, query: str) -> tuple[bytes, bool]:
        params = {key.lower(): values[-1] for key, values in parse_qs(query).items()}
        offset = int(params.get("resultoffset", 0))
        if offset in self.broken:
            return self.broken[offset], self.truncate
        wanted = int(params.get("resultrecordcount", self.max_record_count))
        size = min(wanted, self.max_record_count)
        ordered = self.features
        if order := params.get("orderbyfields", "").split(" ")[0].split(",")[0]:
            ordered = sorted(ordered, key=lambda feature: _value(feature, order))
        page = ordered[offset : offset + size]
        more = offset + len(page) < len(ordered)
        if self.esri_json:
            document = {
                "features": [{"attributes": f.get("properties") or {}} for f in page],
                "exceededTransferLimit": more,
            }
        else:
            document = {"type": "FeatureCollection", "features": page}
            if more:
                document["properties"] = {"exceededTransferLimit": True}
        return json.dumps(document).encode(), False


def _value(feature: dict, name: str):
    properties = {key.lower(): value for key, value in (feature.get("properties") or {}).items()}
    value = properties.get(name.lower())
    return (value is None, str(value))


def features_from_rows(rows: list[dict]) -> list[dict]:
    """CSV rows as the features of a table layer (no geometry)."""
    return [{"type": "Feature", "geometry": None, "properties": dict(row)} for row in rows]


class LocalServer:
    def __init__(self, root: Path | None = None):
        self.root = root
        self.files: dict[str, tuple[bytes, bool]] = {}
        self.layers: dict[str, Layer] = {}
        self.requests: Counter[str] = Counter()
        self.queries: dict[str, list[str]] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                parts = urlsplit(self.path)
                path = unquote(parts.path)
                server.requests[path] += 1
                server.queries.setdefault(path, []).append(parts.query)
                body, truncate = server.lookup(path, parts.query)
                if body is None:
                    self.send_error(404, "Not Found")
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body) + (1000 if truncate else 0)))
                self.end_headers()
                self.wfile.write(body)
                if truncate:
                    self.close_connection = True

            def log_message(self, *args):  # keep the test output quiet
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}"

    def add(self, path: str, body: bytes, *, truncate: bool = False) -> str:
        self.files["/" + path.lstrip("/")] = (body, truncate)
        return self.url(path)

    def add_layer(self, path: str, features: list[dict], **options) -> str:
        """An ArcGIS layer's query address (`…/FeatureServer/0/query`) serving these features."""
        self.layers["/" + path.lstrip("/")] = Layer(list(features), **options)
        return self.url(path)

    def lookup(self, path: str, query: str = "") -> tuple[bytes | None, bool]:
        if path in self.layers:
            return self.layers[path].answer(query)
        if path in self.files:
            return self.files[path]
        if self.root is not None and ".." not in path:
            candidate = self.root / path.lstrip("/")
            if candidate.is_file():
                return candidate.read_bytes(), False
        return None, False

    def total_requests(self) -> int:
        return sum(self.requests.values())

    def __enter__(self) -> "LocalServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


def closed_port_url(path: str = "file.csv") -> str:
    """An address on 127.0.0.1 where nothing is listening (connection refused)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/{path}"
