"""The program's data files, installed as the package ``xuncha_desktop.assets`` (see setup.py).

Read them through ``xuncha_desktop.resources`` only; this folder holds no code.
"""
