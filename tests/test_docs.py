"""The documentation names every field and command that exists."""

from __future__ import annotations

from pathlib import Path

from xuncha_desktop.cli import commands
from xuncha_desktop.services.kinds import KINDS

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_data_model_documents_every_field() -> None:
    text = (DOCS / "data-model.md").read_text(encoding="utf-8")
    missing = [f"{kind}.{field.name}" for kind, service in KINDS.items() for field in service.fields
               if f"| `{field.name}` |" not in text.split(f"### `{kind}`")[1].split("### ")[0]]
    assert missing == []


def test_cli_reference_documents_every_command() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert [name for name in commands() if f"xuncha {name}" not in text] == []
