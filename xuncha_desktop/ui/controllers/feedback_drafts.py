"""巡察反馈意见稿 for the window: find, make, edit and step a unit's feedback draft through
``services.feedback_drafts``, each call in its own short transaction, returning the draft as the window
shows it (:class:`~xuncha_desktop.services.feedback_drafts.DraftView`). No Qt."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from xuncha_desktop.services import feedback_drafts as drafts
from xuncha_desktop.services.feedback import latest_round_of_unit
from xuncha_desktop.services.feedback_drafts import DraftView
from xuncha_desktop.services.units import service as units

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from xuncha_desktop.workspace import Workspace


class FeedbackDraftsController:
    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def _then_view(self, draft_id: str, change: Callable[[Session], object]) -> DraftView:
        with self._workspace.transaction() as session:
            change(session)
            return drafts.view(session, draft_id)

    def find(self, unit_id: str, round_id: str | None = None) -> tuple[str, DraftView | None]:
        """The round meant (the unit's latest when None) and the unit's draft in it, if any. Raises NotFound,
        InvalidRequest (``report_no_round``)."""
        with self._workspace.session() as session:
            unit = units.get(session, unit_id)
            the_round = round_id or str(latest_round_of_unit(session, unit.id).id)
            found = drafts.draft_for(session, the_round, unit.id)
            return the_round, drafts.view(session, found.id) if found is not None else None

    def create(self, unit_id: str, round_id: str) -> DraftView:
        """A new draft proposed from the problems listed for the feedback."""
        with self._workspace.transaction() as session:
            made = drafts.create_from_problems(session, unit_id, round_id)
            return drafts.view(session, made.id)

    def view(self, draft_id: str) -> DraftView:
        with self._workspace.session() as session:
            return drafts.view(session, draft_id)

    def save(self, draft_id: str, assessment: str, documents_reviewed: int | None) -> DraftView:
        """Writes the 总体评价 and the count of documents reviewed (None: not recorded)."""
        return self._then_view(draft_id, lambda s: drafts.service.update(
            s, draft_id, {"assessment": assessment, "documents_reviewed": documents_reviewed}))

    def update_item(self, draft_id: str, item_id: str, summary: str, requirement: str) -> DraftView:
        return self._then_view(draft_id, lambda s: drafts.update_item(s, item_id, summary, requirement))

    def move(self, draft_id: str, item_id: str, offset: int) -> DraftView:
        return self._then_view(draft_id, lambda s: drafts.move_item(s, item_id, offset))

    def merge(self, draft_id: str, item_ids: Sequence[str]) -> DraftView:
        return self._then_view(draft_id, lambda s: drafts.merge_items(s, item_ids))

    def split(self, draft_id: str, item_id: str, problem_ids: Sequence[str]) -> DraftView:
        return self._then_view(draft_id, lambda s: drafts.split_item(s, item_id, problem_ids))

    def add_uncovered(self, draft_id: str) -> DraftView:
        return self._then_view(draft_id, lambda s: drafts.add_uncovered(s, draft_id))

    def step(self, draft_id: str, status: str) -> DraftView:
        return self._then_view(draft_id, lambda s: drafts.step(s, draft_id, status))
