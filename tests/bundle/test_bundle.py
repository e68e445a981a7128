"""The bundle from a user's point of view: a copy of the folder, run with no Python or venv on PATH, answers
--version, builds and verifies the demo, writes a feedback report with its own fonts, exchanges a sync
package between two of its workspaces, and opens the window on the demo and closes it. Built once per
session (conftest.py); slow by nature (the build takes minutes, docs/bundle.md)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bundle.conftest import WINDOW, Runner
from xuncha_desktop import __version__
from xuncha_desktop.demo.builder import DEMO_PASSPHRASE
from xuncha_desktop.resources import BUILD_INFO

pytestmark = pytest.mark.slow

SECOND = "第二台笔记本 的口令 horse battery"


@pytest.fixture(scope="session")
def demo(runner: Runner) -> Path:
    path = runner.home / "演示工作区"
    runner.run("demo", "--workspace", str(path))
    return path


def _json(done: subprocess.CompletedProcess[str]) -> object:
    return json.loads(done.stdout)


def test_version_answers_and_the_folder_holds_what_it_reads(runner: Runner, bundle: Path) -> None:
    assert runner.run("--version").stdout.strip() == f"xuncha-desktop {__version__}"
    internal = bundle / "_internal"
    built = json.loads((internal / BUILD_INFO).read_text(encoding="utf-8"))
    assert built["version"] == __version__ and built["built"][:2] == "20"
    assert list((internal / "xuncha_desktop" / "db" / "migrations" / "versions").glob("0001_*.py"))
    assert list((internal / "xuncha_desktop" / "assets" / "fonts").glob("*.ttf"))
    assert list(internal.rglob("qtbase_zh_CN.qm")), "Qt's own Chinese texts ship"
    # the licences 关于 lists: every library's metadata, and the fonts' licence texts
    assert list(internal.glob("pyside6_essentials-*.dist-info")) and list(internal.glob("sqlalchemy-*.dist-info"))
    assert (internal / "xuncha_desktop" / "assets" / "fonts" / "ARPHICPL.TXT").is_file()
    # stripped: no WebEngine, no QML
    assert not list(internal.rglob("*WebEngine*")) and not list(internal.rglob("libQt6Qml*"))


def test_demo_is_built_and_verifies(runner: Runner, demo: Path) -> None:
    assert (demo / "workspace.json").is_file()
    checked = runner.run("verify", "--workspace", str(demo), env={"XUNCHA_PASSPHRASE": DEMO_PASSPHRASE})
    assert checked.returncode == 0, checked.stdout


def test_a_feedback_report_is_written_with_the_shipped_fonts(runner: Runner, demo: Path) -> None:
    env = {"XUNCHA_PASSPHRASE": DEMO_PASSPHRASE}
    problems = _json(runner.run("records", "list", "problem", "--workspace", str(demo), env=env))
    assert isinstance(problems, list) and problems
    out = runner.home / "反馈意见.pdf"
    runner.run("report", "feedback", "--unit", problems[0]["unit_id"], "--out", str(out), "--system-fonts", "no",
               "--workspace", str(demo), env=env)
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
        assert "AR-PL" in fonts or "ARPL" in fonts or "WenQuanYi" in fonts, fonts
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        assert "反馈" in text.replace(" ", "")


def test_a_sync_package_goes_from_one_bundle_workspace_to_another(runner: Runner, demo: Path) -> None:
    second = runner.home / "第二台"
    secret = runner.home / "second.txt"
    secret.write_text(SECOND, encoding="utf-8")
    demo_env = {"XUNCHA_PASSPHRASE": DEMO_PASSPHRASE}
    second_env = {"XUNCHA_PASSPHRASE": SECOND, "XUNCHA_NEW_PASSPHRASE": SECOND}
    runner.run("init", "--device-name", "第二台笔记本", "--user", "李明", "--workspace", str(second),
               env=second_env)
    demo_key, second_key = runner.home / "demo-key.json", runner.home / "second-key.json"
    runner.run("keys", "export-public", "--out", str(demo_key), "--workspace", str(demo), env=demo_env)
    runner.run("keys", "export-public", "--out", str(second_key), "--workspace", str(second), env=second_env)
    runner.run("keys", "trust", str(second_key), "--yes", "--workspace", str(demo), env=demo_env)
    runner.run("keys", "trust", str(demo_key), "--yes", "--workspace", str(second), env=second_env)
    package = runner.home / "交换.xcpkg"
    runner.run("sync", "export", "--out", str(package), "--to", str(second_key), "--workspace", str(demo),
               env=demo_env)
    assert package.stat().st_size > 0
    summary = _json(runner.run("sync", "import", str(package), "--workspace", str(second), env=second_env))
    assert isinstance(summary, dict)
    units = _json(runner.run("records", "list", "unit", "--workspace", str(demo), env=demo_env))
    arrived = _json(runner.run("records", "list", "unit", "--workspace", str(second), env=second_env))
    assert isinstance(units, list) and isinstance(arrived, list) and units
    assert {u["id"] for u in arrived} == {u["id"] for u in units}
    # importing the same package again changes nothing
    runner.run("sync", "import", str(package), "--workspace", str(second), env=second_env)
    again = _json(runner.run("records", "list", "unit", "--workspace", str(second), env=second_env))
    assert again == arrived


def test_the_window_opens_on_the_demo_paints_and_closes(runner: Runner, demo: Path) -> None:
    done = runner.run("gui", "--smoke", "--workspace", str(demo), program=WINDOW,
                      env={"XUNCHA_PASSPHRASE": DEMO_PASSPHRASE})
    lines = done.stdout.splitlines()
    assert lines[-2] == "painted"
    # 关于 in the bundle: the version, the build's date (not "source") and the libraries' licences from the
    # metadata the bundle carries
    about, built, count = lines[-1].split(", ")
    assert about == f"about: {__version__}" and built.endswith(" UTC") and int(count.split()[0]) >= 15
    # a wrong passphrase does not hang at the login dialog in smoke mode: it says so and exits 1
    wrong = runner.run("gui", "--smoke", "--workspace", str(demo), program=WINDOW,
                       env={"XUNCHA_PASSPHRASE": "not the passphrase"}, check=False)
    assert wrong.returncode == 1 and "painted" not in wrong.stdout


def test_install_adds_a_menu_entry_and_uninstall_removes_it_leaving_workspaces(runner: Runner, bundle: Path,
                                                                              demo: Path) -> None:
    if sys.platform == "win32":
        # Windows is handed the zip (docs/bundle.md): the folder carries no shell scripts to mislead anyone.
        assert not (bundle / "install.sh").exists() and not (bundle / "uninstall.sh").exists()
        return
    data = runner.home / "data"
    env = {**runner.env, "XDG_DATA_HOME": str(data)}
    subprocess.run(["sh", str(bundle / "install.sh")], env=env, check=True, capture_output=True, timeout=60)
    entry = data / "applications" / "xuncha-desktop.desktop"
    icon = data / "icons" / "hicolor" / "scalable" / "apps" / "xuncha-desktop.svg"
    link = runner.home / ".local" / "bin" / "xuncha"
    text = entry.read_text(encoding="utf-8")
    assert f'Exec="{bundle / WINDOW}"' in text and "Icon=xuncha-desktop" in text and "Name=巡察外业桌面端" in text
    assert icon.read_bytes().lstrip().startswith((b"<svg", b"<?xml"))
    assert link.resolve() == (bundle / "xuncha").resolve()
    # the freedesktop validator (desktop-file-utils, installed by make setup); its 0.26, as on Debian 11/12,
    # refuses an entry of Version=1.5
    validator = shutil.which("desktop-file-validate")
    assert validator is not None, "desktop-file-validate missing: make setup installs desktop-file-utils"
    checked = subprocess.run([validator, str(entry)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0 and "error" not in checked.stdout, checked.stdout
    # the installed command runs from the menu's link
    assert subprocess.run([str(link), "--version"], env=env, capture_output=True, text=True,
                          check=True).stdout.startswith("xuncha-desktop")
    before = sorted(p.relative_to(demo) for p in demo.rglob("*"))
    subprocess.run(["sh", str(bundle / "uninstall.sh")], env=env, check=True, capture_output=True, timeout=60)
    assert not entry.exists() and not icon.exists() and not link.exists() and not link.is_symlink()
    assert sorted(p.relative_to(demo) for p in demo.rglob("*")) == before  # the workspace is untouched
