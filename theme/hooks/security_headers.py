"""Write the Content-Security-Policy into every page and the ``_headers`` file static hosts read.

Material ships a few inline scripts whose text differs with page depth; their
sha256 hashes are computed from the built output, so the policy allows exactly
those and nothing else inline.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Any

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
_DATA_TYPES = re.compile(r"""type=["']?application/(?:ld\+)?json""", re.IGNORECASE)
_CHARSET = '<meta charset="utf-8">'

# frame-ancestors only works as a header; a <meta> policy must leave it out.
_HEADER_ONLY = "frame-ancestors 'none'"


def inline_script_hashes(html: str) -> set[str]:
    """CSP hash sources for every inline script that runs (JSON data blocks do not run)."""
    hashes = set()
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if "src=" in attrs or _DATA_TYPES.search(attrs):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return hashes


def policy(hashes: set[str]) -> str:
    """The site's policy: same-origin everything; WebAssembly compilation for Pyodide; no eval."""
    return "; ".join(
        (
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval' " + " ".join(sorted(hashes)),
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
        )
    )


def headers_file(csp: str) -> str:
    """``_headers`` in the Netlify / Cloudflare Pages format; ``build.py serve`` serves from it too."""
    return (
        "/*\n"
        f"  Content-Security-Policy: {csp}; {_HEADER_ONLY}\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Referrer-Policy: no-referrer\n"
        "  Cache-Control: no-cache\n"
        "/assets/pyodide/*.wasm\n"
        "  Content-Type: application/wasm\n"
        "/assets/pyodide/*.mjs\n"
        "  Content-Type: text/javascript\n"
        "/assets/stridelab/*.mjs\n"
        "  Content-Type: text/javascript\n"
    )


def on_post_build(config: Any, **_: Any) -> None:
    site = Path(config["site_dir"])
    pages = sorted(site.rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    hashes = set().union(*(inline_script_hashes(text) for text in texts.values()))
    csp = policy(hashes)
    meta = f'{_CHARSET}\n<meta http-equiv="Content-Security-Policy" content="{csp}">'
    for page, text in texts.items():
        if _CHARSET in text:
            page.write_text(text.replace(_CHARSET, meta, 1), encoding="utf-8")
    (site / "_headers").write_text(headers_file(csp))
