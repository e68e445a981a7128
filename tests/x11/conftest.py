"""A real X11 session for the window: Xvfb at a laptop's 1366×768, the openbox window manager (so activation,
default buttons and window sizes behave as on a desktop), the xcb platform, and xdotool sending keys to the
real windows. The packages come from build_spec/install-system-packages.sh, which `make test` runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class Display:
    name: str
    env: dict[str, str]

    def xdotool(self, *args: str, timeout: float = 30) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=timeout,
                              check=False)
        if done.returncode != 0:
            raise AssertionError(f"xdotool {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout.strip()

    def window(self, title: str, timeout: float = 30) -> str:
        """The id of the visible window whose title contains ``title``, waiting for it to appear."""
        deadline = time.monotonic() + timeout
        while True:
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title], env=self.env,
                                   capture_output=True, text=True, timeout=10, check=False)
            ids = found.stdout.split()
            if ids:
                return ids[-1]
            if time.monotonic() > deadline:
                raise AssertionError(f"no window titled like {title!r} appeared")
            time.sleep(0.1)

    def geometry(self, window: str) -> tuple[int, int, int, int]:
        """x, y, width, height of a window as the window manager placed it."""
        values = dict(line.split("=", 1) for line in self.xdotool("getwindowgeometry", "--shell", window).splitlines())
        return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


def _free_display() -> int:
    for number in range(91, 200):
        if not Path(f"/tmp/.X{number}-lock").exists() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            return number
    raise AssertionError("no free X display number")


@pytest.fixture(scope="session")
def x11(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Display]:
    missing = [tool for tool in ("Xvfb", "openbox", "xdotool") if shutil.which(tool) is None]
    assert not missing, f"run build_spec/install-system-packages.sh (make test does): missing {missing}"
    number = _free_display()
    home = tmp_path_factory.mktemp("x11-home")
    env = {**os.environ, "DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb", "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_DATA_HOME": str(home / "data"), "HOME": str(home)}
    env.pop("XUNCHA_PASSPHRASE", None)
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 20
    while not socket.exists():
        assert server.poll() is None and time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.05)
    manager = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    display = Display(f":{number}", env)
    deadline = time.monotonic() + 20
    # up when the window manager answers for the desktop (EWMH): before that, activating a window fails
    while subprocess.run(["xdotool", "get_desktop"], env=env, capture_output=True, check=False).returncode != 0:
        assert time.monotonic() < deadline, "the X session did not come up"
        time.sleep(0.05)
    try:
        yield display
    finally:
        manager.terminate()
        server.terminate()
        manager.wait(10)
        server.wait(10)
