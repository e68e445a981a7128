<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="347" />
        <source>巡察轮次</source>
        <translation>Round</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="350" />
        <source>全部轮次</source>
        <translation>All rounds</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="358" />
        <source>数量</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="361" />
        <location filename="../../xuncha_desktop/ui/pages.py" line="396" />
        <source>被巡察单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="361" />
        <source>个别谈话</source>
        <translation>Interviews</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="362" />
        <source>信访件</source>
        <translation>Petitions</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="363" />
        <source>问题线索</source>
        <translation>Clues</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="363" />
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="364" />
        <source>列入反馈</source>
        <translation>In feedback</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="364" />
        <location filename="../../xuncha_desktop/ui/pages.py" line="463" />
        <source>整改到位</source>
        <translation>Rectified</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="365" />
        <source>逾期未整改</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="395" />
        <source>逾期未整改的问题（双击打开）</source>
        <translation>Overdue problems (double-click to open)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="396" />
        <source>问题编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="396" />
        <source>问题表述</source>
        <translation>Statement</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="397" />
        <source>整改时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="397" />
        <source>整改状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="428" />
        <source>线索：%1
问题：%2</source>
        <translation>Clues: %1
Problems: %2</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="432" />
        <source>问题按类别</source>
        <translation>Problems by category</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="435" />
        <source>问题数</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="461" />
        <source>各单位整改进度</source>
        <translation>Rectification by unit</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="464" />
        <source>未完成</source>
        <translation>Not finished</translation>
    </message>
