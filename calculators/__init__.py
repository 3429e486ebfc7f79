"""Stridelab's calculators: pure Python, run at build time in CPython and in the reader's browser by Pyodide."""

__version__ = "0.1.0"
