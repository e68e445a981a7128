<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="51" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="53" />
        <source>&lt;b&gt;巡察外业桌面端&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Xuncha desktop&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="56" />
        <source>构建于 %1</source>
        <translation>Built %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="56" />
        <source>源码运行</source>
        <translation>Running from source</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="59" />
        <source>离线、加密的巡察外业记录程序。</source>
        <translation>Offline, encrypted records of inspection work.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="60" />
        <source>Python %1 · Qt %2 · PySide6 %3</source>
        <translation>Python %1 · Qt %2 · PySide6 %3</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="64" />
        <source>（软件包未注明，见其主页）</source>
        <translation>(not stated by the package: see its home page)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="65" />
        <source>组件</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="65" />
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="68" />
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="65" />
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="68" />
        <source>许可证</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="65" />
        <source>主页</source>
        <translation>Home page</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="68" />
        <source>字体</source>
        <translation>Font</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="68" />
        <source>许可证文本</source>
        <translation>Licence text</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="71" />
        <source>程序库</source>
        <translation>Libraries</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="72" />
        <source>内置字体</source>
        <translation>Bundled font</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../xuncha_desktop/ui/audit_view.py" line="31" />
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/audit_view.py" line="40" />
        <location filename="../../xuncha_desktop/ui/audit_view.py" line="55" />
        <source>使用人</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/audit_view.py" line="44" />
        <location filename="../../xuncha_desktop/ui/audit_view.py" line="55" />
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/audit_view.py" line="48" />
        <source>重新核验</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/audit_view.py" line="50" />
        <source>核验每台设备的审计日志完整、未被篡改或截短</source>
        <translation>Check that every device's audit log is whole, neither altered nor cut short</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/audit_view.py" line="55" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/audit_view.py" line="55" />
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/audit_view.py" line="56" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/audit_view.py" line="56" />
        <source>设备</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/audit_view.py" line="73" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/audit_view.py" line="85" />
        <source>全部使用人</source>
        <translation>All users</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/audit_view.py" line="88" />
        <source>全部操作</source>
        <translation>All actions</translation>
    </message>
    <message numerus="yes">
        <location filename="../../xuncha_desktop/ui/audit_view.py" line="100" />
        <source>显示最近 %n 条</source>
        <translation><numerusform>Showing the latest %n record</numerusform><numerusform>Showing the latest %n records</numerusform></translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/audit_view.py" line="109" />
        <source>%1：%2 条</source>
        <translation>%1: %2 entries</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/audit_view.py" line="110" />
        <source>（已签名至第 %1 条）</source>
        <translation> (signed up to entry %1)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/audit_view.py" line="114" />
        <source>核验通过：各设备的审计日志完整，未被篡改或截短。</source>
        <translation>Check passed: every device's audit log is whole, neither altered nor cut short.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/audit_view.py" line="117" />
        <source>核验发现问题：</source>
        <translation>The check found problems:</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="449" />
        <source>巡察轮次</source>
        <translation>Round</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="452" />
        <source>全部轮次</source>
        <translation>All rounds</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="459" />
        <source>数量</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="462" />
        <location filename="../../xuncha_desktop/ui/pages.py" line="498" />
        <source>被巡察单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="462" />
        <source>个别谈话</source>
        <translation>Interviews</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="463" />
        <source>信访件</source>
        <translation>Petitions</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="464" />
        <source>问题线索</source>
        <translation>Clues</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="464" />
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="465" />
        <source>列入反馈</source>
        <translation>In feedback</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="465" />
        <source>反馈问题已整改</source>
        <translation>Fed back, rectified</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="475" />
        <source>列入反馈的问题中整改到位的数量（整改率 = 此数 ÷ 列入反馈）</source>
        <translation>Problems in the feedback that are rectified (the rectification rate is this ÷ in feedback)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="522" />
        <source>线索：%1
全部问题：%2</source>
        <translation>Clues: %1
All problems: %2</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="547" />
        <source>各单位整改进度（未完成最多的 %1 个单位，共 %2 个）</source>
        <translation>Rectification by unit (the %1 with most open problems, of %2)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="551" />
        <source>整改到位</source>
        <translation>Rectified</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="466" />
        <source>逾期未整改</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="497" />
        <source>逾期未整改的问题（双击打开）</source>
        <translation>Overdue problems (double-click to open)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="498" />
        <source>问题编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="498" />
        <source>问题表述</source>
        <translation>Statement</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="499" />
        <source>整改时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="499" />
        <source>整改状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="526" />
        <source>问题按类别</source>
        <translation>Problems by category</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="529" />
        <source>问题数</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="549" />
        <source>各单位整改进度</source>
        <translation>Rectification by unit</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="552" />
        <source>未完成</source>
        <translation>Not finished</translation>
    </message>
