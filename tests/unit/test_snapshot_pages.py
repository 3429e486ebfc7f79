"""The memory snapshot leaves out its zero pages; the worker puts the rest back where snapshot.json says."""

from __future__ import annotations

from itertools import pairwise

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
