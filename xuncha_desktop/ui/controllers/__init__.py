"""The window's one layer to the data, without Qt: controllers (plain values in and out, one short session per
call, services only) and jobs (long work with a typed result, a progress callback and a cancel flag).

Importing this package never imports PySide6 (``tests/ui/controllers/test_no_qt.py``), so every controller
and job runs in tests without a screen. ``records.Controller`` is the window's entry: it owns the narrower
controllers (``evidence``, ``reports``, ``sync``, ``drafts``), which the window hands to the widgets that
need them. No widget is given the workspace.
"""
