"""Benchmark of sealed identities (issue 15): what sealing and opening one petitioner's identity costs.

    .venv/bin/python bench/bench_identities.py               # 2,000 identities
    .venv/bin/python bench/bench_identities.py --count 20000

Measures, with ``time.perf_counter`` over ``--count`` identities of realistic size (name, phone, ID number,
address): HPKE seal (``security.sealed_identity.seal``: one X25519 key agreement, HKDF, AES-256-GCM) and
open, per identity, and the envelope's size. Baseline, in the same run: AES-256-GCM alone over the same
JSON with a fixed key (what a symmetric-only store would cost). Sealing runs once per reader per edit;
opening once per look, and once per identity when a document is redacted or the office re-seals to a
laptop it names.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
import uuid

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from xuncha_desktop.security import sealed_identity


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=2000)
    count = parser.parse_args().count
    private = X25519PrivateKey.generate()
    public = private.public_key()
    fields = {"name": "欧阳秘密人", "contact": "13912345678", "id_number": "430102199001011234",
              "address": "湖南省娄底市娄星区乐坪街道某某小区3栋2单元501室"}
    ids = [uuid.uuid4() for _ in range(count)]
    version = "0001733500000000-0000-6f1c3f1e-2020-4d5a-9c1b-000000000001"

    start = time.perf_counter()
    blobs = [sealed_identity.seal(public, pid, version, fields) for pid in ids]
    seal = (time.perf_counter() - start) / count
    start = time.perf_counter()
    for pid, blob in zip(ids, blobs, strict=True):
        sealed_identity.open_sealed(private, pid, version, blob)
    opened = (time.perf_counter() - start) / count

    aes = AESGCM(os.urandom(32))
    plain = json.dumps(fields, ensure_ascii=False).encode()
    start = time.perf_counter()
    boxes = [aes.encrypt(nonce := os.urandom(12), plain, pid.bytes) + nonce for pid in ids]
    base_seal = (time.perf_counter() - start) / count
    start = time.perf_counter()
    for pid, box in zip(ids, boxes, strict=True):
        aes.decrypt(box[-12:], box[:-12], pid.bytes)
    base_open = (time.perf_counter() - start) / count

    size = statistics.median(len(b) for b in blobs)
    print(f"identities: {count}, plaintext {len(plain)} bytes, envelope {size:.0f} bytes")
    print(f"HPKE seal  {seal * 1e6:8.1f} µs/identity   (baseline AES-GCM alone {base_seal * 1e6:6.1f} µs)")
    print(f"HPKE open  {opened * 1e6:8.1f} µs/identity   (baseline AES-GCM alone {base_open * 1e6:6.1f} µs)")
    print(f"redacting a workspace of 10,000 identities opens them in about {opened * 10_000:.2f} s")


if __name__ == "__main__":
    main()
