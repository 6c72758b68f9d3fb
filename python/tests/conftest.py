"""Shared fixtures: the dyad binary, the examples, and a helper that runs `dyad code`.

ctest sets DYAD_BIN, DYAD_EXAMPLES, DYAD_GAZETTEER and PYTHONPATH (python/CMakeLists.txt); by
hand: PYTHONPATH=build/python DYAD_BIN=build/dyad python3 -m pytest -q python/tests
"""

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def dyad_bin():
    path = Path(os.environ.get("DYAD_BIN", REPO / "build" / "dyad"))
    if not path.is_file():
        pytest.fail(f"no dyad binary at {path}: build it, or set DYAD_BIN")
    return path


@pytest.fixture(scope="session")
def examples():
    return Path(os.environ.get("DYAD_EXAMPLES", REPO / "examples"))


@pytest.fixture(scope="session")
def coder():
    import dyad

    return dyad.Coder()


@pytest.fixture(scope="session")
def run_cli(dyad_bin):
    """Runs `dyad code ARGS -j 1`; returns (stdout lines, error records as dicts)."""

    def run(*args):
        proc = subprocess.run([str(dyad_bin), "code", *map(str, args), "-j", "1"], capture_output=True,
                              check=False)
        assert proc.returncode == 0, proc.stderr.decode()
        errors = [json.loads(line) for line in proc.stderr.decode().split("\n") if line.startswith("{")]
        return [line for line in proc.stdout.decode().split("\n") if line], errors  # not splitlines(): U+2028

    return run
