"""Writing a file so that it is either whole or not there: the one atomic-write helper of the program.

The content goes to a temporary sibling (same folder, so the rename never crosses a file system), is
flushed to the disk (``fsync``), renamed over the target, and then the folder is flushed too, so that the
rename itself survives a power cut. Windows cannot open a folder to flush it; there the rename is as
durable as NTFS makes it, which is what every program on Windows gets. A failure or a cancel at any moment
leaves the old file (or none) and no temporary file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

PRIVATE = 0o600


def fsync_folder(folder: Path) -> None:
    """Flushes a folder's entries (a rename or a new file in it) to the disk; does nothing where the
    platform cannot open a folder (Windows)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temporary_sibling(target: Path, mode: int) -> tuple[int, Path]:
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    if os.name != "nt":
        os.fchmod(handle, mode)  # mkstemp makes 0600; a wider mode is asked for explicitly
    return handle, Path(name)


@contextmanager
def atomic_writer(target: Path, mode: int = PRIVATE, journal: Path | None = None) -> Iterator[BinaryIO]:
    """A binary file to write ``target``'s new content into; on leaving the block without an error the
    content replaces ``target`` durably. On an error (or a cancel raised inside the block) ``target`` is
    untouched and the temporary file removed, and the error passes on.

    ``journal`` is a folder where the temporary file's path is noted while it exists, for content that must
    not outlive a killed process (decrypted evidence written outside the workspace): a process that is
    killed cannot remove its temporary file, so the next one removes what the journal names
    (``clean_journal``)."""
    handle, temp = _temporary_sibling(target, mode)
    note = _note(journal, temp) if journal is not None else None
    try:
        with os.fdopen(handle, "wb") as sink:
            yield sink
            sink.flush()
            os.fsync(sink.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        if note is not None:
            note.unlink(missing_ok=True)
            with contextlib.suppress(OSError):  # left only while another write is noted in it
                note.parent.rmdir()
    fsync_folder(target.parent)


_NOTE_SUFFIX = ".pending"


def _note(journal: Path, temp: Path) -> Path:
    journal.mkdir(mode=0o700, parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=journal, suffix=_NOTE_SUFFIX)
    with os.fdopen(handle, "w", encoding="utf-8") as note:
        note.write(str(temp))
        note.flush()
        os.fsync(note.fileno())
    fsync_folder(journal)
    return Path(name)


def clean_journal(journal: Path) -> list[Path]:
    """Removes the temporary files a killed process left, as noted in ``journal``; returns those removed.
    Only files named as this module names its temporary files are touched, whatever a note says."""
    removed: list[Path] = []
    for note in sorted(journal.glob(f"*{_NOTE_SUFFIX}")) if journal.is_dir() else []:
        try:
            temp = Path(note.read_text(encoding="utf-8").strip())
        except (OSError, UnicodeDecodeError):
            temp = None
        if temp is not None and temp.name.startswith(".") and temp.name.endswith(".part") and temp.is_file():
            try:
                temp.unlink()
                removed.append(temp)
            except OSError:
                continue  # kept, with its note, for the next start (a removable drive not plugged in, say)
        note.unlink(missing_ok=True)
    return removed


def write_bytes(target: Path, data: bytes, mode: int = PRIVATE) -> Path:
    """Replaces ``target`` with ``data`` atomically and durably (readable by the owner only by default)."""
    with atomic_writer(target, mode) as sink:
        sink.write(data)
    return target


def write_through(target: Path, make: Callable[[Path], object], mode: int = PRIVATE) -> Path:
    """For writers that want a path (a PDF, Word or Excel library): ``make(partial)`` writes a temporary
    sibling, which then replaces ``target`` atomically and durably. The partial file keeps ``target``'s
    suffix, since some libraries choose the format by it."""
    handle, temp = _temporary_sibling(target, mode)
    os.close(handle)
    partial = temp.with_name(temp.name + target.suffix)
    try:
        temp.rename(partial)
        make(partial)
        if os.name != "nt":
            os.chmod(partial, mode)  # the library may have made the file anew, with the umask's mode
        fd = os.open(partial, os.O_RDWR)  # Windows flushes only a file open for writing
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(partial, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
        raise
    fsync_folder(target.parent)
    return target