</context>
<context>
    <name>EvidenceEditor</name>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="28" />
        <source>校验文件 (SHA-256)</source>
        <translation>Verify file (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="33" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="33" />
        <source>动作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="33" />
        <source>经手人</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="33" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="44" />
        <source>保管记录</source>
        <translation>Chain of custody</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="63" />
        <source>（无文件）</source>
        <translation>(no file)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="67" />
        <source>此类文件不能预览</source>
        <translation>No preview for this kind of file</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="74" />
        <source>无法预览</source>
        <translation>Cannot preview</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="87" />
        <source>文件完好，与登记的 SHA-256 一致。</source>
        <translation>The file is intact: its SHA-256 matches.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/evidence_editor.py" line="88" />
        <source>文件已损坏或被改动！</source>
        <translation>The file is damaged or altered!</translation>
    </message>
</context>
<context>
    <name>EvidencePage</name>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="256" />
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="257" />
        <source>添加文件（也可把文件拖到此处）</source>
        <translation>Add files (or drop them here)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="258" />
        <source>把文件拖到此处即可登记为证据材料</source>
        <translation>Drop files here to register them as evidence</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="265" />
        <source>选择证据文件</source>
        <translation>Choose evidence files</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="291" />
        <source>正在加密保存 %1 …</source>
        <translation>Encrypting and storing %1 …</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="296" />
        <location filename="../../xuncha_desktop/ui/pages.py" line="298" />
        <source>未能添加</source>
        <translation>Not added</translation>
    </message>
</context>
<context>
    <name>FieldWidget</name>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="72" />
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="74" />
        <source>保密信息：仅在需要时显示</source>
        <translation>Confidential: show only when needed</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="149" />
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
    <name>InterviewEditor</name>
    <message>
        <location filename="../../xuncha_desktop/ui/interview_editor.py" line="83" />
        <source>插入谈话提纲…</source>
        <translation>Insert an outline…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/interview_editor.py" line="88" />
        <source>插入时间 (Ctrl+T)</source>
        <translation>Insert time (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/interview_editor.py" line="90" />
        <source>谈话对象签字…</source>
        <translation>Signed by interviewee…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/interview_editor.py" line="121" />
        <source>草稿已自动保存 %1</source>
        <translation>Draft autosaved %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/interview_editor.py" line="134" />
        <source>已恢复上次未保存的草稿（%1）。保存后草稿删除。</source>
        <translation>The unsaved draft of %1 was restored. Saving the record removes the draft.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/interview_editor.py" line="146" />
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/interview_editor.py" line="201" />
        <source>选择签字后的谈话记录扫描件（可不选）</source>
        <translation>Choose the scan of the signed record (optional)</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location filename="../../xuncha_desktop/ui/jobs.py" line="65" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/jobs.py" line="66" />
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>LinkPicker</name>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="639" />
        <source>添加关联</source>
        <translation>Add link</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="646" />
        <source>输入关键词检索</source>
        <translation>Type words to search</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="56" />
        <source>在本列表中检索</source>
        <translation>Search this list</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="60" />
        <source>全部轮次</source>
        <translation>All rounds</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="62" />
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="65" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="69" />
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="117" />
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="120" />
        <source>新建 (Ctrl+N)</source>
        <translation>New (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="122" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="157" />
        <source>不限</source>
        <translation>any</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="196" />
        <source>正在计数…</source>
        <translation>Counting…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../xuncha_desktop/ui/pages.py" line="198" />
        <source>共 %n 条</source>
        <translation><numerusform>%n record</numerusform><numerusform>%n records</numerusform></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="37" />
        <source>巡察外业桌面端 — 打开工作区</source>
        <translation>Xuncha desktop — open a workspace</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="39" />
        <source>巡察外业桌面端</source>
        <translation>Xuncha desktop</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="46" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="50" />
        <source>工作区文件夹</source>
        <translation>Workspace folder</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="54" />
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="55" />
        <source>新建工作区</source>
        <translation>Create a new workspace</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="64" />
        <source>如：第六巡察组-笔记本1</source>
        <translation>e.g. Group 6 laptop 1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="67" />
        <source>再次输入口令</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="67" />
        <source>设备名称</source>
        <translation>Device name</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="68" />
        <source>使用人</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="79" />
        <location filename="../../xuncha_desktop/ui/login.py" line="93" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="93" />
        <source>新建并打开</source>
        <translation>Create and open</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="96" />
        <source>选择工作区文件夹</source>
        <translation>Choose the workspace folder</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="110" />
        <source>两次输入的口令不一致。</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="115" />
        <source>笔记本</source>
        <translation>Laptop</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/login.py" line="124" />
        <source>正在解锁工作区…</source>
        <translation>Unlocking the workspace…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="85" />
        <source>巡察外业桌面端 — %1</source>
        <translation>Xuncha desktop — %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="119" />
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="119" />
        <source>轮次与单位</source>
        <translation>Rounds and units</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="119" />
        <source>个别谈话</source>
        <translation>Interviews</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="120" />
        <source>信访件</source>
        <translation>Petitions</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="120" />
        <source>问题线索</source>
        <translation>Clues</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="120" />
        <source>证据材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="121" />
        <source>问题底稿</source>
        <translation>Working papers</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="121" />
        <source>问题与整改</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="121" />
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="147" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="148" />
        <source>新建记录</source>
        <translation>New record</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="152" />
        <source>添加证据文件…</source>
        <translation>Add evidence files…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="156" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="161" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="166" />
        <source>查找(&amp;S)</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="167" />
        <source>全局检索</source>
        <translation>Search everything</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="172" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="179" />
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="189" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="190" />
        <location filename="../../xuncha_desktop/ui/main_window.py" line="358" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="194" />
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="204" />
        <source>检索全部记录 (Ctrl+F)</source>
        <translation>Search all records (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="214" />
        <source>工作区：%1</source>
        <translation>Workspace: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="215" />
        <source>设备：%1</source>
        <translation>Device: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="216" />
        <source>使用人：%1</source>
        <translation>User: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="217" />
        <location filename="../../xuncha_desktop/ui/main_window.py" line="303" />
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="298" />
        <source>草稿已自动保存（未保存到数据库）</source>
        <translation>Draft autosaved (not yet saved to the database)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="319" />
        <source>恢复草稿</source>
        <translation>Restore drafts</translation>
    </message>
    <message numerus="yes">
        <location filename="../../xuncha_desktop/ui/main_window.py" line="320" />
        <source>发现 %n 份未保存的谈话记录草稿（程序上次可能意外退出）。现在恢复吗？</source>
        <translation><numerusform>Found %n unsaved interview draft (the program may have stopped unexpectedly). Restore now?</numerusform><numerusform>Found %n unsaved interview drafts (the program may have stopped unexpectedly). Restore now?</numerusform></translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="328" />
        <source>有未保存的草稿</source>
        <translation>Unsaved drafts</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="355" />
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="355" />
        <source>界面语言将在下次启动时切换。</source>
        <translation>The language changes at the next start.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="358" />
        <source>巡察外业桌面端
离线、加密的巡察外业记录程序。</source>
        <translation>Xuncha desktop
Offline, encrypted records of inspection work.</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="297" />
        <source>关联记录（双击打开）</source>
        <translation>Linked records (double-click to open)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="298" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="298" />
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="298" />
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="311" />
        <source>添加关联…</source>
        <translation>Add link…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="314" />
        <source>取消关联</source>
        <translation>Remove link</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="322" />
        <source>整改过程</source>
        <translation>Rectification history</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="323" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="323" />
        <source>状态变化</source>
        <translation>Status change</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="323" />
        <source>备注</source>
        <translation>Remark</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="324" />
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="346" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="349" />
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="350" />
        <location filename="../../xuncha_desktop/ui/editor.py" line="452" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="352" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="378" />
        <source>新建%1</source>
        <translation>New %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="423" />
        <source>请更正标红的项目。</source>
        <translation>Please correct the fields marked in red.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="452" />
        <source>确定删除这条记录吗？</source>
        <translation>Delete this record?</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="478" />
        <source>状态：%1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="534" />
        <source>正在加密保存 %1 …</source>
        <translation>Encrypting and storing %1 …</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="551" />
        <source>提出</source>
        <translation>raised</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="551" />
        <source>佐证</source>
        <translation>supported by</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="551" />
        <source>依据</source>
        <translation>based on</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="552" />
        <source>延续自</source>
        <translation>carried over from</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="552" />
        <source>重复件</source>
        <translation>repeats</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="553" />
        <source>巡察</source>
        <translation>inspects</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="553" />
        <source>附件</source>
        <translation>attachment</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="553" />
        <source>材料</source>
        <translation>material</translation>
    </message>
</context>
<context>
    <name>ReportJob</name>
    <message>
        <location filename="../../xuncha_desktop/ui/report_jobs.py" line="162" />
        <source>未能生成文书：%1</source>
        <translation>The document could not be made: %1</translation>
    </message>
</context>
<context>
    <name>ReportPreviewDialog</name>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="65" />
        <source>预览：%1</source>
        <translation>Preview: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="79" />
        <source>缩小 (-)</source>
        <translation>Zoom out (-)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="80" />
        <source>放大 (+)</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="81" />
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="86" />
        <source>保存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="87" />
        <source>保存为 PDF (Ctrl+S)</source>
        <translation>Save as PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="88" />
        <source>另存为 Word…</source>
        <translation>Save as Word…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="89" />
        <source>另存为可编辑的 Word 文档（.docx）</source>
        <translation>Save as an editable Word document (.docx)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="91" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="92" />
        <source>打印 (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="93" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="163" />
        <source>第 %1 页 共 %2 页</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="215" />
        <source>文件已存在</source>
        <translation>File exists</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="216" />
        <source>“%1”已存在。要替换它吗？</source>
        <translation>“%1” exists. Replace it?</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="224" />
        <source>保存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="224" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="230" />
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="269" />
        <source>未能保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="230" />
        <source>未能保存“%1”：%2</source>
        <translation>“%1” was not saved: %2</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="237" />
        <source>已保存：%1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="244" />
        <source>另存为 Word</source>
        <translation>Save as Word</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="244" />
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="254" />
        <source>正在生成 Word 文档…</source>
        <translation>Making the Word document…</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="284" />
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="303" />
        <source>未能打印</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="303" />
        <source>无法开始打印，请检查打印机。</source>
        <translation>Printing could not start; please check the printer.</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="325" />
        <source>已送去打印：%1 页</source>
        <translation>Sent to the printer: %1 page(s)</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/report_preview.py" line="354" />
        <source>未能生成文书</source>
        <translation>The document could not be made</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="49" />
        <source>检索：%1</source>
        <translation>Search: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../xuncha_desktop/ui/main_window.py" line="52" />
        <source>找到 %n 条记录</source>
        <translation><numerusform>%n record found</numerusform><numerusform>%n records found</numerusform></translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="54" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="54" />
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/main_window.py" line="54" />
        <source>摘录</source>
        <translation>Excerpt</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="596" />
        <source>改为“%1”</source>
        <translation>Change to “%1”</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="615" />
        <source>备注</source>
        <translation>Remark</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/editor.py" line="617" />
        <source>确认改为此状态？</source>
        <translation>Change to this status?</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="325" />
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../xuncha_desktop/ui/pages.py" line="328" />
        <source>导出数据包、导入其他笔记本的数据包和处理冲突的功能将随第 4 项任务（同步）提供。
本机设备：%1</source>
        <translation>Exporting packages, importing other laptops' packages and settling conflicts arrive with issue 4 (sync).
This device: %1</translation>
    </message>
</context>
</TS>