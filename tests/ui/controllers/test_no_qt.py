"""The controllers package is the window's layer without Qt: importing it must not import PySide6."""

from __future__ import annotations

import subprocess
import sys

MODULES = ("drafts", "evidence", "jobs", "login", "records", "reports", "sync")


def test_importing_the_controllers_imports_no_qt() -> None:
    imports = "; ".join(f"import xuncha_desktop.ui.controllers.{name}" for name in MODULES)
    code = f"import sys; {imports}; print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "[]"


def test_the_check_would_see_qt() -> None:
    """The same check on a module that does import Qt reports it (so the test above can fail)."""
    code = "import sys; import xuncha_desktop.ui.jobs; print('PySide6' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "True"
