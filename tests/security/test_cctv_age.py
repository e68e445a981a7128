"""The C2SP/CCTV age test vectors (tests/security/cctv-age/) against security/agefile.py.

A vector is a header of ``key: value`` lines, a blank line, then the age file. agefile reads binary files
for X25519 identities only, so a vector applies when it is not armored, needs no passphrase and names
only ``AGE-SECRET-KEY-1…`` identities; every other vector is listed with the reason it does not apply.
"""

from __future__ import annotations

import hashlib
import io
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from xuncha_desktop.security import agefile

VECTORS = Path(__file__).parent / "cctv-age" / "testdata"


@dataclass(frozen=True)
class Vector:
    name: str
    expect: str
    file_key: bytes
    identities: list[str] = field(default_factory=list)
    passphrases: list[str] = field(default_factory=list)
    payload_sha256: str | None = None
    armored: bool = False
    compressed: str | None = None
    comment: str = ""
    body: bytes = b""


def _parse(path: Path) -> Vector:
    head, separator, body = path.read_bytes().partition(b"\n\n")
    assert separator, f"{path.name}: no blank line after the vector's header"
    values: dict[str, list[str]] = {}
    for line in head.decode("utf-8").splitlines():
        key, _, value = line.partition(": ")
        values.setdefault(key, []).append(value)
    known = {"expect", "file key", "identity", "passphrase", "payload", "armored", "compressed", "comment"}
    # A key this parser does not know could change what the vector means: fail rather than guess.
    assert set(values) <= known, f"{path.name}: unknown header keys {set(values) - known}"
    assert values.get("compressed", ["zlib"]) == ["zlib"], f"{path.name}: unknown compression"
    return Vector(
        name=path.name,
        expect=values["expect"][0],
        file_key=bytes.fromhex(values["file key"][0]),
        identities=values.get("identity", []),
        passphrases=values.get("passphrase", []),
        payload_sha256=values.get("payload", [None])[0],
        armored=values.get("armored", ["no"])[0] == "yes",
        compressed=values.get("compressed", [None])[0],
        comment=values.get("comment", [""])[0],
        # Large vectors are stored zlib-compressed in the vector file; the age file is what it inflates to.
        body=zlib.decompress(body) if values.get("compressed") == ["zlib"] else body,
    )


def not_applicable(vector: Vector) -> str | None:
    """Why agefile cannot be asked this vector's question, or None when it can."""
    if vector.armored:
        return "armored (PEM) file: agefile reads binary age files only"
    if vector.passphrases:
        return "passphrase (scrypt) recipient: agefile has none (pyrage wraps passphrases)"
    if any(not identity.startswith("AGE-SECRET-KEY-1") for identity in vector.identities):
        return "post-quantum (ML-KEM-768 + X25519) identity: agefile has X25519 only"
    return None


ALL = [_parse(path) for path in sorted(VECTORS.iterdir())]
APPLICABLE = [vector for vector in ALL if not_applicable(vector) is None]
NOT_APPLICABLE = {vector.name: reason for vector in ALL if (reason := not_applicable(vector)) is not None}


def test_the_vectors_are_all_there() -> None:
    # Guards the filter: a copy that lost files, or a filter that drops what agefile can read, shows here.
    assert len(ALL) == 143
    assert len(APPLICABLE) == 67
    assert sorted({reason.split(":")[0] for reason in NOT_APPLICABLE.values()}) == [
        "armored (PEM) file", "passphrase (scrypt) recipient", "post-quantum (ML-KEM-768 + X25519) identity"]


def _decrypt(vector: Vector) -> tuple[str, bytes | None]:
    """The outcome in the vectors' words (``success``, ``no match``, ``header failure``, ``payload
    failure``) and the plaintext on success."""
    identities = [agefile.identity_key(text) for text in vector.identities]
    source = io.BytesIO(vector.body)
    try:
        file_key = agefile.read_header(source, identities)
    except agefile.NoMatchingIdentity:
        return "no match", None
    except (agefile.HeaderDamaged, agefile.Truncated):
        return "header failure", None
    assert file_key == vector.file_key, "the header gave a file key other than the vector's"
    try:
        reader = agefile.AgeReader(source, file_key=file_key)
    except agefile.Truncated:
        # The vectors count the payload nonce with the header (a file cut inside it is a header failure);
        # agefile reads it when the reader starts and calls it truncated.
        return "header failure", None
    try:
        plain = reader.read()
    except (agefile.PayloadDamaged, agefile.Truncated):
        return "payload failure", None
    return "success", plain


@pytest.mark.parametrize("vector", APPLICABLE, ids=[vector.name for vector in APPLICABLE])
def test_vector(vector: Vector) -> None:
    outcome, plain = _decrypt(vector)
    # agefile checks the header MAC while reading the header, so a bad MAC is one of its header failures.
    expected = "header failure" if vector.expect == "HMAC failure" else vector.expect
    assert outcome == expected, vector.comment
    if outcome == "success":
        assert plain is not None and hashlib.sha256(plain).hexdigest() == vector.payload_sha256
