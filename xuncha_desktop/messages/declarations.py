"""Messages of 回避 (recusal declarations) and the warnings they give."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "declaration_concerns_needed": ("回避申报须填写相关单位或相关人员。",
                                    "A recusal declaration needs the unit or the person concerned."),
    "recusal_warning_group": ("回避提示：{member} 申报了回避事项（{relation}：{concerned}），现被编入巡察该单位的巡察组。",
                              "Recusal: {member} declared a relation ({relation}: {concerned}) and is now in a group "
                              "inspecting that unit."),
    "recusal_warning_interview": ("回避提示：谈话人 {member} 申报了回避事项（{relation}：{concerned}），本次谈话涉及该单位或人员。",
                                  "Recusal: interviewer {member} declared a relation ({relation}: {concerned}) that "
                                  "this interview concerns."),
    "recusal_warning_petition": ("回避提示：经办人 {member} 申报了回避事项（{relation}：{concerned}），本信访件反映该单位或人员。",
                                 "Recusal: {member}, handling this petition, declared a relation ({relation}: "
                                 "{concerned}) that the petition is about."),
}
