"""The bundle's one entry script, frozen twice (build_spec/xuncha.spec): ``xuncha`` (the command line) and
``巡察外业桌面端`` (the window, no console on Windows). Both run the command line's ``main``; without a command
it opens the window, so the window's executable needs nothing of its own."""

import sys

from xuncha_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
