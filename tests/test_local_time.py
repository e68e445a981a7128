"""One rule for time: what is typed, shown and printed is in the workspace's zone (Asia/Shanghai by default),
whatever the computer's clock is set to. The screen said 00:53 where the printed 谈话记录 said 08:53 on a
computer set to UTC; each check below runs in a process whose TZ is UTC, China's, or New York's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CHILD = r'''
import datetime as dt, json, sys, time
from pathlib import Path
from zoneinfo import ZoneInfo
from tests.conftest import PASSPHRASE, _frame
from xuncha_desktop import local_time
from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.services import documents
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.workspace import Workspace

ws = Workspace.create(Path(sys.argv[1]), "笔记本", PASSPHRASE, kdf=KdfParams.cheap())
with ws.transaction() as s:
    ids = _frame(s, KINDS)
    interview = KINDS["interview"].create(s, {
        "unit_id": ids["unit"], "interviewee_name": "刘静", "interviewee_category": "principal",
        "started_at": "2020-09-15T09:30", "interviewers": ["赵刚", "钱敏"]})
    stored = interview.started_at
    record = documents.interview_record(s, interview.id)
shown = Controller(ws).display("interview", "started_at", stored)
china = dt.datetime.now(ZoneInfo("Asia/Shanghai"))
out = {"stored_utc": stored.astimezone(dt.UTC).strftime("%H:%M"), "shown": shown,
       "printed": dict(record.header)["谈话时间"], "now_hour": local_time.now().hour,
       "china_hour": china.hour, "today": local_time.today().isoformat(),
       "china_today": china.date().isoformat(), "computer_zone": time.tzname[0]}
ws.close()
print(json.dumps(out, ensure_ascii=False))
'''


@pytest.mark.parametrize("computer_zone", ["UTC", "Asia/Shanghai", "America/New_York"])
def test_typed_shown_and_printed_times_agree_whatever_the_computers_zone(tmp_path: Path, computer_zone: str) -> None:
    env = {**os.environ, "TZ": computer_zone, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "ws")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["stored_utc"] == "01:30"  # 09:30 in China, stored in UTC
    assert seen["shown"] == "2020-09-15 09:30"
    assert seen["printed"] == "2020年9月15日09:30"
    assert seen["now_hour"] == seen["china_hour"] and seen["today"] == seen["china_today"]
