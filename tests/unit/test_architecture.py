"""The core stays free of the UI: importing search/ and briefings/ never loads Textual or Rich."""

from __future__ import annotations

import subprocess
import sys

from tests.commands import required_command


def test_importing_the_core_does_not_load_the_ui():
    code = (
        "import sys, importlib, pkgutil, search, briefings\n"
        "for pkg in (search, briefings):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in {'textual', 'rich', 'tui'})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_import_contracts_hold():
    out = subprocess.run([required_command("lint-imports")], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
