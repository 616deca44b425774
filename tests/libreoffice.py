"""Recalculate a workbook in headless LibreOffice, for the living-workbook tests.

``soffice --convert-to`` keeps a workbook's cached values unless the user profile says to
recalculate on load: a scratch profile sets OOXMLRecalcMode (and ODFRecalcMode) to 0,
"always recalculate" (see TESTING.md). A missing soffice is a skip locally and a failure
in CI (``CI=true`` or ``REQUIRE_BROWSER=1``), like the browser tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
 <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
 <prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def required() -> bool:
    return os.environ.get("CI") == "true" or os.environ.get("REQUIRE_BROWSER") == "1"


def soffice() -> str:
    """The path of soffice; skips the test without it, fails in CI."""
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        message = "LibreOffice (soffice) is not installed: make browser installs it"
        if required():
            pytest.fail(message)
        pytest.skip(message)
    return path


def recalculate(source: Path | list[Path], out_dir: Path, profile: Path) -> Path:
    """Open `source` (one workbook or several, in one run) in headless LibreOffice with
    recalculation on load and save each as xlsx in `out_dir`; returns the recalculated
    file (the folder for several)."""
    settings = profile / "user" / "registrymodifications.xcu"
    if not settings.exists():
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(PROFILE, encoding="utf-8")
    out_dir.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out_dir),
            *([str(source)] if isinstance(source, Path) else list(source)),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    target = out_dir / Path(source).name if isinstance(source, Path) else out_dir
    if done.returncode != 0 or (isinstance(source, Path) and not target.exists()):
        raise RuntimeError(f"soffice failed ({done.returncode}): {done.stderr or done.stdout}")
    return target
