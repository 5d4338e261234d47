"""Validation report formats for CI: SARIF (code scanning), JUnit XML (test reports), GitHub annotations.

Each module offers one renderer ``Report -> str``; :mod:`spbe_arch.render` registers them.
"""
