"""``python -m xuncha_desktop`` does what the ``xuncha`` command does."""

import sys

from xuncha_desktop.cli import main

sys.exit(main())
