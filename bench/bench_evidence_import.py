"""Benchmark of the re-encryption of evidence on import (issue 15): a package carrying N MB of evidence imported
with the receiver re-encrypting every file under a file key of its own (what the program does), against the
same import re-wrapping the sender's header around the sender's payload (what it did before: the baseline,
kept here), in the same run.

    .venv/bin/python bench/bench_evidence_import.py                       # 1 GB in 8 files, 3 runs each
    .venv/bin/python bench/bench_evidence_import.py --evidence-mb 200     # quicker

Both ways decrypt every file once (to hash its plaintext); re-encrypting adds one ChaCha20-Poly1305 pass over
the bytes, in a second thread. The runs alternate, each into a fresh copy of the receiving workspace, each
after os.sync(); the figures are the medians of the import call alone (in process).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey  # noqa: E402

from xuncha_desktop.security import agefile  # noqa: E402
from xuncha_desktop.sync import package  # noqa: E402

PASSPHRASE = "bench passphrase 2020"


def rewrap_baseline(reader: package._MemberReader, sha256: str, staging: Path, identities: list[X25519PrivateKey],
                    recipient: X25519PublicKey, result: package.ReadPackage) -> str:
    """The import before issue 15: the sender's file key under a new header, the sender's payload as it is."""
    handle, temp_name = tempfile.mkstemp(dir=staging, prefix="sync-", suffix=".part")
    temp = Path(temp_name)
    result.blobs[sha256] = temp
    digest = hashlib.sha256()
    with os.fdopen(handle, "wb") as sink:
        try:
            file_key = agefile.read_header(reader, identities)  # type: ignore[arg-type]
            sink.write(agefile.header_for(file_key, [recipient]))
            plain = agefile.AgeReader(reader, file_key=file_key, copy_to=sink)  # type: ignore[arg-type]
            while data := plain.read(agefile.CHUNK):
                digest.update(data)
        except agefile.AgeError as exc:
            raise package.PackageError("package_member_hash", name=f"blobs/{sha256}") from exc
        sink.flush()
        os.fsync(sink.fileno())
    return digest.hexdigest()


def _sync_disk() -> None:
    sync = getattr(os, "sync", None)
    if sync is not None:
        sync()


def main() -> None:
    from xuncha_desktop.security.keys import KdfParams
    from xuncha_desktop.services import sync as sync_service
    from xuncha_desktop.services.evidence import service as evidence_service
    from xuncha_desktop.workspace import Workspace

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--evidence-mb", type=int, default=1024)
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--folder", type=Path, help="work folder (default: a temporary one, removed)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="xuncha-bench-", dir=args.folder) as temp:
        folder = Path(temp)
        a = Workspace.create(folder / "a", "笔记本A", PASSPHRASE, kdf=KdfParams.cheap(), user_name="bench")
        b = Workspace.create(folder / "b", "办公室", PASSPHRASE, kdf=KdfParams.cheap(), user_name="bench")
        for ws, other in ((a, b), (b, a)):
            with ws.transaction() as s:
                sync_service.trust(s, ws, sync_service.own_keys(other))
        per_file = (args.evidence_mb << 20) // max(args.files, 1)
        for number in range(args.files):
            path = folder / f"evidence-{number:03d}.bin"
            with path.open("wb") as handle:
                left = per_file
                while left:
                    chunk = os.urandom(min(left, 8 << 20))
                    handle.write(chunk)
                    left -= len(chunk)
            with a.transaction() as s:
                evidence_service.add_file(s, a.evidence, path, {"title": f"证据{number}"}, [])
            path.unlink()
        packed = folder / "p.xcpkg"
        sync_service.export(a, packed, to=sync_service.own_keys(b))
        a.close()
        b.close()
        reencrypting = package._stage_age_blob
        times: dict[str, list[float]] = {"re-encrypt": [], "re-wrap": []}
        for run in range(args.repeats):
            for way, stage in (("re-encrypt", reencrypting), ("re-wrap", rewrap_baseline)):
                copy = folder / f"b-{way}-{run}"
                shutil.copytree(folder / "b", copy)
                package._stage_age_blob = stage  # type: ignore[assignment]
                ws = Workspace.open(copy, PASSPHRASE)
                try:
                    _sync_disk()
                    started = time.monotonic()
                    summary = sync_service.import_(ws, packed)
                    times[way].append(time.monotonic() - started)
                finally:
                    ws.close()
                    package._stage_age_blob = reencrypting
                assert summary.evidence_files_added == args.files
                shutil.rmtree(copy)
    new, old = statistics.median(times["re-encrypt"]), statistics.median(times["re-wrap"])
    mb = args.evidence_mb
    print(f"import of {mb} MB of evidence in {args.files} files, medians of {args.repeats} runs each")
    print(f"re-encrypting (the program)      {new:6.2f} s  {mb / new:6.0f} MB/s  runs "
          f"{' '.join(f'{t:.2f}' for t in times['re-encrypt'])}")
    print(f"re-wrapping (baseline, before)   {old:6.2f} s  {mb / old:6.0f} MB/s  runs "
          f"{' '.join(f'{t:.2f}' for t in times['re-wrap'])}")
    print(f"ratio {new / old:.2f}x (re-encrypting / re-wrapping)")


if __name__ == "__main__":
    main()
