"""Any data the store can hold survives backup → restore exactly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from calculators import backup
from calculators.errors import InputError

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
collections = st.dictionaries(
    st.text(min_size=1, max_size=10),
    st.dictionaries(st.text(min_size=1, max_size=12), json_values, max_size=5),
    max_size=5,
)


@given(collections)
def test_backup_then_parse_is_exact(data: dict[str, dict[str, object]]) -> None:
    parsed = backup.parse_backup(backup.make_backup(data, created="2026-11-23T12:00:00Z"))
    assert parsed.collections == data
    assert parsed.schema == backup.SCHEMA_VERSION


@given(st.binary(max_size=200))
def test_any_bytes_are_a_backup_or_a_clear_refusal(raw: bytes) -> None:
    text = raw.decode("utf-8", errors="replace")
    try:
        backup.parse_backup(text)
    except InputError as error:
        assert error.field == "file" and error.message
