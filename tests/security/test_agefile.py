"""security/agefile.py writes and reads standard age files: pyrage (the reference rage) agrees both ways,
and every kind of damage gets its own error."""

from __future__ import annotations

import io
import os
import random

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from xuncha_desktop.security import agefile

Keys = tuple[pyrage.x25519.Identity, X25519PrivateKey]
SIZES = [0, 1, 1000, agefile.CHUNK - 1, agefile.CHUNK, agefile.CHUNK + 1, 3 * agefile.CHUNK, 200_001]


@pytest.fixture(scope="module")
def keys() -> Keys:
    identity = pyrage.x25519.Identity.generate()
    return identity, agefile.identity_key(str(identity))


def _ours(data: bytes, identity: pyrage.x25519.Identity, splits: random.Random | None = None) -> bytes:
    out = io.BytesIO()
    writer = agefile.AgeWriter(out, [agefile.recipient_key(str(identity.to_public()))])
    position = 0
    while position < len(data):  # writes of odd sizes: chunking must not depend on them
        step = splits.randint(1, 100_000) if splits else len(data)
        writer.write(data[position:position + step])
        position += step
    writer.finish()
    return out.getvalue()


@pytest.mark.parametrize("size", SIZES)
def test_pyrage_reads_ours_and_we_read_pyrages(size: int, keys: Keys) -> None:
    identity, key = keys
    data = os.urandom(size)
    assert pyrage.decrypt(_ours(data, identity, random.Random(size)), [identity]) == data
    theirs = pyrage.encrypt(data, [identity.to_public()])
    assert agefile.AgeReader(io.BytesIO(theirs), [key]).read() == data
    sink = io.BytesIO()
    agefile.decrypt_stream(io.BytesIO(theirs), sink, [key])
    assert sink.getvalue() == data


def test_reads_of_any_size_return_the_plaintext_in_order(keys: Keys) -> None:
    identity, key = keys
    data = os.urandom(5 * agefile.CHUNK + 17)
    reader = agefile.AgeReader(io.BytesIO(_ours(data, identity)), [key])
    got = bytearray()
    sizes = random.Random(1)
    while part := reader.read(sizes.randint(1, 150_000)):
        got += part
    assert bytes(got) == data


def test_a_file_for_another_key_is_no_matching_identity(keys: Keys) -> None:
    identity, _key = keys
    other = agefile.identity_key(str(pyrage.x25519.Identity.generate()))
    with pytest.raises(agefile.NoMatchingIdentity):
        agefile.AgeReader(io.BytesIO(_ours(b"secret", identity)), [other])


def test_damage_is_named(keys: Keys) -> None:
    identity, key = keys
    data = os.urandom(3 * agefile.CHUNK + 100)
    good = _ours(data, identity)
    header_end = good.index(b"\n--- ") + 1
    header_end = good.index(b"\n", header_end) + 1
    payload = header_end + 16

    def read(raw: bytes) -> bytes:
        return agefile.AgeReader(io.BytesIO(raw), [key]).read()

    def flipped(position: int) -> bytes:
        damaged = bytearray(good)
        damaged[position] ^= 0x01
        return bytes(damaged)

    assert read(good) == data
    with pytest.raises(agefile.HeaderDamaged):
        read(flipped(3))  # the version line
    with pytest.raises(agefile.HeaderDamaged):
        read(flipped(header_end - 5))  # the MAC
    with pytest.raises(agefile.PayloadDamaged):
        read(flipped(payload + agefile.CHUNK + 16 + 10))  # inside the second chunk
    with pytest.raises(agefile.PayloadDamaged):
        read(good + b"x")  # bytes after the final chunk
    with pytest.raises(agefile.Truncated):
        read(good[:payload + 2 * (agefile.CHUNK + 16)])  # cut at a chunk boundary: no final chunk
    with pytest.raises(agefile.Truncated):
        read(good[:header_end - 10])
    with pytest.raises(agefile.HeaderDamaged):
        # the same MAC in non-canonical base64 (last character's unused bits set) is refused
        mac_line_start = good.rindex(b"\n--- ", 0, header_end) + 5
        last = mac_line_start + 42
        raw = bytearray(good)
        alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        raw[last] = alphabet[alphabet.index(raw[last]) ^ 0x01]
        read(bytes(raw))


