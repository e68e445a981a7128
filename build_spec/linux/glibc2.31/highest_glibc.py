"""The newest glibc symbol version any ELF file in a folder needs (readelf -V), and the files that need more
than a limit: a bundle built for glibc 2.31 (Kylin V10 SP1) must need nothing newer.

    python3 highest_glibc.py dist/xuncha 2.31      # exits 1, listing the files, when one needs more
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text))


def needs(file: Path) -> tuple[int, ...]:
    """The highest GLIBC_x.y the file's version-needs name, () for none."""
    out = subprocess.run(["readelf", "-V", "-W", str(file)], capture_output=True, text=True, check=False).stdout
    found = [_version(m.group(1)) for m in re.finditer(r"Name: GLIBC_([\d.]+)", out)]
    return max(found, default=())


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def main() -> int:
    folder, limit = Path(sys.argv[1]), _version(sys.argv[2])
    files = elf_files(folder)
    over = [(path, version) for path in files if (version := needs(path)) > limit]
    newest = max((needs(path) for path in files), default=())
    print(f"{len(files)} ELF files; the newest glibc needed: {'.'.join(map(str, newest)) or 'none'}")
    for path, version in over:
        print(f"  needs glibc {'.'.join(map(str, version))}: {path.relative_to(folder)}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
