"""Stridelab's command line: build the static site, or build it and serve it on this machine.

    python build.py build              # → site/ (static files for any host)
    python build.py serve [--port N]   # build, then serve site/ on http://127.0.0.1:N/

The build is ``mkdocs build`` plus the hooks in ``theme/hooks/`` (calculator blocks,
the Pyodide runtime and our wheel, the off-origin check, the security headers).
``serve`` answers with the headers the build wrote to ``site/_headers``, so what
you try locally runs under the same Content-Security-Policy as production.
"""

from __future__ import annotations

import argparse
import contextlib
import fnmatch
import logging
import os
import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO, ClassVar

ROOT = Path(__file__).resolve().parent
SITE = ROOT / "site"

# Types Python's mimetypes gets wrong or does not know. A .wasm sent as anything but
# application/wasm makes Pyodide hang without an error.
MIME_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".whl": "application/zip",
    ".bin": "application/octet-stream",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
}


def build(config_file: Path = ROOT / "mkdocs.yml", **overrides: object) -> Path:
    """Build the site; returns the folder it was written to. ``overrides`` replace settings (tests
    build into a temporary ``site_dir``, or from another ``docs_dir``)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # mkdocs-material's notice about MkDocs 2
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    if not (ROOT / "node_modules" / "pyodide").is_dir():
        sys.exit("The Pyodide runtime is not installed: run `npm ci` first.")
    config = load_config(str(config_file), **{k: str(v) if isinstance(v, Path) else v for k, v in overrides.items()})
    mkdocs_build(config)
    return Path(config["site_dir"])


def read_headers_file(site: Path) -> list[tuple[str, dict[str, str]]]:
    """Rules from ``_headers`` (Netlify / Cloudflare Pages format): a path pattern, then indented headers."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in (site / "_headers").read_text().splitlines():
        if line and not line[0].isspace():
            rules.append((line.strip(), {}))
        elif line.strip() and rules:
            name, _, value = line.strip().partition(":")
            rules[-1][1][name.strip()] = value.strip()
    return rules


#: Precompressed copies the build writes beside large files (theme/hooks/precompress.py), best first.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the built site with the production headers and correct MIME types."""

    rules: ClassVar[list[tuple[str, dict[str, str]]]] = []
    extensions_map: ClassVar[dict[str, str]] = {**SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def send_head(self) -> BinaryIO | None:
        """The file's precompressed copy (``.br``, else ``.gz``) when the browser accepts that encoding."""
        target = Path(self.translate_path(self.path))
        if target.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            target = target / "index.html"
        accepted = {part.split(";")[0].strip() for part in self.headers.get("Accept-Encoding", "").split(",")}
        for encoding, suffix in ENCODINGS:
            packed = target.with_name(target.name + suffix)
            if encoding in accepted and target.is_file() and packed.is_file():
                body = packed.open("rb")
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(target)))
                self.send_header("Content-Encoding", encoding)
                self.send_header("Content-Length", str(packed.stat().st_size))
                self.send_header("Last-Modified", self.date_time_string(int(target.stat().st_mtime)))
                self.send_header("Vary", "Accept-Encoding")
                self.end_headers()
                return body
        return super().send_head()

    def end_headers(self) -> None:
        path = self.path.split("?", 1)[0]
        for pattern, headers in self.rules:
            if fnmatch.fnmatchcase(path, pattern):
                for name, value in headers.items():
                    if name.lower() != "content-type":  # send_head has already sent the type
                        self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        logging.getLogger("stridelab.serve").debug(format, *args)


class SiteServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that cancels a download (a reload, a closed tab) is not an error worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


def make_server(site: Path = SITE, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    """A server for ``site`` on loopback; port 0 picks a free port (tests use that)."""
    handler = type("Handler", (SiteHandler,), {"rules": read_headers_file(site)})
    # --directory semantics: the handler is bound to the folder, so a rebuild that recreates it is served.
    return SiteServer((host, port), partial(handler, directory=str(site)))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="build.py", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("build", help="build the static site into site/")
    serve = commands.add_parser("serve", help="build, then serve on 127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--no-build", action="store_true", help="serve the site/ folder as it is")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    site = SITE if args.command == "serve" and args.no_build else build()
    if args.command == "serve":
        server = make_server(site, port=args.port)
        print(f"Serving Stridelab on http://127.0.0.1:{server.server_port}/ (Ctrl+C to stop)")
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()


if __name__ == "__main__":
    main()
