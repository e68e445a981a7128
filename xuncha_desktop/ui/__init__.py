"""The desktop window (PySide6). The only package that imports Qt widgets; it reaches data through
:mod:`xuncha_desktop.ui.controllers`, never through a Session of its own."""
