#!/bin/sh
# Adds 巡察外业桌面端 of this folder to the current user's application menu (no root needed):
#   ~/.local/share/applications/xuncha-desktop.desktop   (or under $XDG_DATA_HOME)
#   ~/.local/share/icons/hicolor/scalable/apps/xuncha-desktop.svg
#   ~/.local/bin/xuncha -> this folder's command line (when that name is free or already ours)
# Run it again after moving the folder. uninstall.sh takes these away; workspaces are never touched.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps="$data/applications"
icons="$data/icons/hicolor/scalable/apps"
bin="$HOME/.local/bin"

if [ ! -x "$here/巡察外业桌面端" ] || [ ! -x "$here/xuncha" ]; then
    echo "install.sh: run it from the unpacked xuncha folder (巡察外业桌面端 and xuncha not found beside it)" >&2
    exit 1
fi

mkdir -p "$apps" "$icons" "$bin"
cp "$here/_internal/xuncha_desktop/assets/icons/app.svg" "$icons/xuncha-desktop.svg"
# Exec is quoted so a folder with spaces works; %% would be needed before a literal percent sign.
exec_path=$(printf '%s' "$here/巡察外业桌面端" | sed 's/%/%%/g')
cat > "$apps/xuncha-desktop.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Version=1.0
Name=巡察外业桌面端
Name[en]=Xuncha field desktop
GenericName=巡察外业记录
Comment=离线、加密的巡察外业记录程序
Comment[en]=Offline, encrypted field records for inspection groups
Exec="$exec_path"
Icon=xuncha-desktop
Terminal=false
Categories=Office;
StartupNotify=true
DESKTOP

link="$bin/xuncha"
if [ ! -e "$link" ] && [ ! -L "$link" ]; then
    ln -s "$here/xuncha" "$link"
elif [ -L "$link" ] && case "$(readlink "$link")" in */xuncha) true ;; *) false ;; esac; then
    ln -sf "$here/xuncha" "$link"  # an earlier install of ours: point it at this folder
else
    echo "install.sh: $link exists and is not ours; the command line stays at $here/xuncha" >&2
fi

command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" 2>/dev/null || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$data/icons/hicolor" 2>/dev/null || true
echo "已安装到菜单 / added to the menu: $apps/xuncha-desktop.desktop"
