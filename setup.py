"""Only what pyproject.toml cannot say: the top-level ``resources/`` folder is installed as the package
``xuncha_desktop.assets``, so a wheel (and an editable install) carries the fonts, icons, translations and the
demo's texts, and ``importlib.resources`` finds them (xuncha_desktop/resources.py)."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["xuncha_desktop*"]), "xuncha_desktop.assets"],
    package_dir={"xuncha_desktop.assets": "resources"},
)
