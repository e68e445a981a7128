"""The .ico the spec gives the Windows executables (build_spec/windows_icon.py), made and read back here:
every size drawn, transparent around the shield, the shield's blue where it is drawn."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image
from PIL.IcoImagePlugin import IcoImageFile

ROOT = Path(__file__).resolve().parents[2]


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("windows_icon", ROOT / "build_spec" / "windows_icon.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_ico_holds_every_size_drawn_from_the_svg(tmp_path: Path) -> None:
    windows_icon = _module()
    out = windows_icon.make_ico(ROOT / "resources" / "icons" / "app.svg", tmp_path / "app.ico")
    sizes: tuple[int, ...] = windows_icon.SIZES
    with Image.open(out) as ico:
        assert ico.format == "ICO"
        assert sorted(ico.info["sizes"]) == sorted((s, s) for s in sizes)
        for size in (16, 48, 256):
            assert isinstance(ico, IcoImageFile)
            image = ico.ico.getimage((size, size)).convert("RGBA")
            assert image.size == (size, size)
            corner = image.getpixel((0, 0))
            assert isinstance(corner, tuple) and corner[3] == 0  # the corner is transparent
            raw = image.tobytes()
            pixels = [raw[at:at + 4] for at in range(0, len(raw), 4)]
            blue = [p for p in pixels if p[3] > 200 and p[2] > p[0] + 60]
            assert len(blue) > size  # the shield's strokes (#1f5fa8), at this size too


def test_a_file_that_is_no_svg_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.svg"
    broken.write_text("<svg", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.svg"):
        _module().make_ico(broken, tmp_path / "app.ico")
    assert not (tmp_path / "app.ico").exists()
