"""Messages of users, roles and their permissions."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "role_leader": ("组长", "group leader"),
    "role_deputy": ("副组长", "deputy leader"),
    "role_member": ("组员", "member"),
    "role_liaison": ("联络员", "liaison"),
    "role_office": ("巡察办", "inspection office"),
    "role_readonly": ("只读", "read-only"),
    # key slots: users of a workspace
    "user_required": ("此工作区有多位使用人（{users}），请选择以谁的身份打开（--user 或 XUNCHA_USER）。",
                      "This workspace has several users ({users}): say who opens it (--user or XUNCHA_USER)."),
    "user_unknown": ("此工作区没有使用人“{user}”。使用人：{users}",
                     "This workspace has no user \"{user}\". Users: {users}"),
    "user_exists": ("已有名为“{user}”的使用人，未作改动。", "There is already a user named \"{user}\"; nothing was changed."),
    "user_name_invalid": ("使用人姓名须为 1 至 {maximum} 个字符，且不含换行或制表符。",
                          "A user's name takes 1 to {maximum} characters, without line breaks or tabs."),
    "user_role_unknown": ("没有“{role}”这个角色。可选：{roles}", "There is no role \"{role}\". Roles: {roles}"),
    "users_not_allowed": ("{user} 的角色无权管理使用人：只有组长或巡察办可以，未作改动。",
                          "{user}'s role may not manage users: only the group leader or the office may; "
                          "nothing was changed."),
    "users_first_must_manage": ("新工作区的第一位使用人须为组长或巡察办：由其添加其他使用人。",
                                "The first user of a new workspace must be the group leader or the office, who "
                                "adds the others."),
    "users_identity_key_missing": ("此使用人的密钥槽没有身份信息密钥，无法给需要它的角色建槽或设置恢复。",
                                   "This user's key slot holds no identity key, so it cannot give one to a role "
                                   "that needs it or set the recovery slot."),
    "user_remove_self": ("不能删除自己（{user}）：请由另一位组长或巡察办删除。",
                         "You cannot remove yourself ({user}): another leader or the office can."),
    "user_last_manager": ("删除“{user}”后将没有组长或巡察办能管理使用人，未删除。",
                          "Removing \"{user}\" would leave no group leader or office to manage users; "
                          "not removed."),
    "recovery_not_set": ("工作区 {path} 没有设置巡察办恢复槽，无法在此恢复口令。",
                         "The workspace at {path} has no office recovery slot; its passphrase cannot be "
                         "recovered here."),
    "recovery_wrong_office": ("此工作区的恢复槽不是用本巡察办的密钥加密的，无法在此恢复。",
                              "This workspace's recovery slot was not sealed to this office's key; it cannot be "
                              "recovered here."),
    "passphrase_wait": ("口令错误次数较多，下次尝试需等待 {seconds} 秒。",
                        "After several wrong passphrases the next try waits {seconds} seconds."),
    "new_passphrase_missing": ("需要新口令：请用 --new-passphrase-file 文件 或环境变量 XUNCHA_NEW_PASSPHRASE 提供。",
                               "A new passphrase is needed: give --new-passphrase-file FILE or set "
                               "XUNCHA_NEW_PASSPHRASE."),
    "new_passphrase_mismatch": ("两次输入的新口令不一致，未作改动。",
                                "The two new passphrases differ; nothing was changed."),
}
