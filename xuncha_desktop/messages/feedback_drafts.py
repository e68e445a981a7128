"""Messages of 巡察反馈意见稿 (feedback drafts), their items and their steps."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "action_draft_feedback": ("起草或修改反馈意见稿", "draft or edit feedback drafts"),
    "action_review_feedback": ("审核反馈意见稿（组长审核）", "review feedback drafts (the leader's review)"),
    "action_return_feedback": ("退回组长审核的反馈意见稿", "return a feedback draft the leader reviewed"),
    "action_approve_feedback": ("审核反馈意见稿并定稿（巡察办审核、定稿）或退回起草",
                                "review and finalise feedback drafts (the office's review, final) or return them"),
    "feedback_draft_exists": ("该单位在本轮巡察中已有反馈意见稿；请打开它修改。",
                              "This unit already has a feedback draft in this round; open it to edit."),
    "feedback_draft_locked": ("反馈意见稿处于“{status_zh}”（{status_en}）状态，“{field_zh}”（{field}）不能修改；请先退回起草。",
                              "The feedback draft is {status_en} ({status_zh}): {field} ({field_zh}) cannot be changed; "
                              "return it for redrafting first."),
    "feedback_draft_uncovered": ("还有 {count} 个列入反馈的问题（编号 {numbers}）不在任何反馈事项中，不能定稿；请先加入新问题。",
                                 "{count} problem(s) listed for the feedback (numbers {numbers}) are in no item of the "
                                 "draft, so it cannot be made final; add the new problems first."),
    "feedback_count_negative": ("“{field_zh}”（{field}）不能为负数。", "{field} ({field_zh}) cannot be negative."),
    "feedback_merge_needs_two": ("请至少选择两个反馈事项合并。", "Choose at least two items to merge."),
    "feedback_merge_drafts": ("只能合并同一反馈意见稿中的事项。", "Only items of one feedback draft can be merged."),
    "feedback_merge_categories": ("不同类别的反馈事项不能合并：它们在反馈意见中属于不同标题。",
                                  "Items of different categories cannot be merged: they stand under different "
                                  "headings of the feedback."),
    "feedback_split_not_in_item": ("请选择该反馈事项中的问题拆分。", "Choose problems of this item to split off."),
    "feedback_split_all": ("不能把全部问题拆出：原事项至少保留一个问题。",
                           "Not every problem can be split off: the item keeps at least one."),
    "feedback_draft_created": ("已由问题生成反馈意见稿：{items} 个事项。", "Feedback draft made from the problems: {items} items."),
    "feedback_item_number": ("没有第 {number} 个事项（共 {count} 个，见 show）。",
                             "There is no item {number} (there are {count}; see show)."),
    "feedback_no_draft": ("该单位在本轮巡察中还没有反馈意见稿。", "This unit has no feedback draft in this round yet."),
}
