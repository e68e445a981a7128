#!/bin/sh
# Removes what install.sh added (the menu entry, the icon, the ~/.local/bin/xuncha link when it points into
# this folder). Workspaces (the data: ~/.local/share/xuncha-desktop and any folder you chose) are left alone;
# delete this folder afterwards to remove the program itself.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
rm -f "$data/applications/xuncha-desktop.desktop" "$data/icons/hicolor/scalable/apps/xuncha-desktop.svg"
link="$HOME/.local/bin/xuncha"
if [ -L "$link" ] && [ "$(readlink "$link")" = "$here/xuncha" ]; then
    rm -f "$link"
fi
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" 2>/dev/null || true
echo "已从菜单移除；工作区未动 / removed from the menu; workspaces were not touched"
