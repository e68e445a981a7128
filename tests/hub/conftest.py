"""An office hub on the test server (a fresh database per test) and its stations, each in its own folder."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.postgres import fresh_database
from xuncha_desktop import hub as hub_service
from xuncha_desktop import workspace
from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.workspace import Workspace

CLERK_PASSPHRASE = "汇总库口令 purple elephant"


@dataclass
class Hub:
    url: str
    folder: Path
    first: Workspace  # station 一号工作站, user 李主任 (office)

    def join(self, station: str, user: str = "王科员") -> Workspace:
        return hub_service.join(self.folder / station, self.url, station,
                                CLERK_PASSPHRASE if user == "王科员" else PASSPHRASE, user)


def make_hub(folder: Path, url: str) -> Hub:
    first = hub_service.create(folder / "一号工作站", "巡察办汇总库", PASSPHRASE, url, "一号工作站",
                               evidence_store=folder / "shared-evidence", user_name="李主任",
                               kdf=KdfParams.cheap())
    workspace.add_user(first, "王科员", "office", CLERK_PASSPHRASE)
    return Hub(url, folder, first)


@pytest.fixture
def hub_url() -> Iterator[str]:
    with fresh_database() as url:
        yield url


@pytest.fixture
def hub(tmp_path: Path, hub_url: str) -> Iterator[Hub]:
    made = make_hub(tmp_path, hub_url)
    yield made
    made.first.close()
