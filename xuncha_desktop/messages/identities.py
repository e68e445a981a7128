"""Messages of petitioners' identities (the sealed store, its envelopes in packages)."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "identity_not_allowed": ("信访人身份信息（姓名、联系方式、身份证号、住址）仅组长、副组长和巡察办可以查看；当前角色（{role}）无权查看。登记与修改不受影响。", "A petitioner's identity (name, contact, ID number, address) may be read only by the group leader, the deputy leader and the inspection office; the current role ({role}) may not. Registering and editing are not affected."),
    "identity_no_keys": ("此会话未连接工作区的身份密钥，无法保存或查看信访人身份信息；请通过工作区打开会话。", "This session holds no identity keys of a workspace, so a petitioner's identity can be neither stored nor read; open the session through the workspace."),
    "identity_unreadable": ("信访件 {petition} 的身份信息密文无法解开（已被改动或不是发给本机的）；未作任何改动。", "The sealed identity of petition {petition} does not open (it was altered or is not addressed to this copy); nothing was changed."),
    "identity_not_filterable": ("信访人身份信息不能用于筛选或排序（字段 {field}）。", "A petitioner's identity cannot be used to filter or sort (field {field})."),
    "identity_redaction_refused": ("生成面向被巡察单位的文书需要屏蔽信访人身份，而当前角色（{role}）无权读取身份信息：请由组长、副组长或巡察办生成；未生成任何文书。", "A document for the inspected unit must have petitioners' identities removed, and the current role ({role}) may not read them: let the group leader, the deputy leader or the office produce it. No document was made."),
    "package_bad_identities": ("同步包（由 {sender} 发来）中的身份信息部分无效：{reason}。同步包已拒绝；未作任何改动。", "The identities section of the package from {sender} is invalid: {reason}. The package was refused; nothing was changed."),
    "keyfile_identity_unsigned": ("公钥文件 {path} 中的身份密钥没有该设备的有效签名，不能作为巡察办信任。", "The identity key in key file {path} is not validly signed by its device, so it cannot be trusted as the office."),
    "trust_office_needs_identity_key": ("设备 {device} 的公钥文件不含身份密钥（需用新版程序导出），不能作为巡察办信任。", "Device {device}'s key file holds no identity key (export it with the new program), so it cannot be trusted as the office."),
}
