"""The demo workspace: deterministic, believable, and the published figures come out of its records."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from xuncha_desktop.db.models import Evidence, FeedbackDraft, Interview, Link, Petition
from xuncha_desktop.demo.builder import DEMO_PASSPHRASE, build_demo
from xuncha_desktop.errors import XunchaError
from xuncha_desktop.reports import feedback as feedback_document
from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.services.feedback import feedback_data
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.services.records import Filter
from xuncha_desktop.services.stats import round_figures
from xuncha_desktop.services.verify import verify
from xuncha_desktop.sync.dump import dump_digest
from xuncha_desktop.workspace import Workspace

pytestmark = pytest.mark.slow  # the module builds the demo workspace (about 15 s), one test twice


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    path = tmp_path_factory.mktemp("demo") / "ws"
    build_demo(path, DEMO_PASSPHRASE, kdf=KdfParams.cheap())
    with Workspace.open(path, DEMO_PASSPHRASE) as ws:
        yield ws


def _round(ws: Workspace, kind: str) -> str:
    with ws.transaction() as s:
        return str(KINDS["round"].find(s, [Filter("kind", "=", kind)])[0].id)


def test_supervision_reproduces_the_published_figures(demo: Workspace) -> None:
    with demo.transaction() as s:
        figures = round_figures(s, _round(demo, "supervision")).supervision
    assert figures is not None
    assert (figures.units, figures.fed_back, figures.not_rectified, figures.new_found, figures.found,
            figures.handed_over, figures.rectified_since) == (23, 962, 70, 64, 134, 132, 127)


def test_the_year_reads_like_the_published_report(demo: Workspace) -> None:
    with demo.transaction() as s:
        regular = [round_figures(s, r.id) for r in KINDS["round"].find(s, [Filter("kind", "=", "regular")])]
        special = round_figures(s, _round(demo, "special"))
        county = round_figures(s, _round(demo, "elevated"))
        assert len(regular) == 2 and sum(f.units for f in regular) == 32
        assert special.petitions == 1263
        assert special.problems == 16 and special.problems_rectified == 16
        assert (county.problems_in_feedback, county.problems_rectified) == (101, 98)
        repeats = s.scalar(select(func.count()).select_from(Link).where(Link.relation == "repeats"))
        assert repeats and repeats > 100
        everything = round_figures(s)
        assert everything.interviews >= 300
        assert all(count > 0 for count in everything.clues_by_status.values()), everything.clues_by_status
        assert all(count > 0 for count in everything.problems_by_status.values()), everything.problems_by_status
        evidence = s.scalar(select(func.count()).select_from(Evidence))
        assert evidence is not None and evidence >= 30
        assert len(KINDS["paper"].find(s)) >= 30


def test_a_changed_record_changes_the_figure(demo: Workspace) -> None:
    supervision = _round(demo, "supervision")
    with demo.session() as s:
        handed = KINDS["problem"].find(s, [Filter("round_id", "=", supervision), Filter("handed_over", "=", "true"),
                                           Filter("status", "=", "in_progress")], limit=1)[0]
        KINDS["problem"].set_status(s, handed.id, "rectified", proof="整改报告")
        figures = round_figures(s, supervision).supervision
        assert figures is not None and figures.rectified_since == 128
        s.rollback()


def test_records_are_believable_chinese(demo: Workspace) -> None:
    with demo.transaction() as s:
        texts = list(s.scalars(select(Interview.record_text)))
        summaries = list(s.scalars(select(Petition.summary).limit(200)))
    lengths = sorted(len(t) for t in texts)
    assert lengths[0] >= 500 and lengths[-1] >= 4000, (lengths[0], lengths[-1])
    for text in texts[:50] + summaries:
        assert not re.search(r"lorem|ipsum|测试\d|test", text, re.IGNORECASE)
        assert len(re.findall(r"[\u4e00-\u9fff]", text)) > len(text) * 0.6


def test_demo_workspace_verifies(demo: Workspace) -> None:
    with demo.transaction() as s:
        report = verify(s, demo.evidence)
    assert report.ok, report.problems
    assert report.files_checked >= 10


def test_two_builds_hold_the_same_data(demo: Workspace, tmp_path: Path) -> None:
    other = tmp_path / "again"
    build_demo(other, DEMO_PASSPHRASE, kdf=KdfParams.cheap())
    with Workspace.open(other, DEMO_PASSPHRASE) as second, second.transaction() as s2, demo.transaction() as s1:
        assert dump_digest(s1) == dump_digest(s2)
        # the same files (by their content's hash), under names keyed by each workspace's own key
        hashes = {demo.evidence.verify_name(n) for n in demo.evidence}
        assert hashes and None not in hashes and {second.evidence.verify_name(n) for n in second.evidence} == hashes


def test_demo_refuses_an_existing_workspace(demo: Workspace) -> None:
    with pytest.raises(XunchaError) as caught:
        build_demo(demo.path, DEMO_PASSPHRASE, kdf=KdfParams.cheap())
    assert caught.value.key == "workspace_exists"


def test_feedback_reads_as_a_composed_document(demo: Workspace) -> None:
    """Every unit of an inspection round has a feedback draft (one 定稿, the others at earlier steps); its
    feedback says each finding once, signs with the group's full name and names one kind of organisation."""
    with demo.transaction() as s:
        drafts = list(s.scalars(select(FeedbackDraft).where(FeedbackDraft.deleted.is_(False))))
        assert len(drafts) == 32 + 3 + 15
        statuses = Counter(d.status for d in drafts)
        assert statuses["final"] == 1 and statuses["draft"] > 0 and statuses["leader_reviewed"] > 0
        for draft in drafts[:8]:
            data = feedback_data(s, draft.unit_id, draft.round_id)
            assert data.for_comment == (draft.status != "final")
            assert data.signed_by.startswith("中共娄底市委") and data.signed_by.endswith("巡察组")
            assert data.documents and data.documents > 0
            summaries = [e.summary for block in data.categories for e in block.items if e.summary]
            assert len(summaries) == len(set(summaries)), "a finding said twice"
            body = [p.text for p in feedback_document.paragraphs(data) if p.role == "body"]
            assert not any(re.search(r"(?<![0-9])0(份|人次|件)", text) for text in body)
            kind = "党委" if data.party_org.endswith(("委员会", "党委")) else "党组"
            other = {"党委": "党组书记", "党组": "党委书记"}[kind]
            assert all(other not in p.responsible and "（党委）" not in p.responsible for p in data.problems)
