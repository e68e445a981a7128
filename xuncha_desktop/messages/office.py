"""Messages of the office's view across rounds and groups (``services/stats.py``, ``xuncha stats office``)."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "action_view_overview": ("查看巡察办跨轮次、跨巡察组的整改、线索与重复问题台账",
                             "see the office's ledgers across rounds and groups"),
    "stats_dimension": ("无法按“{value}”统计整改率，可选：{choices}。",
                        "Rectification rates cannot be counted by \"{value}\"; choose one of: {choices}."),
}
