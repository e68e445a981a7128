"""Messages of sync packages, keys and conflicts."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "package_clock_ahead": ("同步包中设备 {device} 的修改时间比本机时钟超前约 {days} 天：请核对该设备（或本机）的日期时间后重新导出；未作任何改动。", "Device {device} stamped its changes about {days} days ahead of this clock: check the date and time of that device (or this one) and export again. Nothing was changed."),
    "package_not_package": ("文件 {path} 不是巡察同步包（.xcpkg），未作任何改动。", "{path} is not a sync package (.xcpkg); nothing was changed."),
    "package_version_unknown": ("同步包格式版本 {version} 不受支持（本程序支持 {supported}），请升级程序；未作任何改动。", "Package format version {version} is not supported (this program reads {supported}); upgrade the program. Nothing was changed."),
    "package_schema_newer": ("同步包来自更新版本的程序（数据库版本 {revision}），请升级程序后再导入；未作任何改动。", "The package was written by a newer program (schema {revision}); upgrade before importing. Nothing was changed."),
    "package_header_damaged": ("同步包文件头已损坏或被篡改，未作任何改动。", "The package header is damaged or altered; nothing was changed."),
    "package_wrong_key": ("无法解密同步包：它不是发给本设备的、口令不正确，或其加密头已被改动；未作任何改动。", "Cannot decrypt the package: it was not made for this device, the passphrase is wrong, or its key header was altered. Nothing was changed."),
    "package_passphrase_needed": ("该同步包用口令加密，请用 --package-passphrase-file 提供口令。", "This package is protected by a passphrase: give --package-passphrase-file."),
    "package_damaged": ("同步包已损坏或被篡改（约第 {offset} 字节，位于“{region}”部分），未作任何改动。", "The package is damaged or altered (near byte {offset}, in part '{region}'); nothing was changed."),
    "package_truncated": ("同步包不完整（文件被截断），未作任何改动。", "The package is incomplete (the file was truncated); nothing was changed."),
    "package_unknown_device": ("同步包来自未受信任的设备 {device}（{name}）；请先用 xuncha keys trust 导入其公钥。未作任何改动。", "The package comes from device {device} ({name}), which is not trusted; trust its key with xuncha keys trust first. Nothing was changed."),
    "package_bad_signature": ("同步包清单的签名无效：内容被改动，或不是由设备 {device} 签发；未作任何改动。", "The package manifest's signature is invalid: it was altered or not signed by device {device}. Nothing was changed."),
    "package_bad_manifest": ("同步包清单无效：{reason}；未作任何改动。", "The package manifest is invalid: {reason}. Nothing was changed."),
    "package_path_traversal": ("同步包含有越出目录的成员名“{name}”，已拒绝；未作任何改动。", "The package holds a member named '{name}' that climbs out of its folder; refused, nothing was changed."),
    "package_path_absolute": ("同步包含有绝对路径成员“{name}”，已拒绝；未作任何改动。", "The package holds a member with an absolute path '{name}'; refused, nothing was changed."),
    "package_member_link": ("同步包含有链接或特殊文件“{name}”，已拒绝；未作任何改动。", "The package holds a link or special file '{name}'; refused, nothing was changed."),
    "package_member_unknown": ("同步包含有格式不允许的成员“{name}”，已拒绝；未作任何改动。", "The package holds a member '{name}' that the format does not allow; refused, nothing was changed."),
    "package_member_duplicate": ("同步包中成员“{name}”出现了两次，已拒绝；未作任何改动。", "The package holds member '{name}' twice; refused, nothing was changed."),
    "package_member_missing": ("同步包缺少清单所列的成员“{name}”，未作任何改动。", "The package lacks member '{name}' named in its manifest; nothing was changed."),
    "package_member_size": ("同步包成员“{name}”的大小（{size} 字节）与清单不符（{expected} 字节），已拒绝；未作任何改动。", "Package member '{name}' has {size} bytes where the manifest says {expected}; refused, nothing was changed."),
    "package_member_too_large": ("同步包成员“{name}”声称有 {size} 字节，超过上限 {limit} 字节或可用磁盘空间，已拒绝；未作任何改动。", "Package member '{name}' claims {size} bytes, over the limit of {limit} bytes or the free disk space; refused, nothing was changed."),
    "package_member_bomb": ("同步包成员“{name}”解压后过大（压缩比超过 {ratio}:1 或超过清单所述大小），疑为压缩炸弹，已拒绝；未作任何改动。", "Package member '{name}' expands too far (over {ratio}:1, or beyond its declared size): a compression bomb; refused, nothing was changed."),
    "package_member_hash": ("同步包成员“{name}”的 SHA-256 与清单不符，内容被改动；未作任何改动。", "Package member '{name}' does not match its SHA-256 in the manifest: it was altered. Nothing was changed."),
    "package_bad_content": ("同步包内容无效（{reason}），未作任何改动。", "The package content is invalid ({reason}); nothing was changed."),
    "package_gap": ("同步包缺少设备 {device} 第 {have}～{first} 号之间的更改，不能导入；请先导入更早的同步包，或让对方用 --all 重新导出。未作任何改动。", "The package lacks changes of device {device} between {have} and {first}; import the earlier package first, or ask for one made with --all. Nothing was changed."),
    "package_target_needed": ("请用 --to 公钥文件 或 --package-passphrase-file 口令文件 指定同步包的加密方式。", "Say how to encrypt the package: --to KEYFILE or --package-passphrase-file FILE."),
    "package_target_both": ("--to 与 --package-passphrase-file 只能选一个。", "Give either --to or --package-passphrase-file, not both."),
    "keyfile_invalid": ("公钥文件 {path} 无效：{reason}", "The key file {path} is invalid: {reason}"),
    "key_is_own": ("这是本设备自己的公钥，无需信任。", "This is this device's own key; there is nothing to trust."),
    "key_changed": ("设备 {device} 已有不同的公钥；为安全起见拒绝替换（请核实后先移除旧公钥）。", "Device {device} is already trusted with a different key; refusing to replace it (check, then remove the old key first)."),
    "conflict_not_found": ("找不到未处理的冲突 {id}。", "No open conflict with id {id}."),
    "conflict_keep_bad": ("请用 --keep local、--keep incoming 或 --value JSON 中的一个来处理冲突。", "Settle a conflict with exactly one of --keep local, --keep incoming or --value JSON."),
    "conflict_record_missing": ("冲突所指的记录 {id} 不存在。", "The record {id} of this conflict does not exist."),
}
