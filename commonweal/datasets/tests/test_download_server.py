"""A local HTTP server standing in for the official publishers in tests.

It holds no tests itself: test_download, test_sources and the demo tests import
`LocalServer` from here. It serves:

- files registered with `add(path, body)` (read by the tests from the shared data);
- anything under `root`, if given (a mirror laid out like the shared data folder);
- `/missing…` as 404, and a route registered with `truncate=True` announces a
  Content-Length larger than the body it sends, then hangs up.

Every request is counted, so a test can show that a cached file is not fetched again.
"""

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit


class LocalServer:
    def __init__(self, root: Path | None = None):
        self.root = root
        self.files: dict[str, tuple[bytes, bool]] = {}
        self.requests: Counter[str] = Counter()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                path = unquote(urlsplit(self.path).path)
                server.requests[path] += 1
                body, truncate = server.lookup(path)
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

    def lookup(self, path: str) -> tuple[bytes | None, bool]:
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
