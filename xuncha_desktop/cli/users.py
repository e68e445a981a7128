"""``xuncha users list|add|remove|passphrase|recovery|recover``: the people of a workspace and their key slots.

Passphrases come from files or the environment (--passphrase-file / XUNCHA_PASSPHRASE for the acting
user's, --new-passphrase-file / XUNCHA_NEW_PASSPHRASE for the one being set) or are typed at a terminal;
never from the command line. See docs/security.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from xuncha_desktop import messages
from xuncha_desktop.cli.common import Handler, Subparsers, _Parser, emit, new_passphrase, open_workspace, passphrase
from xuncha_desktop.security.roles import Role

ORDER = 15


def register(commands: Subparsers, common: _Parser) -> dict[str, Handler]:
    users = commands.add_parser("users", help="使用人与密钥槽 / users, roles and key slots", parents=[common])
    actions = users.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    actions.add_parser("list", help="使用人及其角色 / the users and their roles", parents=[common])
    new_file = argparse.ArgumentParser(add_help=False)
    new_file.add_argument("--new-passphrase-file", type=Path,
                          help="从文件读取新口令 / read the new passphrase from FILE (else XUNCHA_NEW_PASSPHRASE)")
    add = actions.add_parser("add", help="添加使用人（组长或巡察办）/ add a user (leader or office only)",
                             parents=[common, new_file])
    add.add_argument("name", help="姓名 / the user's name")
    add.add_argument("--role", required=True, choices=[r.value for r in Role],
                     help="角色 / role: leader 组长, deputy 副组长, member 组员, liaison 联络员, office 巡察办, "
                          "readonly 只读")
    remove = actions.add_parser("remove", help="删除使用人的密钥槽 / revoke a user's key slot", parents=[common])
    remove.add_argument("name")
    actions.add_parser("passphrase", help="修改自己的口令 / change your own passphrase", parents=[common, new_file])
    recovery = actions.add_parser("recovery", help="设置巡察办恢复槽 / seal the keys to the office's public key",
                                  parents=[common])
    recovery.add_argument("--keyfile", type=Path, required=True,
                          help="巡察办的公钥文件（xuncha keys export-public）/ the office's public key file")
    recover = actions.add_parser("recover", help="在巡察办为笔记本的使用人重设口令 / at the office: give a laptop "
                                                 "user a new passphrase", parents=[common, new_file])
    recover.add_argument("--laptop", type=Path, required=True, help="笔记本的工作区文件夹 / the laptop's workspace")
    recover.add_argument("name", help="忘记口令的使用人 / the user who forgot the passphrase")
    return {"users": cmd_users}


def _user_json(name: str, role: Role) -> dict[str, str]:
    return {"name": name, "role": role.value, "role_zh": messages.render(role.message_key, "zh")}


def cmd_users(args: argparse.Namespace) -> int:
    from xuncha_desktop import workspace

    if args.action == "passphrase":
        old = passphrase(args)
        new = new_passphrase(args)
        with open_workspace(args) as ws:
            workspace.change_passphrase(ws, old, new)
            emit({"changed": ws.user.name})
        return 0
    with open_workspace(args) as ws:
        if args.action == "add":
            user = workspace.add_user(ws, args.name, args.role, new_passphrase(args))
            emit({"added": _user_json(user.name, user.role)})
        elif args.action == "remove":
            workspace.remove_user(ws, args.name)
            emit({"removed": args.name.strip()})
        elif args.action == "recovery":
            from xuncha_desktop.sync.keyfile import read_keyfile

            office = read_keyfile(args.keyfile)
            done = workspace.set_recovery(ws, office.age_recipient, str(office.device_id), office.device_name,
                                          office.fingerprint)
            emit({"recovery": {"office_device_id": done.office_device_id,
                               "office_device_name": done.office_device_name, "fingerprint": done.fingerprint}})
        elif args.action == "recover":
            user = workspace.recover_user(ws, args.laptop, args.name, new_passphrase(args))
            emit({"recovered": _user_json(user.name, user.role), "laptop": str(args.laptop)})
        else:
            recovery = workspace.recovery_of(ws)
            emit({"you": ws.user.name,
                  "users": [_user_json(u.name, u.role) for u in workspace.list_users(ws)],
                  "recovery": None if recovery is None else {
                      "office_device_id": recovery.office_device_id,
                      "office_device_name": recovery.office_device_name, "fingerprint": recovery.fingerprint}})
    return 0
