"""Run as a child process by test_interview.py: types an interview record until it is killed.

Arguments: workspace folder, passphrase, unit id, draft key. Prints "<characters typed> <monotonic time>"
after each character, so the parent knows what had been typed when it killed this process.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TEXT = ("问：请介绍单位落实中央八项规定精神的情况。"
        "答：我们制定了实施细则，每季度开展监督检查，公务接待全部公函审批。") * 4


def main() -> None:
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from xuncha_desktop.ui.controllers.records import Controller
    from xuncha_desktop.ui.interview_editor import InterviewEditor
    from xuncha_desktop.workspace import Workspace

    folder, passphrase, unit_id, key = sys.argv[1:5]
    app = QApplication([])
    workspace = Workspace.open(Path(folder), passphrase)
    controller = Controller(workspace)
    editor = InterviewEditor(controller, controller.drafts, None, {"unit_id": unit_id}, key)
    editor.show()
    text = editor.text
    text.setFocus()
    print("ready", flush=True)
    for typed, char in enumerate(TEXT, 1):
        event = QInputMethodEvent("", [])
        event.setCommitString(char)
        QApplication.sendEvent(text, event)
        app.processEvents()
        print(typed, time.monotonic(), flush=True)
        time.sleep(0.02)
    time.sleep(60)  # the parent kills us long before


if __name__ == "__main__":
    main()
