"""Only what pyproject.toml cannot say: the top-level ``resources/`` folder is installed as the package
``xuncha_desktop.assets``, so a wheel (and an editable install) carries the fonts, icons, translations and the
demo's texts, and ``importlib.resources`` finds them (xuncha_desktop/resources.py). Folders of data (the
assets', the migrations') are listed as packages too: setuptools leaves out what its `packages` omit."""

from setuptools import find_namespace_packages, setup

ASSETS = ["demo", "fonts", "icons", "translations"]

setup(
    packages=[*find_namespace_packages(include=["xuncha_desktop*"], exclude=["*__pycache__*"]),
              "xuncha_desktop.assets", *(f"xuncha_desktop.assets.{folder}" for folder in ASSETS)],
    package_dir={"xuncha_desktop.assets": "resources"},
)
