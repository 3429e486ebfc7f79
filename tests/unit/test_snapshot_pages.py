"""The memory snapshot leaves out its zero pages; the worker puts the rest back where snapshot.json says. The
build keeps it, named after its content, with its layout."""

from __future__ import annotations

import hashlib
import json
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
import runtime_snapshot
from hypothesis import given
from hypothesis import strategies as st
from runtime_snapshot import PAGE, pack


def unpack(stored: bytes, parts: list[list[int]], size: int) -> bytes:
    """What worker.mjs's readInto does: each run of the file into its place in a zeroed memory."""
    memory = bytearray(size)
    at = 0
    for offset, length in parts:
        memory[offset : offset + length] = stored[at : at + length]
        at += length
    assert at == len(stored)
    return bytes(memory)


# A memory as a few kinds of page: zero, zero but for one byte, full; and a shorter last page.
_PAGES = st.lists(st.sampled_from([bytes(PAGE), bytes(PAGE - 1) + b"\x01", b"\x07" * PAGE]), max_size=12)


@given(pages=_PAGES, tail=st.binary(max_size=300))
def test_a_packed_memory_unpacks_to_itself_without_its_zero_pages(pages: list[bytes], tail: bytes) -> None:
    memory = b"".join(pages) + tail
    stored, parts = pack(memory)
    assert unpack(stored, parts, len(memory)) == memory
    kept = [page for page in pages if any(page)] + ([tail] if any(tail) else [])
    assert len(stored) == sum(map(len, kept))
    # Runs are whole pages, in order, never touching: neighbours are one run.
    assert all(offset % PAGE == 0 for offset, _ in parts)
    assert all(a + n < b for (a, n), (b, _) in pairwise(parts))


def test_the_cached_snapshot_is_named_after_its_content_and_kept_whole(tmp_path: Path, monkeypatch: Any) -> None:
    memory = bytes(PAGE) + b"\x05" * PAGE + bytes(PAGE)
    monkeypatch.setattr(runtime_snapshot, "CACHE", tmp_path)
    monkeypatch.setattr(runtime_snapshot, "make_snapshot", lambda runtime, wheel, out: out.write_bytes(memory))
    cached = tmp_path / "snapshot-key"
    runtime_snapshot._make_cached(tmp_path, tmp_path / "wheel.whl", cached)
    layout = json.loads((cached / "layout.json").read_text())
    stored = (cached / layout["file"]).read_bytes()
    assert layout["file"] == f"snapshot-{hashlib.sha256(stored).hexdigest()[:24]}.bin"
    assert unpack(stored, layout["parts"], layout["size"]) == memory
    assert sorted(path.name for path in tmp_path.iterdir()) == ["snapshot-key"]  # no half-made folder left

    def refuse(self: Path, target: Path) -> None:
        raise OSError("read-only")

    monkeypatch.setattr(Path, "rename", refuse)
    with pytest.raises(OSError, match="could not be kept"):
        runtime_snapshot._make_cached(tmp_path, tmp_path / "wheel.whl", tmp_path / "snapshot-other")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["snapshot-key"]
