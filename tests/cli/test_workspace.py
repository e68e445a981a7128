"""cli/workspace.py: vocabulary terms."""

from __future__ import annotations

from tests.cli.conftest import Cli


def test_vocabulary_terms_are_added_relabelled_and_withdrawn(cli: Cli) -> None:
    code, terms, _ = cli("vocab", "add", "evidence_type", "--code", "questionnaire", "--label", "问卷调查表")
    assert code == 0 and terms[-1]["code"] == "questionnaire"
    code, terms, _ = cli("vocab", "update", "evidence_type", "--code", "questionnaire", "--label", "问卷调查结果")
    assert code == 0 and terms[-1]["label_zh"] == "问卷调查结果"
    code, terms, _ = cli("vocab", "remove", "evidence_type", "--code", "questionnaire")
    assert code == 0 and "questionnaire" not in [t["code"] for t in terms]
    code, _, err = cli("vocab", "remove", "evidence_type", "--code", "questionnaire")
    assert code == 2 and "questionnaire" in err
    code, _, err = cli("vocab", "list", "colours")
    assert code == 2 and "colours" in err
