"""巡察外业桌面端 (xuncha-desktop): records, evidence, sync and reports for Party inspection groups."""

__version__ = "0.1.0"

import logging as _logging

# The workspace's log file gets a handler when a workspace opens; until then nothing is printed.
_logging.getLogger("xuncha").addHandler(_logging.NullHandler())
