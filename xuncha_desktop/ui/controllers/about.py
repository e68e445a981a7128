"""What 帮助 → 关于 shows: the program's version, when the bundle was built (nothing when run from source) and
the licence of every library and font it ships with, read from the installed packages' own metadata (so the
list stays true as dependencies change; the bundle carries that metadata, build_spec/xuncha.spec). No Qt."""

from __future__ import annotations

import importlib.metadata as metadata
import platform
import re
from dataclasses import dataclass

from xuncha_desktop import __version__
from xuncha_desktop.resources import build_info, resource_path

DISTRIBUTION = "xuncha-desktop"


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str  # an SPDX expression or the package's own words; "" when the package does not say
    home: str


# The fonts in resources/fonts (see its README.md); "home" is the licence text shipped beside them.
_ARPHIC = str(resource_path("fonts", "ARPHICPL.TXT"))
_APACHE = str(resource_path("fonts", "Apache-2.0.txt"))
FONTS: tuple[Component, ...] = (
    Component("AR PL SungtiL GB（文鼎宋体）", "2.11", "Arphic Public License", _ARPHIC),
    Component("AR PL KaitiM GB（文鼎楷体）", "2.11", "Arphic Public License", _ARPHIC),
    Component("WenQuanYi Micro Hei（文泉驿微米黑）", "0.2.0", "Apache-2.0", _APACHE),
)


def program_version() -> str:
    return __version__


def build_date() -> str:
    """When the bundle was built ("2026-12-07 00:15 UTC"); "" when the program runs from source."""
    built = build_info().get("built", "")
    return built.replace("T", " ")[:16] + " UTC" if built else ""


def python_version() -> str:
    return platform.python_version()


def libraries() -> list[Component]:
    """The libraries the program requires (not its test tools), each with its installed version and licence."""
    found = []
    for requirement in metadata.requires(DISTRIBUTION) or []:
        if "extra ==" in requirement:
            continue
        name = re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0]
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue
        found.append(Component(name, _field(meta, "Version"), _licence(meta), _home(meta)))
    return sorted(found, key=lambda c: c.name.casefold())


def _licence(meta: metadata.PackageMetadata) -> str:
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return ", ".join(classifiers)
    text = _field(meta, "License").strip()
    return text.splitlines()[0][:60] if text else ""


def _home(meta: metadata.PackageMetadata) -> str:
    for url in meta.get_all("Project-URL") or []:
        label, _sep, address = str(url).partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository", "source code"):
            return address.strip()
    return _field(meta, "Home-page")


def _field(meta: metadata.PackageMetadata, key: str) -> str:
    values = meta.get_all(key)
    return str(values[0]) if values else ""