</context>
<context>
    <name>EditValueDialog</name>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="232" />
        <source>编辑后保存：%1</source>
        <translation>Edit and save: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="234" />
        <source>在本机版本的基础上修改，保存后以此为准（会同步到其他设备）。</source>
        <translation>Edit this device's version; once saved it is the value in force (and travels to the other devices).</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="239" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="240" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>EvidenceEditor</name>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="36" />
        <source>校验文件 (SHA-256)</source>
        <translation>Verify file (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="41" />
        <source>查看文件…</source>
        <translation>View file…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="44" />
        <source>在查看器中打开图片或 PDF，可缩放、翻页 (Ctrl+O)</source>
        <translation>Open the image or PDF in the viewer: zoom, turn pages (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="46" />
        <source>导出副本…</source>
        <translation>Export a copy…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="48" />
        <source>把解密后的文件保存到所选位置（记入保管记录）</source>
        <translation>Save the decrypted file where you choose (recorded in the chain of custody)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="54" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="54" />
        <source>动作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="54" />
        <source>经手人</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="54" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="67" />
        <source>保管记录</source>
        <translation>Chain of custody</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="95" />
        <source>（无文件）</source>
        <translation>(no file)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="98" />
        <source>此类文件不能预览</source>
        <translation>No preview for this kind of file</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="101" />
        <source>正在解密 %1 …</source>
        <translation>Decrypting %1 …</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="109" />
        <source>文件太大，不能在程序内查看；需要时请用“导出副本…”。</source>
        <translation>The file is too big to show here; use “Export a copy…” if you need it.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="113" />
        <source>无法预览</source>
        <translation>Cannot preview</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="139" />
        <source>正在校验…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="147" />
        <source>文件完好，与登记的 SHA-256 一致。</source>
        <translation>The file is intact: its SHA-256 matches.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="148" />
        <source>文件已损坏或被改动！</source>
        <translation>The file is damaged or altered!</translation>
    </message>
</context>
<context>
    <name>EvidencePage</name>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="343" />
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="344" />
        <source>添加文件（也可把文件拖到此处）</source>
        <translation>Add files (or drop them here)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="345" />
        <source>打开登记信息</source>
        <translation>Open the record</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="346" />
        <source>查看文件</source>
        <translation>View file</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="348" />
        <source>查看所选的图片或 PDF (Enter，或双击)</source>
        <translation>View the selected image or PDF (Enter, or double-click)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="351" />
        <source>把文件拖到此处即可登记为证据材料；回车或双击查看文件</source>
        <translation>Drop files here to register them as evidence; Enter or double-click shows a file</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="382" />
        <source>选择证据文件</source>
        <translation>Choose evidence files</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="405" />
        <source>正在加密保存 %1 …</source>
        <translation>Encrypting and storing %1 …</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="412" />
        <location filename="../../xuncha_desktop/ui/pages.py" line="414" />
        <source>未能添加</source>
        <translation>Not added</translation>
    </message>
</context>
<context>
    <name>EvidenceViewer</name>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="150" />
        <source>查看：%1</source>
        <translation>View: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="152" />
        <source>文件：%1（%2）</source>
        <translation>File: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="162" />
        <source>校验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="164" />
        <source>重新计算加密保存的文件的 SHA-256，与登记值比对 (Ctrl+K)</source>
        <translation>Re-hash the stored encrypted file and compare with the registered SHA-256 (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="168" />
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="169" />
        <source>缩小 (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="170" />
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="171" />
        <source>放大 (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="172" />
        <source>适合窗口</source>
        <translation>Fit to window</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="173" />
        <source>适合窗口 (Ctrl+0)</source>
        <translation>Fit to window (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="174" />
        <source>实际大小</source>
        <translation>Actual size</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="175" />
        <source>实际大小 (Ctrl+1)</source>
        <translation>Actual size (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="178" />
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="179" />
        <source>上一页 (PgUp)</source>
        <translation>Previous page (PgUp)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="180" />
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="181" />
        <source>下一页 (PgDown)</source>
        <translation>Next page (PgDown)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="185" />
        <source>当前页</source>
        <translation>Current page</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="188" />
        <source>导出副本…</source>
        <translation>Export a copy…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="190" />
        <source>把解密后的文件保存到所选位置（记入保管记录）</source>
        <translation>Save the decrypted file where you choose (recorded in the chain of custody)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="191" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="260" />
        <source>无法显示此图片（文件格式不受支持或已损坏）。</source>
        <translation>This image cannot be shown (unsupported format or damaged file).</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="275" />
        <source>无法显示此 PDF（文件已损坏或加了密码）。</source>
        <translation>This PDF cannot be shown (damaged or password-protected).</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="308" />
        <source>共 %1 页</source>
        <translation>of %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="367" />
        <source>正在校验…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="374" />
        <source>校验通过：文件完好，与登记的 SHA-256 一致。</source>
        <translation>Verified: the file is intact; its SHA-256 matches.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="375" />
        <source>校验未通过：文件已损坏或被改动！</source>
        <translation>Verification failed: the file is damaged or altered!</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="383" />
        <source>已导出副本：%1（已记入保管记录）</source>
        <translation>Copy exported: %1 (recorded in the chain of custody)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="393" />
        <source>导出副本</source>
        <translation>Export a copy</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="398" />
        <source>正在导出 %1 …</source>
        <translation>Exporting %1 …</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="403" />
        <source>未能导出</source>
        <translation>Not exported</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="414" />
        <source>查看证据文件</source>
        <translation>View evidence file</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="416" />
        <source>这条证据材料没有文件。</source>
        <translation>This evidence has no file.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="419" />
        <source>此类文件不能在程序内查看；需要时请用“导出副本…”。</source>
        <translation>This kind of file cannot be shown here; use “Export a copy…” if you need it.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="422" />
        <source>正在解密 %1 …</source>
        <translation>Decrypting %1 …</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_viewer.py" line="432" />
        <source>文件太大，不能在程序内查看；需要时请用“导出副本…”。</source>
        <translation>The file is too big to show here; use “Export a copy…” if you need it.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="45" />
        <source>导出同步包</source>
        <translation>Export a package</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="48" />
        <source>接收方</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="50" />
        <source>发给受信任的设备（只有它能打开）</source>
        <translation>For a trusted device (only it can open the package)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="56" />
        <source>用同步包口令加密（知道口令的设备都能打开）</source>
        <translation>Protect with a package passphrase (any device that knows it can open the package)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="61" />
        <source>同步包口令</source>
        <translation>Package passphrase</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="65" />
        <source>再次输入同步包口令</source>
        <translation>Package passphrase again</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="81" />
        <source>（尚未信任任何设备）</source>
        <translation>(no trusted device yet)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="86" />
        <source>全部数据（不只是对方还没有的更改）</source>
        <translation>Everything (not only the changes the receiver lacks)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="91" />
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="97" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="109" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="110" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="132" />
        <source>保存同步包</source>
        <translation>Save the package</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="133" />
        <source>同步包 (*.xcpkg)</source>
        <translation>Sync packages (*.xcpkg)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="143" />
        <source>请选择保存同步包的文件。</source>
        <translation>Choose the file to save the package to.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="145" />
        <source>文件已存在，请另选文件名（同步包不会覆盖已有文件）。</source>
        <translation>The file exists; choose another name (a package never overwrites a file).</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="148" />
        <source>请选择接收方设备。</source>
        <translation>Choose the receiving device.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="151" />
        <source>请输入同步包口令。</source>
        <translation>Enter the package passphrase.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="153" />
        <source>两次输入的同步包口令不一致。</source>
        <translation>The two package passphrases differ.</translation>
    </message>
</context>
<context>
    <name>FeedbackDraftDialog</name>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="53" />
        <source>反馈意见稿 — %1（%2）</source>
        <translation>Feedback draft — %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="68" />
        <source>巡察组认为，……取得一定成效，但……</source>
        <translation>The group finds that … has achieved some results, but …</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="71" />
        <source>总体评价(&amp;A)：</source>
        <translation>Overall &amp;assessment:</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="75" />
        <source>未记录</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="76" />
        <source> 份</source>
        <translation> documents</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="77" />
        <source>调阅资料(&amp;D)：</source>
        <translation>&amp;Documents reviewed:</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="84" />
        <source>反馈事项（同类事项内排序；可多选合并）：</source>
        <translation>Feedback items (ordered within their category; select several to merge):</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="96" />
        <source>上移(&amp;U)</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="97" />
        <source>下移(&amp;N)</source>
        <translation>Move dow&amp;n</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="98" />
        <source>合并所选(&amp;M)</source>
        <translation>&amp;Merge selected</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="99" />
        <source>加入新问题</source>
        <translation>Add new problems</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="103" />
        <source>所选事项</source>
        <translation>Selected item</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="109" />
        <source>概述(&amp;S)：</source>
        <translation>&amp;Summary:</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="114" />
        <source>整改要求(&amp;R)：</source>
        <translation>&amp;Requirement:</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="119" />
        <source>所含问题：</source>
        <translation>Problems in it:</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="120" />
        <source>所选问题拆为新事项(&amp;T)</source>
        <translation>Split selected problems into a new i&amp;tem</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="133" />
        <source>预览反馈意见(&amp;P)…</source>
        <translation>&amp;Preview the feedback…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="135" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="136" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="162" />
        <source>状态：%1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="163" />
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="173" />
        <source>退回起草</source>
        <translation>Send back to drafting</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="175" />
        <source>定稿</source>
        <translation>Final</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="177" />
        <source>%1通过</source>
        <translation>%1 passed</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="192" />
        <source>有 %1 个列入反馈的问题不在任何事项中（编号 %2），文书中各自单列；定稿前请加入。</source>
        <translation>%1 problems listed for the feedback are in no item (numbers %2); the document lists each on its own. Add them before the draft is final.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="220" />
        <source>【%1】%2．%3（%4个问题）</source>
        <translation>[%1] %2. %3 (%4 problems)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="301" />
        <source>请按住 Ctrl 或 Shift 选择至少两个事项再合并。</source>
        <translation>Hold Ctrl or Shift to select at least two items to merge.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/feedback_draft_editor.py" line="310" />
        <source>请先在“所含问题”中选择要拆出的问题。</source>
        <translation>First select, under 'Problems in it', the problems to split off.</translation>
    </message>
</context>
<context>
    <name>FieldWidget</name>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="109" />
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="111" />
        <source>保密信息：仅在需要时显示</source>
        <translation>Confidential: show only when needed</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="185" />
        <source>多个姓名以“、”分隔</source>
        <translation>Separate names with “、” or commas</translation>
    </message>
</context>
<context>
    <name>FontSettingsWidget</name>
    <message>
        <location filename="../../xuncha_desktop/ui/font_settings.py" line="42" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/font_settings.py" line="42" />
        <source>正文</source>
        <translation>Body</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/font_settings.py" line="42" />
        <source>一级标题</source>
        <translation>First-level heading</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/font_settings.py" line="43" />
        <source>二级标题</source>
        <translation>Second-level heading</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/font_settings.py" line="43" />
        <source>页码</source>
        <translation>Page numbers</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/font_settings.py" line="44" />
        <source>系统字体</source>
        <translation>System font</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/font_settings.py" line="44" />
        <source>内置字体</source>
        <translation>Bundled font</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/font_settings.py" line="47" />
        <source>文书按公文格式排版，每种用途使用规定的字体。程序先在本机字体文件夹中查找标准字体文件（方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312、宋体），找不到或无法嵌入时，使用随程序提供的开源字体代替。生成的 PDF 嵌入所用字体，在任何电脑上显示和打印都一样。</source>
        <translation>Documents follow the official-document format, with the prescribed font for each use. The program first looks for the standard font files in this computer's font folders (FZXiaoBiaoSong, FangSong_GB2312, SimHei, KaiTi_GB2312, SimSun); where one is missing or cannot be embedded, a bundled open-source font takes its place. The PDF embeds the fonts it uses, so it shows and prints the same on any computer.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/font_settings.py" line="54" />
        <source>用途</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/font_settings.py" line="54" />
        <source>规定字体</source>
        <translation>Prescribed font</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/font_settings.py" line="54" />
        <source>实际使用的字体</source>
        <translation>Font used</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/font_settings.py" line="54" />
        <source>字体文件</source>
        <translation>Font file</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/font_settings.py" line="54" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/font_settings.py" line="70" />
        <source>用加粗笔画模拟的标题字体</source>
        <translation>Title font simulated with emboldened strokes</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../xuncha_desktop/ui/idle_lock.py" line="219" />
        <source>正在核对口令…</source>
        <translation>Checking the passphrase…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="176" />
        <source>导入同步包</source>
        <translation>Import a package</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="184" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="187" />
        <source>同步包文件</source>
        <translation>Package file</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="191" />
        <source>仅用口令加密的同步包需要</source>
        <translation>Only for packages protected by a passphrase</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="192" />
        <source>同步包口令</source>
        <translation>Package passphrase</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="194" />
        <source>仅检查（核对并统计，不导入、不改动数据）</source>
        <translation>Check only (verify and count; import nothing, change nothing)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="203" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="204" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="210" />
        <source>选择同步包</source>
        <translation>Choose a package</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="211" />
        <source>同步包 (*.xcpkg);;所有文件 (*)</source>
        <translation>Sync packages (*.xcpkg);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_dialogs.py" line="217" />
        <source>请选择要导入的同步包文件。</source>
        <translation>Choose the package file to import.</translation>
    </message>
</context>
<context>
    <name>InterviewEditor</name>
    <message>
        <location filename="../../xuncha_desktop/ui/interview_editor.py" line="128" />
        <source>插入谈话提纲…</source>
        <translation>Insert an outline…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/interview_editor.py" line="133" />
        <source>插入时间 (Ctrl+T)</source>
        <translation>Insert time (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/interview_editor.py" line="135" />
        <source>谈话对象签字…</source>
        <translation>Signed by interviewee…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/interview_editor.py" line="181" />
        <source>收起/展开谈话信息 (Ctrl+Shift+H)</source>
        <translation>Fold or unfold the interview's details (Ctrl+Shift+H)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/interview_editor.py" line="254" />
        <source>（谈话信息未填）</source>
        <translation>(details not filled in)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/interview_editor.py" line="288" />
        <source>草稿已自动保存 %1</source>
        <translation>Draft autosaved %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/interview_editor.py" line="302" />
        <source>已恢复上次未保存的草稿（%1）。保存后草稿删除。</source>
        <translation>The unsaved draft of %1 was restored. Saving the record removes the draft.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/interview_editor.py" line="314" />
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/interview_editor.py" line="393" />
        <source>选择签字后的谈话记录扫描件（可不选）</source>
        <translation>Choose the scan of the signed record (optional)</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location filename="../../xuncha_desktop/ui/jobs.py" line="100" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/jobs.py" line="101" />
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <location filename="../../xuncha_desktop/ui/office_files.py" line="45" />
        <source>导出问题清单/整改台账</source>
        <translation>Export the problem ledger</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_files.py" line="48" />
        <source>全部轮次</source>
        <translation>All rounds</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_files.py" line="52" />
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_files.py" line="55" />
        <source>只导出列入反馈意见的问题</source>
        <translation>Only the problems in the feedback</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_files.py" line="56" />
        <source>巡察轮次：</source>
        <translation>Round:</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_files.py" line="57" />
        <source>被巡察单位：</source>
        <translation>Inspected unit:</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_files.py" line="67" />
        <source>全部</source>
        <translation>all</translation>
    </message>
</context>
<context>
    <name>LinkPicker</name>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="896" />
        <source>添加关联</source>
        <translation>Add link</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="903" />
        <source>输入关键词检索</source>
        <translation>Type words to search</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="905" />
        <source>只显示本单位、本轮次的记录</source>
        <translation>Only this unit's and this round's records</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="947" />
        <source>关联其他单位的记录</source>
        <translation>Link a record of another unit</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="948" />
        <source>所选记录属于另一被巡察单位（%1）。仍要关联吗？</source>
        <translation>The record belongs to another unit (%1). Link it anyway?</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="73" />
        <source>在本列表中检索</source>
        <translation>Search this list</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="77" />
        <source>全部轮次</source>
        <translation>All rounds</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="79" />
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="82" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="86" />
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="143" />
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="147" />
        <source>新建 (Ctrl+N)</source>
        <translation>New (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="150" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="185" />
        <source>不限</source>
        <translation>any</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="224" />
        <source>正在计数…</source>
        <translation>Counting…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../xuncha_desktop/ui/pages.py" line="226" />
        <source>共 %n 条</source>
        <translation><numerusform>%n record</numerusform><numerusform>%n records</numerusform></translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="283" />
        <source>不能按“%1”排序（数据多时会很慢），请用上方的筛选缩小范围</source>
        <translation>Cannot sort by “%1” (slow on long lists); narrow the list with the filters above</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="41" />
        <source>巡察外业桌面端 — 打开工作区</source>
        <translation>Xuncha desktop — open a workspace</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="43" />
        <source>巡察外业桌面端</source>
        <translation>Xuncha desktop</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="50" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="54" />
        <source>工作区文件夹</source>
        <translation>Workspace folder</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="63" />
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="64" />
        <source>新建工作区</source>
        <translation>Create a new workspace</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="73" />
        <source>如：第六巡察组-笔记本1</source>
        <translation>e.g. Group 6 laptop 1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="76" />
        <source>再次输入口令</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="76" />
        <source>设备名称</source>
        <translation>Device name</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="58" />
        <location filename="../../xuncha_desktop/ui/login.py" line="77" />
        <location filename="../../xuncha_desktop/ui/login.py" line="90" />
        <source>使用人</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="81" />
        <source>加入办公室汇总库（本机作为工作站）</source>
        <translation>Join the office hub (this computer as a station)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="86" />
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="86" />
        <source>如：hub-server 或 10.1.2.3:5432</source>
        <translation>e.g. hub-server or 10.1.2.3:5432</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="87" />
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="88" />
        <source>数据库用户</source>
        <translation>Database user</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="89" />
        <source>工作站名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="89" />
        <source>如：二号工作站</source>
        <translation>e.g. Station 2</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="90" />
        <source>汇总库中的使用人姓名</source>
        <translation>Your user name in the hub</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="105" />
        <location filename="../../xuncha_desktop/ui/login.py" line="145" />
        <location filename="../../xuncha_desktop/ui/login.py" line="151" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="144" />
        <source>加入并打开</source>
        <translation>Join and open</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="145" />
        <location filename="../../xuncha_desktop/ui/login.py" line="151" />
        <source>新建并打开</source>
        <translation>Create and open</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="173" />
        <source>选择工作区文件夹</source>
        <translation>Choose the workspace folder</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="190" />
        <source>两次输入的口令不一致。</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="195" />
        <source>笔记本</source>
        <translation>Laptop</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="200" />
        <source>正在解锁工作区…</source>
        <translation>Unlocking the workspace…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="72" />
        <source>巡察外业桌面端 — %1</source>
        <translation>Xuncha desktop — %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="122" />
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="267" />
        <source>快捷键…</source>
        <translation>Keyboard shortcuts…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="271" />
        <source>审计日志…</source>
        <translation>Audit log…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="276" />
        <source>关于…</source>
        <translation>About…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="302" />
        <source>使用人：%1（%2）</source>
        <translation>User: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="537" />
        <source>问题底稿</source>
        <translation>Working papers</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="124" />
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="121" />
        <source>巡察办总览</source>
        <translation>Office overview</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="164" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="165" />
        <location filename="../../xuncha_desktop/ui/main_window.py" line="574" />
        <source>新建记录</source>
        <translation>New record</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="169" />
        <source>添加证据文件…</source>
        <translation>Add evidence files…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="173" />
        <location filename="../../xuncha_desktop/ui/main_window.py" line="647" />
        <source>查看所选证据文件</source>
        <translation>View the selected evidence file</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="177" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="183" />
        <source>导出同步包…</source>
        <translation>Export a package…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="187" />
        <source>导入同步包…</source>
        <translation>Import a package…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="192" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="197" />
        <source>查找(&amp;S)</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="198" />
        <source>全局检索</source>
        <translation>Search everything</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="203" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="211" />
        <source>设置(&amp;T)</source>
        <translation>Se&amp;ttings</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="212" />
        <source>界面语言(&amp;L)</source>
        <translation>Interface &amp;language</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="226" />
        <source>文书(&amp;D)</source>
        <translation>&amp;Documents</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="227" />
        <source>巡察反馈意见…</source>
        <translation>Feedback report…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="230" />
        <source>反馈意见稿（编写、审核）…</source>
        <translation>Feedback draft (write, review)…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="234" />
        <source>整改督查报告…</source>
        <translation>Supervision report…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="237" />
        <source>巡察情况报告…</source>
        <translation>Situation report…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="240" />
        <source>问题线索移交函…</source>
        <translation>Clue transfer letter…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="243" />
        <source>登记线索移交签收…</source>
        <translation>Record receipt of a clue transfer…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="246" />
        <source>所选记录的文书（谈话记录、问题底稿）</source>
        <translation>Document of the selected record (interview record, working paper)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="252" />
        <source>导出问题清单/整改台账…</source>
        <translation>Export the problem ledger…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="255" />
        <source>导入单位填报的整改台账…</source>
        <translation>Import the ledger filled in by the unit…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="258" />
        <source>导入信访台账…</source>
        <translation>Import a petition ledger…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="262" />
        <source>文书字体…</source>
        <translation>Document fonts…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="266" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="280" />
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="290" />
        <source>检索全部记录 (Ctrl+F)</source>
        <translation>Search all records (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="300" />
        <source>工作区：%1</source>
        <translation>Workspace: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="301" />
        <source>设备：%1</source>
        <translation>Device: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="303" />
        <location filename="../../xuncha_desktop/ui/main_window.py" line="666" />
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="416" />
        <source>没有可选的记录。</source>
        <translation>There is nothing to choose from.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="424" />
        <location filename="../../xuncha_desktop/ui/main_window.py" line="463" />
        <source>巡察反馈意见</source>
        <translation>Feedback report</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="425" />
        <location filename="../../xuncha_desktop/ui/main_window.py" line="438" />
        <location filename="../../xuncha_desktop/ui/main_window.py" line="481" />
        <source>被巡察单位：</source>
        <translation>Inspected unit:</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="428" />
        <location filename="../../xuncha_desktop/ui/main_window.py" line="441" />
        <location filename="../../xuncha_desktop/ui/main_window.py" line="484" />
        <source>（该单位最近一轮）</source>
        <translation>(the unit's latest round)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="430" />
        <location filename="../../xuncha_desktop/ui/main_window.py" line="442" />
        <location filename="../../xuncha_desktop/ui/main_window.py" line="485" />
        <source>巡察轮次：</source>
        <translation>Round:</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="437" />
        <source>反馈意见稿</source>
        <translation>Feedback draft</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="450" />
        <source>该单位在本轮巡察中还没有反馈意见稿。</source>
        <translation>This unit has no feedback draft in this round yet.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="453" />
        <source>该单位在本轮巡察中还没有反馈意见稿。由列入反馈的问题生成一份？</source>
        <translation>This unit has no feedback draft in this round yet. Make one from the problems listed for the feedback?</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="471" />
        <source>整改督查报告</source>
        <translation>Supervision report</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="472" />
        <source>整改督查轮次：</source>
        <translation>Supervision round:</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="480" />
        <source>巡察情况报告</source>
        <translation>Situation report</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="488" />
        <source>机密</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="488" />
        <source>秘密</source>
        <translation>Secret</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="488" />
        <source>内部</source>
        <translation>Internal</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="489" />
        <source>（不标注）</source>
        <translation>(no marking)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="490" />
        <source>密级或标注：</source>
        <translation>Marking:</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="501" />
        <source>问题线索移交函</source>
        <translation>Clue transfer letter</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="502" />
        <source>问题线索移交：</source>
        <translation>Clue transfer:</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="512" />
        <source>登记线索移交签收</source>
        <translation>Record receipt of a clue transfer</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="513" />
        <source>尚未签收的移交：</source>
        <translation>Transfers not yet received:</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="516" />
        <source>签收人：</source>
        <translation>Received by:</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="519" />
        <source>签收时间（如 2020-07-02 10:00）：</source>
        <translation>Received at (e.g. 2020-07-02 10:00):</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="528" />
        <source>已登记签收，%1 条线索转为“移交”。</source>
        <translation>Receipt recorded; %1 clues are now transferred.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="536" />
        <source>谈话记录</source>
        <translation>Interview record</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="539" />
        <location filename="../../xuncha_desktop/ui/main_window.py" line="545" />
        <source>文书</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="540" />
        <source>请先在“个别谈话”或“问题底稿”列表中选中一条记录。</source>
        <translation>First select a record in the Interviews or Working papers list.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="545" />
        <source>请先选中一条记录。</source>
        <translation>First select a record.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="553" />
        <source>文书字体</source>
        <translation>Document fonts</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="574" />
        <source>新建哪一类记录？</source>
        <translation>Which kind of record?</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="648" />
        <source>请先在“证据材料”列表中选中一条记录。</source>
        <translation>First select a record in the Evidence list.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="661" />
        <source>草稿已自动保存（未保存到数据库）</source>
        <translation>Draft autosaved (not yet saved to the database)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="685" />
        <source>恢复草稿</source>
        <translation>Restore drafts</translation>
    </message>
    <message numerus="yes">
        <location filename="../../xuncha_desktop/ui/main_window.py" line="686" />
        <source>发现 %n 份未保存的谈话记录草稿（程序上次可能意外退出）。现在恢复吗？</source>
        <translation><numerusform>Found %n unsaved interview draft (the program may have stopped unexpectedly). Restore now?</numerusform><numerusform>Found %n unsaved interview drafts (the program may have stopped unexpectedly). Restore now?</numerusform></translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="694" />
        <source>有未保存的草稿</source>
        <translation>Unsaved drafts</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="729" />
        <source>界面语言将在下次启动时切换。</source>
        <translation>The language changes at the next start.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="729" />
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="51" />
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="54" />
        <source>全部轮次</source>
        <translation>All rounds</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="57" />
        <source>整改率统计</source>
        <translation>Rates by</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="60" />
        <source>按轮次</source>
        <translation>By round</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="60" />
        <source>按巡察组</source>
        <translation>By group</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="61" />
        <source>按被巡察单位</source>
        <translation>By unit</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="61" />
        <source>按问题类别</source>
        <translation>By category</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="73" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="73" />
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="73" />
        <source>列入反馈</source>
        <translation>In feedback</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="73" />
        <source>已整改</source>
        <translation>Rectified</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="74" />
        <location filename="../../xuncha_desktop/ui/office_view.py" line="105" />
        <source>整改率</source>
        <translation>Rectification rate</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="74" />
        <source>逾期未整改</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="77" />
        <source>问题编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="77" />
        <source>问题表述</source>
        <translation>Statement</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="77" />
        <location filename="../../xuncha_desktop/ui/office_view.py" line="84" />
        <source>轮次</source>
        <translation>Round</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="78" />
        <source>巡察组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="78" />
        <location filename="../../xuncha_desktop/ui/office_view.py" line="84" />
        <location filename="../../xuncha_desktop/ui/office_view.py" line="100" />
        <source>被巡察单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="78" />
        <location filename="../../xuncha_desktop/ui/office_view.py" line="100" />
        <source>问题类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="79" />
        <source>整改时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="79" />
        <source>逾期天数</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="79" />
        <source>整改状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="83" />
        <location filename="../../xuncha_desktop/ui/office_view.py" line="85" />
        <source>处置方式</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="83" />
        <source>线索数</source>
        <translation>Clues</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="83" />
        <source>反馈逾期</source>
        <translation>Feedback overdue</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="84" />
        <source>线索</source>
        <translation>Clue</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="85" />
        <source>处置日期</source>
        <translation>Disposed on</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="85" />
        <source>反馈期限</source>
        <translation>Feedback due</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="86" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="100" />
        <source>发现轮次</source>
        <translation>Found in rounds</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="101" />
        <source>问题数</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="101" />
        <source>此前已整改到位</source>
        <translation>Earlier declared rectified</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="106" />
        <source>逾期问题</source>
        <translation>Overdue problems</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="107" />
        <source>线索反馈</source>
        <translation>Clue feedback</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="108" />
        <source>重复问题</source>
        <translation>Repeat problems</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="110" />
        <source>整改率 = 列入反馈的问题中整改到位的数量 ÷ 列入反馈的问题数；线索处置后三个月内应反馈；重复问题：同一单位、同一类别的问题在后续轮次再次发现</source>
        <translation>Rectification rate = fed-back problems rectified ÷ fed-back problems; a disposed clue is to be answered within three months; repeat problem: the same unit and category found again in a later round</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="134" />
        <source>截至 %1</source>
        <translation>As of %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="142" />
        <source>逾期 %1 天</source>
        <translation>%1 days overdue</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="143" />
        <source>剩 %1 天</source>
        <translation>%1 days left</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="148" />
        <source>逾期问题（%1）</source>
        <translation>Overdue problems (%1)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="149" />
        <source>线索反馈（逾期 %1）</source>
        <translation>Clue feedback (%1 overdue)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/office_view.py" line="150" />
        <source>重复问题（%1）</source>
        <translation>Repeat problems (%1)</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="365" />
        <source>关联记录（双击打开；可从列表拖入）</source>
        <translation>Linked records (double-click to open; drag rows here from a list)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="366" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="366" />
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="366" />
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="380" />
        <source>添加关联…</source>
        <translation>Add link…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="383" />
        <source>取消关联</source>
        <translation>Remove link</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="391" />
        <source>整改过程</source>
        <translation>Rectification history</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="392" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="392" />
        <source>状态变化</source>
        <translation>Status change</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="392" />
        <source>备注</source>
        <translation>Remark</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="393" />
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="415" />
        <location filename="../../xuncha_desktop/ui/editor.py" line="620" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="420" />
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="421" />
        <location filename="../../xuncha_desktop/ui/editor.py" line="664" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="424" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="488" />
        <source>只读：您的角色（%1）不能修改此类记录。</source>
        <translation>Read-only: your role (%1) may not change records of this kind.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="495" />
        <source>新建%1</source>
        <translation>New %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="542" />
        <source>请更正标红的项目。</source>
        <translation>Please correct the fields marked in red.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="556" />
        <source>请填写“%1”。</source>
        <translation>Please fill in “%1”.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../xuncha_desktop/ui/editor.py" line="559" />
        <source>有 %n 个必填项目未填写，已标红。</source>
        <translation><numerusform>%n required field left empty, marked in red.</numerusform><numerusform>%n required fields left empty, marked in red.</numerusform></translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="615" />
        <source>保存修改？</source>
        <translation>Save changes?</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="616" />
        <source>“%1”有未保存的修改。关闭前要保存吗？</source>
        <translation>“%1” has unsaved changes. Save them before closing?</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="621" />
        <source>不保存</source>
        <translation>Don't save</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="622" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="664" />
        <source>确定删除这条记录吗？</source>
        <translation>Delete this record?</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="690" />
        <source>状态：%1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="751" />
        <source>正在加密保存 %1 …</source>
        <translation>Encrypting and storing %1 …</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="770" />
        <source>提出</source>
        <translation>raised</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="770" />
        <source>佐证</source>
        <translation>supported by</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="770" />
        <source>依据</source>
        <translation>based on</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="771" />
        <source>延续自</source>
        <translation>carried over from</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="771" />
        <source>重复件</source>
        <translation>repeats</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="772" />
        <source>巡察</source>
        <translation>inspects</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="772" />
        <source>附件</source>
        <translation>attachment</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="772" />
        <source>材料</source>
        <translation>material</translation>
    </message>
</context>
<context>
    <name>ReportJob</name>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="323" />
        <source>未能生成文书：%1</source>
        <translation>The document could not be made: %1</translation>
    </message>
</context>
<context>
    <name>ReportPreviewDialog</name>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="62" />
        <source>预览：%1</source>
        <translation>Preview: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="76" />
        <source>缩小 (-)</source>
        <translation>Zoom out (-)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="77" />
        <source>放大 (+)</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="78" />
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="83" />
        <source>保存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="84" />
        <source>保存为 PDF (Ctrl+S)</source>
        <translation>Save as PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="85" />
        <source>另存为 Word…</source>
        <translation>Save as Word…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="86" />
        <source>另存为可编辑的 Word 文档（.docx）</source>
        <translation>Save as an editable Word document (.docx)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="88" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="89" />
        <source>打印 (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="90" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="160" />
        <source>第 %1 页 共 %2 页</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="211" />
        <source>文件已存在</source>
        <translation>File exists</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="212" />
        <source>“%1”已存在。要替换它吗？</source>
        <translation>“%1” exists. Replace it?</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="220" />
        <source>保存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="220" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="226" />
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="255" />
        <source>未能保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="226" />
        <source>未能保存“%1”：%2</source>
        <translation>“%1” was not saved: %2</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="233" />
        <source>已保存：%1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="240" />
        <source>另存为 Word</source>
        <translation>Save as Word</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="240" />
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="244" />
        <source>正在生成 Word 文档…</source>
        <translation>Making the Word document…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="271" />
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="290" />
        <source>未能打印</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="290" />
        <source>无法开始打印，请检查打印机。</source>
        <translation>Printing could not start; please check the printer.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="312" />
        <source>已送去打印：%1 页</source>
        <translation>Sent to the printer: %1 page(s)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="342" />
        <source>未能生成文书</source>
        <translation>The document could not be made</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../xuncha_desktop/ui/search_dialog.py" line="38" />
        <source>检索：%1</source>
        <translation>Search: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/search_dialog.py" line="49" />
        <source>被巡察单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/search_dialog.py" line="77" />
        <source>没有找到包含“%1”的记录。</source>
        <translation>No record holds “%1”.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../xuncha_desktop/ui/search_dialog.py" line="79" />
        <source>找到 %n 条记录</source>
        <translation><numerusform>%n record found</numerusform><numerusform>%n records found</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../xuncha_desktop/ui/search_dialog.py" line="81" />
        <source>找到 %n 条以上记录</source>
        <translation><numerusform>Over %n records found</numerusform><numerusform>Over %n records found</numerusform></translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/search_dialog.py" line="82" />
        <source>：%1</source>
        <translation>: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../xuncha_desktop/ui/search_dialog.py" line="114" />
        <source>显示更多（还有 %n 条以上）…</source>
        <translation><numerusform>Show more (over %n left)…</numerusform><numerusform>Show more (over %n left)…</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../xuncha_desktop/ui/search_dialog.py" line="115" />
        <source>显示更多（还有 %n 条）…</source>
        <translation><numerusform>Show more (%n left)…</numerusform><numerusform>Show more (%n left)…</numerusform></translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/search_dialog.py" line="49" />
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/search_dialog.py" line="49" />
        <source>摘录</source>
        <translation>Excerpt</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="84" />
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="96" />
        <source>主窗口</source>
        <translation>Main window</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="98" />
        <source>记录表单</source>
        <translation>Record form</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="99" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="99" />
        <source>关闭（有未保存的修改时先询问）</source>
        <translation>Close (asks first when there are unsaved changes)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="101" />
        <source>谈话记录</source>
        <translation>Interview record</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="102" />
        <source>下一个问题（问N：）</source>
        <translation>Next question (Q N:)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="102" />
        <source>回答（答：）</source>
        <translation>Answer (A:)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="103" />
        <source>插入时间</source>
        <translation>Insert the time</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="103" />
        <source>谈话提纲</source>
        <translation>Outline</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="104" />
        <source>收起/展开谈话信息</source>
        <translation>Fold or unfold the details</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="106" />
        <source>证据查看</source>
        <translation>Evidence viewer</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="107" />
        <source>上一页 / 下一页</source>
        <translation>Previous / next page</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="107" />
        <source>放大 / 缩小</source>
        <translation>Zoom in / out</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="108" />
        <source>适合窗口</source>
        <translation>Fit to window</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="108" />
        <source>实际大小</source>
        <translation>Actual size</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="108" />
        <source>校验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="110" />
        <source>位置</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="110" />
        <source>按键</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/help_dialogs.py" line="110" />
        <source>作用</source>
        <translation>Does</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="829" />
        <source>改为“%1”</source>
        <translation>Change to “%1”</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="848" />
        <source>备注</source>
        <translation>Remark</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="850" />
        <source>确认改为此状态？</source>
        <translation>Change to this status?</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="78" />
        <source>本机设备</source>
        <translation>This device</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="81" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="81" />
        <source>使用人</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="82" />
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="116" />
        <source>安全码</source>
        <translation>Safety number</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="83" />
        <source>设备标识</source>
        <translation>Device id</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="84" />
        <source>签名公钥</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="85" />
        <source>加密公钥</source>
        <translation>Encryption key</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="96" />
        <source>其他设备信任本机前，请对方核对此安全码</source>
        <translation>Before another device trusts this one, its user compares this safety number</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="105" />
        <source>导出本机公钥…</source>
        <translation>Export this device's public key…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="107" />
        <source>把本机公钥保存为文件，交给其他设备信任</source>
        <translation>Save this device's public key to a file for the other devices to trust</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="114" />
        <source>受信任的设备</source>
        <translation>Trusted devices</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="116" />
        <source>设备名称</source>
        <translation>Device name</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="116" />
        <source>信任时间</source>
        <translation>Trusted at</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="117" />
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="122" />
        <source>信任其他设备…</source>
        <translation>Trust another device…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="124" />
        <source>选择其他设备导出的公钥文件；只接受受信任设备的同步包</source>
        <translation>Choose the public key file another device exported; only trusted devices' packages are accepted</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="133" />
        <source>导出同步包…</source>
        <translation>Export a package…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="136" />
        <source>导入同步包…</source>
        <translation>Import a package…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="150" />
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="150" />
        <source>对方</source>
        <translation>Peer</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="150" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="150" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="151" />
        <source>更改数</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="151" />
        <source>证据文件</source>
        <translation>Evidence files</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="151" />
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="153" />
        <source>同步包记录</source>
        <translation>Package history</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="177" />
        <source>记录类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="177" />
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="177" />
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="178" />
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="190" />
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="291" />
        <source>本机版本</source>
        <translation>This device's version</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="178" />
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="191" />
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="292" />
        <source>导入版本</source>
        <translation>Imported version</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="201" />
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="207" />
        <source>不同之处：本机版本标红，导入版本标绿</source>
        <translation>Differences: red in this device's version, green in the imported one</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="211" />
        <source>保留本机</source>
        <translation>Keep this device's</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="214" />
        <source>采用导入</source>
        <translation>Take the imported</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="217" />
        <source>编辑后保存…</source>
        <translation>Edit and save…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="233" />
        <source>收到</source>
        <translation>received</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="233" />
        <source>发出</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="235" />
        <source>（口令加密）</source>
        <translation>(passphrase)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="245" />
        <source>待处理的冲突（%n）</source>
        <translation><numerusform>Open conflicts (%n)</numerusform><numerusform>Open conflicts (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="259" />
        <source>关联</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="259" />
        <source>词表条目</source>
        <translation>Vocabulary term</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="260" />
        <source>整改进展</source>
        <translation>Rectification update</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="260" />
        <source>保管记录</source>
        <translation>Chain of custody</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="261" />
        <source>巡察组成员</source>
        <translation>Group member</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="266" />
        <source>删除与修改同时发生</source>
        <translation>Deleted while edited elsewhere</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="272" />
        <source>（删除此记录）</source>
        <translation>(delete this record)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="272" />
        <source>（保留此记录）</source>
        <translation>(keep this record)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="289" />
        <source>此类字段请选择其中一个版本</source>
        <translation>For this kind of field, choose one of the versions</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="297" />
        <source>本机版本（%1）</source>
        <translation>This device's version (%1)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="298" />
        <source>导入版本（%1）</source>
        <translation>Imported version (%1)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="313" />
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="329" />
        <source>未能处理冲突</source>
        <translation>Conflict not settled</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="315" />
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="333" />
        <source>已处理冲突：%1 的“%2”</source>
        <translation>Conflict settled: “%2” of %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="342" />
        <source>导出本机公钥</source>
        <translation>Export this device's public key</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="344" />
        <source>公钥文件 (*.json)</source>
        <translation>Public key files (*.json)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="351" />
        <source>未能导出公钥</source>
        <translation>Key not exported</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="354" />
        <source>本机公钥已保存：%1</source>
        <translation>This device's public key saved: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="358" />
        <source>选择其他设备的公钥文件</source>
        <translation>Choose another device's public key file</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="359" />
        <source>公钥文件 (*.json);;所有文件 (*)</source>
        <translation>Public key files (*.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="365" />
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="375" />
        <source>未能信任该设备</source>
        <translation>Device not trusted</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="368" />
        <source>安全码未确认，没有信任设备“%1”。</source>
        <translation>The safety number was not confirmed; device “%1” was not trusted.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="377" />
        <source>已信任设备“%1”（%2）。</source>
        <translation>Device “%1” (%2) is now trusted.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="377" />
        <source>设备“%1”（%2）早已受信任，公钥相同。</source>
        <translation>Device “%1” (%2) was already trusted with the same key.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="379" />
        <source>信任其他设备</source>
        <translation>Trust another device</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="387" />
        <source>（使用人：%1）</source>
        <translation> (user: %1)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="388" />
        <source>设备“%1”%2的安全码：</source>
        <translation>Safety number of device “%1”%2:</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="389" />
        <source>核对安全码</source>
        <translation>Compare the safety number</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="392" />
        <source>请对方打开其“同步”页，逐组核对“本机设备”中的安全码（当面、电话或纸面均可）。完全一致才信任；不一致说明公钥文件可能在传递中被调换。</source>
        <translation>Ask the other device's user to open its Sync page and compare the safety number under This device, group by group (in person, by phone or on paper). Trust only if it matches exactly; a difference means the key file may have been swapped on the way.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="398" />
        <source>允许该设备读取信访人身份（由本机加密给它）</source>
        <translation>Let this device read petitioners' identities (sealed to it here)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="399" />
        <source>这是巡察办的设备：登记的信访人身份也加密给它</source>
        <translation>This is the office's device: identities registered here are sealed to it too</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="402" />
        <source>一致，信任</source>
        <translation>They match, trust</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="403" />
        <source>不一致</source>
        <translation>They differ</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="418" />
        <source>正在导出同步包 %1 …</source>
        <translation>Exporting the package %1 …</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="423" />
        <source>已取消导出，未生成文件。</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="425" />
        <source>未能导出同步包</source>
        <translation>Package not exported</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="429" />
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="435" />
        <source>同步包已保存：%1</source>
        <translation>Package saved: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="430" />
        <source>更改：%1 条，审计记录：%2 条</source>
        <translation>Changes: %1, audit entries: %2</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="432" />
        <source>证据文件：%1 个，大小：%2</source>
        <translation>Evidence files: %1, size: %2</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="434" />
        <source>导出同步包</source>
        <translation>Export a package</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="446" />
        <source>正在检查同步包 %1 …</source>
        <translation>Checking the package %1 …</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="446" />
        <source>正在导入同步包 %1 …</source>
        <translation>Importing the package %1 …</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="451" />
        <source>已取消导入，数据未改动。</source>
        <translation>Import cancelled; no data changed.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="453" />
        <source>同步包未导入。</source>
        <translation>The package was not imported.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="454" />
        <source>同步包未导入</source>
        <translation>Package not imported</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="460" />
        <source>检查结果</source>
        <translation>Check result</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="460" />
        <source>导入结果</source>
        <translation>Import result</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="468" />
        <source>已检查来自“%1”的同步包（仅检查，数据未改动）。</source>
        <translation>Checked the package from “%1” (check only; no data changed).</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="469" />
        <source>已导入来自“%1”的同步包。</source>
        <translation>Imported the package from “%1”.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="472" />
        <source>新增记录：%1</source>
        <translation>Records added: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="473" />
        <source>更新记录：%1</source>
        <translation>Records updated: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="474" />
        <source>未变记录：%1</source>
        <translation>Records unchanged: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="475" />
        <source>应用更改：%1 条（已有 %2 条）</source>
        <translation>Changes applied: %1 (already present: %2)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="477" />
        <source>冲突：%1 处</source>
        <translation>Conflicts: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="478" />
        <source>审计记录：新增 %1 条</source>
        <translation>Audit entries added: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="479" />
        <source>证据文件：新增 %1 个（已有 %2 个）</source>
        <translation>Evidence files added: %1 (already present: %2)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="481" />
        <source>数据量：%1</source>
        <translation>Size: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="484" />
        <source>请在“待处理的冲突”中逐一处理。</source>
        <translation>Settle them one by one under “Open conflicts”.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="490" />
        <source>该同步包用口令加密，请在“同步包口令”中输入口令后再导入。未作任何改动。</source>
        <translation>This package is protected by a passphrase: enter it under “Package passphrase” and import again. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/sync_page.py" line="492" />
        <source>同步包来自未受信任的设备“%1”（%2）；请先用“信任其他设备…”导入其公钥。未作任何改动。</source>
        <translation>The package comes from device “%1” (%2), which is not trusted; trust its key with “Trust another device…” first. Nothing was changed.</translation>
    </message>
</context>
<context>
    <name>_Cover</name>
    <message>
        <location filename="../../xuncha_desktop/ui/idle_lock.py" line="56" />
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/idle_lock.py" line="56" />
        <source>已锁定，请在主窗口输入口令解锁。</source>
        <translation>Locked: type the passphrase in the main window to unlock.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/idle_lock.py" line="68" />
        <source>请输入 %1 的口令以继续。</source>
        <translation>Type the passphrase of %1 to go on.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/idle_lock.py" line="78" />
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
</context>
</TS>