def test_bad_key_strings_are_refused() -> None:
    with pytest.raises(ValueError):
        agefile.recipient_key("age1notakey")
    identity = pyrage.x25519.Identity.generate()
    with pytest.raises(ValueError):
        agefile.recipient_key(str(identity))  # an identity is not a recipient
    assert agefile.recipient_key(str(identity.to_public())).public_bytes_raw() == \
        agefile.identity_key(str(identity)).public_key().public_bytes_raw()


def test_only_finish_completes_a_file(keys: Keys) -> None:
    """A writer dropped or closed after an error must not leave a valid, shorter file."""
    identity, key = keys
    out = io.BytesIO()
    writer = agefile.AgeWriter(out, [agefile.recipient_key(str(identity.to_public()))])
    writer.write(os.urandom(3 * agefile.CHUNK))
    writer.close()
    with pytest.raises(agefile.Truncated):
        agefile.AgeReader(io.BytesIO(out.getvalue()), [key]).read()
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(out.getvalue(), [identity])


def _file_with_extra_stanza(identity: pyrage.x25519.Identity, extra: bytes) -> bytes:
    """A correct file (the header MAC included) for ``identity`` whose header also holds ``extra``."""
    import hashlib
    import hmac

    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    file_key = os.urandom(16)
    header = agefile.header_for(file_key, [agefile.recipient_key(str(identity.to_public()))])
    header = header[:header.index(b"\n---") + 1] + extra + b"---"
    mac = hmac.new(agefile._hkdf(file_key, b"", b"header"), header, hashlib.sha256).digest()
    nonce = os.urandom(16)
    aead = ChaCha20Poly1305(agefile._hkdf(file_key, nonce, b"payload"))
    return header + b" " + agefile._b64(mac) + b"\n" + nonce + aead.encrypt(bytes(11) + b"\x01", b"content", None)


def test_header_rules_of_the_specification(keys: Keys) -> None:
    identity, key = keys
    fine = _file_with_extra_stanza(identity, b"-> grease-arg x\nAAAA\n")  # unknown stanzas are ignored
    assert agefile.AgeReader(io.BytesIO(fine), [key]).read() == b"content"
    for bad in (b"-> grease\tx\nAAAA\n", b"-> grease \xff\n\n",  # arguments must be printable ASCII
                b"-> scrypt c2FsdHNhbHRzYWx0c2FsdA 10\nAAAA\n"):  # a passphrase stanza must be alone
        with pytest.raises(agefile.HeaderDamaged):
            agefile.AgeReader(io.BytesIO(_file_with_extra_stanza(identity, bad)), [key])


def test_an_empty_final_chunk_after_a_full_one_is_damage(keys: Keys) -> None:
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    identity, key = keys
    out = io.BytesIO()
    file_key = os.urandom(16)
    out.write(agefile.header_for(file_key, [agefile.recipient_key(str(identity.to_public()))]))
    nonce = os.urandom(16)
    out.write(nonce)
    aead = ChaCha20Poly1305(agefile._hkdf(file_key, nonce, b"payload"))
    out.write(aead.encrypt(bytes(12), bytes(agefile.CHUNK), None))
    out.write(aead.encrypt(bytes(10) + b"\x01\x01", b"", None))  # chunk 1, final, empty
    with pytest.raises(agefile.PayloadDamaged):
        agefile.AgeReader(io.BytesIO(out.getvalue()), [key]).read()


def test_a_threaded_writer_writes_the_same_format_and_reports_a_full_disk(keys: Keys) -> None:
    import errno

    identity, _key = keys
    data = os.urandom(5 * agefile.CHUNK + 123)
    out = io.BytesIO()
    writer = agefile.AgeWriter(out, [agefile.recipient_key(str(identity.to_public()))], threaded=True)
    splits = random.Random(7)
    position = 0
    while position < len(data):
        step = splits.randint(1, 100_000)
        writer.write(data[position:position + step])
        position += step
    writer.finish()
    assert pyrage.decrypt(out.getvalue(), [identity]) == data

    class FullDisk(io.BytesIO):
        def write(self, chunk: object) -> int:
            if self.tell() > 100_000:
                raise OSError(errno.ENOSPC, "No space left on device")
            return super().write(chunk)  # type: ignore[arg-type]

    writer = agefile.AgeWriter(FullDisk(), [agefile.recipient_key(str(identity.to_public()))], threaded=True)
    with pytest.raises(OSError) as caught:
        for _ in range(100):
            writer.write(bytes(agefile.CHUNK))
        writer.finish()
    assert caught.value.errno == errno.ENOSPC
    writer.close()  # the writing thread has stopped; closing again is harmless
