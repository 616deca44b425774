import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # builders
sys.path.insert(0, str(HERE.parent))  # businesscase, dashboards from the work tree

# Locally every run draws new random variants (and finds new counterexamples); CI replays
# a fixed set so that main stays green or red for a reason. A counterexample found locally
# becomes an @example on its test.
import os  # noqa: E402

from hypothesis import settings  # noqa: E402

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
