"""Evidence files, encrypted with age to the workspace's own key, under names keyed by the workspace.

A file is stored once however many records point to it, under a name that is the HMAC-SHA256 of its
plaintext's SHA-256 under a key of the workspace (``names_key``): the records keep the SHA-256 (inside
the encrypted database, for the chain of custody), and someone holding a file cannot learn from the
store's names whether this workspace holds it, nor match two workspaces' stores. Writing streams through a
hashing reader into a temporary file that is renamed into place only when complete, so a killed process
leaves no half file under a real name. Reading decrypts to a temporary file and re-hashes before renaming
to the target.

Layout: ``<root>/<folder>/<name>.age``, where ``folder`` is the name's first byte with its top bit
flipped (``name[:2]`` XOR 0x80, two hex digits). Stores written before names were keyed used the SHA-256
itself as the name and its first byte, unflipped, as the folder; the flip tells the two kinds of file
apart by their paths alone, so renaming an old store (at open: :meth:`EvidenceStore.key_names`) needs no
marker or journal: it renames every file still in the old place, and a process killed between two renames
leaves a store that opens (each file is in one place or the other) and finishes the job the next time.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import io
import logging
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import pyrage
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from xuncha_desktop import files
from xuncha_desktop.errors import Cancelled, XunchaError
from xuncha_desktop.security import agefile

Progress = Callable[[int, int], None]
"""Called with (bytes done, bytes in all); in all is 0 when unknown."""
CancelFlag = Callable[[], bool]

_SHA256 = re.compile(r"[0-9a-f]{64}")  # used with fullmatch
_CHUNK = 1 << 20

log = logging.getLogger("xuncha")


class _HashingReader(io.RawIOBase):
    def __init__(self, source: BinaryIO, total: int, progress: Progress | None,
                 cancelled: CancelFlag | None) -> None:
        self._source = source
        self._total = total
        self._progress = progress
        self._cancelled = cancelled
        self.digest = hashlib.sha256()
        self.size = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        if self._cancelled is not None and self._cancelled():
            raise Cancelled()
        data = self._source.read(_CHUNK if size is None or size < 0 else size)
        self.digest.update(data)
        self.size += len(data)
        if self._progress is not None and data:
            self._progress(self.size, self._total)
        return data


class _HashingWriter(io.RawIOBase):
    def __init__(self, sink: BinaryIO) -> None:
        self._sink = sink
        self.digest = hashlib.sha256()

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        self.digest.update(data)
        return self._sink.write(data)


def _raise_io(exc: OSError) -> None:
    if exc.errno == errno.ENOSPC:
        raise XunchaError("disk_full") from exc
    raise XunchaError("io_error", reason=str(exc)) from exc


def _folder(name: str) -> str:
    """The folder of a keyed name: its first byte with the top bit flipped (never the name's own start)."""
    return f"{int(name[:2], 16) ^ 0x80:02x}"


class EvidenceStore:
    def __init__(self, root: Path, identity: pyrage.x25519.Identity, names_key: bytes) -> None:
        """``names_key`` keys the file names (the workspace's subkey "evidence-names"); files of a store
        written before names were keyed are renamed here (:meth:`key_names`)."""
        if len(names_key) < 16:
            raise ValueError("the names key is too short")
        self.root = root
        self._key = agefile.identity_key(str(identity))
        self._recipient = self._key.public_key()
        self._names_key = names_key
        (root / "tmp").mkdir(mode=0o700, parents=True, exist_ok=True)
        self.key_names()

    def name_of(self, sha256: str) -> str:
        """The stored file's name for content of this SHA-256: HMAC-SHA256 under the names key, in hex."""
        if not _SHA256.fullmatch(sha256):
            raise ValueError(f"not a SHA-256: {sha256!r}")
        return hmac.new(self._names_key, bytes.fromhex(sha256), hashlib.sha256).hexdigest()

    def key_names(self, renamed: Callable[[Path], None] | None = None) -> int:
        """Renames every file still named by its plaintext's SHA-256 (a store from before names were keyed)
        to its keyed name; returns how many. Idempotent, and safe to interrupt anywhere: each rename is
        atomic, and a file still in the old place is renamed the next time. ``renamed`` is called after
        each rename (tests stop there)."""
        folders: set[Path] = set()
        count = 0
        for folder in sorted(p for p in self.root.glob("??") if p.is_dir()):
            for old in sorted(folder.glob(f"{folder.name}*.age")):
                sha256 = old.name.removesuffix(".age")
                if not _SHA256.fullmatch(sha256) or sha256[:2] != folder.name:
                    continue
                target = self.path_of(sha256)
                target.parent.mkdir(mode=0o700, exist_ok=True)
                try:
                    os.replace(old, target)
                except OSError as exc:
                    _raise_io(exc)
                folders.update((old.parent, target.parent))
                count += 1
                if renamed is not None:
                    renamed(target)
        for folder in sorted(folders):
            files.fsync_folder(folder)
        if count:
            log.info("evidence store: %d files renamed to keyed names", count)
        return count

    @property
    def identity(self) -> X25519PrivateKey:
        """The key the store's files are encrypted to."""
        return self._key

    @property
    def recipient(self) -> X25519PublicKey:
        """Its public half (a package importer encrypts incoming evidence to it)."""
        return self._recipient

    def rewrapped_size(self, sha256: str) -> int:
        """The size of the stored file once re-wrapped for one other key (see :meth:`write_rewrapped`)."""
        path = self.path_of(sha256)
        with path.open("rb") as source:
            self._file_key(source, sha256)
            return agefile.HEADER_LENGTH_ONE_RECIPIENT + path.stat().st_size - source.tell()

    def write_rewrapped(self, sha256: str, recipient: X25519PublicKey, sink: BinaryIO) -> None:
        """Writes the stored file as an age file for ``recipient``: a new header around the same file key and
        the payload copied as it is, so a package carries evidence without re-encrypting it.

        The payload is authenticated on the way (decrypted, chunk by chunk), so a damaged file is found
        here rather than refused by the receiver; raises ``evidence_damaged`` after writing, so the caller
        discards what it wrote. It is not hashed again: a file that decrypts is the one this store wrote
        under its hash (only someone writing into the store could swap it, and the receiver hashes it).
        """
        with self.path_of(sha256).open("rb") as source:
            file_key = self._file_key(source, sha256)
            sink.write(agefile.header_for(file_key, [recipient]))
            try:
                plain = agefile.AgeReader(source, file_key=file_key, copy_to=sink)
                while plain.read(agefile.CHUNK):
                    pass
            except agefile.AgeError as exc:
                raise XunchaError("evidence_damaged", sha256=sha256) from exc

    def _file_key(self, source: BinaryIO, sha256: str) -> bytes:
        try:
            return agefile.read_header(source, [self._key])
        except agefile.AgeError as exc:
            raise XunchaError("evidence_damaged", sha256=sha256) from exc

    def path_of(self, sha256: str) -> Path:
        """Where the file of content with this SHA-256 is (or would be) stored."""
        return self._path_of_name(self.name_of(sha256))

    def _path_of_name(self, name: str) -> Path:
        return self.root / _folder(name) / f"{name}.age"

    def has(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    def put_file(self, path: Path, progress: Progress | None = None,
                 cancelled: CancelFlag | None = None) -> tuple[str, int]:
        """Stores the file's content; returns (sha256, size). Raises Cancelled, leaving nothing behind."""
        try:
            with path.open("rb") as source:
                return self.put_stream(source, path.stat().st_size, progress, cancelled)
        except FileNotFoundError as exc:
            raise XunchaError("file_missing", path=str(path)) from exc

    def put_stream(self, source: BinaryIO, total: int = 0, progress: Progress | None = None,
                   cancelled: CancelFlag | None = None) -> tuple[str, int]:
        reader = _HashingReader(source, total, progress, cancelled)
        handle, temp_name = tempfile.mkstemp(dir=self.root / "tmp", suffix=".part")
        temp = Path(temp_name)
        try:
            with os.fdopen(handle, "wb") as sink:
                agefile.encrypt_stream(reader, sink, [self._recipient])
                sink.flush()
                os.fsync(sink.fileno())
            sha256 = reader.digest.hexdigest()
            target = self.path_of(sha256)
            if target.exists():
                temp.unlink()
            else:
                target.parent.mkdir(mode=0o700, exist_ok=True)
                os.replace(temp, target)
            return sha256, reader.size
        except OSError as exc:
            temp.unlink(missing_ok=True)
            _raise_io(exc)
            raise  # unreachable: _raise_io always raises
        except BaseException:
            temp.unlink(missing_ok=True)
            raise

    def extract(self, sha256: str, out: Path) -> None:
        """Writes the plaintext to ``out``; raises if the stored file is missing, damaged or altered."""
        source_path = self.path_of(sha256)
        if not source_path.is_file():
            raise XunchaError("evidence_missing_blob", sha256=sha256)
        try:
            with files.atomic_writer(out, journal=self.root / "tmp" / "extracts") as sink:
                writer = _HashingWriter(sink)
                self._decrypt_into(source_path, writer, sha256)
                if writer.digest.hexdigest() != sha256:
                    raise XunchaError("evidence_damaged", sha256=sha256)
        except OSError as exc:
            _raise_io(exc)

    def read_bytes(self, sha256: str) -> bytes:
        """The whole plaintext in memory: for thumbnails and small files only."""
        buffer = io.BytesIO()
        writer = _HashingWriter(buffer)
        self._decrypt_into(self.path_of(sha256), writer, sha256)
        if writer.digest.hexdigest() != sha256:
            raise XunchaError("evidence_damaged", sha256=sha256)
        return buffer.getvalue()

    def place(self, sha256: str, staged: Path) -> None:
        """Moves a file staged in ``tmp/`` (encrypted to this store's key, its plaintext checked to have this
        SHA-256, as a package import stages it) into the store under its keyed name."""
        target = self.path_of(sha256)
        target.parent.mkdir(mode=0o700, exist_ok=True)
        os.replace(staged, target)

    def verify_name(self, name: str) -> str | None:
        """The SHA-256 of a stored file's plaintext when the file (by its stored name, as iterating gives
        it) decrypts and the plaintext's hash is keyed to that name; else None (damaged, altered, or stored
        under another key)."""
        if not _SHA256.fullmatch(name):
            return None
        path = self._path_of_name(name)
        writer = _HashingWriter(open(os.devnull, "wb"))  # noqa: SIM115 - closed below
        try:
            self._decrypt_into(path, writer, name)
        except (XunchaError, OSError):
            return None
        finally:
            writer._sink.close()
        sha256 = writer.digest.hexdigest()
        return sha256 if hmac.compare_digest(self.name_of(sha256), name) else None

    def verify(self, sha256: str) -> bool:
        """True when the stored file decrypts and its plaintext hashes to ``sha256``."""
        if not self.has(sha256):
            return False
        writer = _HashingWriter(open(os.devnull, "wb"))  # noqa: SIM115 - closed below
        try:
            self._decrypt_into(self.path_of(sha256), writer, sha256)
        except XunchaError:
            return False
        finally:
            writer._sink.close()
        return writer.digest.hexdigest() == sha256

    def __iter__(self) -> Iterator[str]:
        """The stored files' (keyed) names, not SHA-256s: :meth:`verify_name` checks one."""
        for path in sorted(self.root.glob("??/*.age")):
            name = path.name.removesuffix(".age")
            if _SHA256.fullmatch(name) and path.parent.name == _folder(name):
                yield name

    def clean_temporary(self) -> None:
        """Removes parts left by a killed process: its staged files here, and the decrypted part of an
        extract it was writing elsewhere (noted in tmp/extracts while it existed)."""
        for part in (self.root / "tmp").glob("*.part"):
            with contextlib.suppress(OSError):
                part.unlink()
        removed = files.clean_journal(self.root / "tmp" / "extracts")
        if removed:
            log.warning("removed the decrypted parts of %d interrupted extracts", len(removed))

    def _decrypt_into(self, source_path: Path, writer: io.RawIOBase, sha256: str) -> None:
        with source_path.open("rb") as source:
            try:
                agefile.decrypt_stream(source, writer, [self._key])
            except agefile.AgeError as exc:
                raise XunchaError("evidence_damaged", sha256=sha256) from exc
