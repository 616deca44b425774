"""The command line: ``businesscase run|allocate|montecarlo|export|scenario``."""

from .commands import main

__all__ = ["main"]
