"""Moving data between machines: the change log's use, packages and merging (see docs/architecture.md)."""
