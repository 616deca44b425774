import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))          # builders
sys.path.insert(0, str(HERE.parent))   # businesscase, dashboards from the work tree
