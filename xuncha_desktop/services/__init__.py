"""The use cases, one module per record family (see docs/architecture.md). Importing the package registers
every family in ``services.registry``, so a look-up by kind never finds the list empty."""

from xuncha_desktop.services import kinds as kinds
