#!/usr/bin/env python3
"""Set up and run the REC Portal with nothing but Python 3.11+: `python3 dev.py run` or `python3 dev.py test`.

run    create .venv, install the pinned requirements, compile translations, migrate,
       load the demo data and serve the portal on http://127.0.0.1:$PORT (default 8000)
test   the same set-up, then the whole test suite (extra arguments go to pytest)
setup  the set-up alone

Only the standard library is used here, so this file works before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
REQUIREMENTS = ROOT / "requirements-dev.txt"
STAMP = VENV / ".requirements-installed"


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def run(*args: str | Path, env: dict[str, str] | None = None) -> None:
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True, env=env)  # noqa: S603


def requirements_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("requirements*.txt")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def setup() -> None:
    """Create the virtual environment and install the pinned requirements when they changed."""
    if not PYTHON.exists():
        say(f"Creating the virtual environment in {VENV.name}/")
        venv.EnvBuilder(with_pip=True).create(VENV)
    if not STAMP.exists() or STAMP.read_text() != requirements_digest():
        say("Installing the pinned requirements")
        run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", REQUIREMENTS)
        STAMP.write_text(requirements_digest())
    say("Compiling translations")
    run(PYTHON, "manage.py", "compiletranslations", env=dev_env())
    if not (ROOT / "node_modules" / "axe-core").exists():
        if shutil.which("npm"):
            say("Installing axe-core for the admin's accessibility tests (npm ci)")
            # Not fatal: without axe-core only those tests skip.
            npm = ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]
            subprocess.run(npm, cwd=ROOT, check=False)  # noqa: S603
        else:
            say("No npm: the admin's accessibility tests will be skipped (they need axe-core from npm).")


def dev_env() -> dict[str, str]:
    """Return the environment for local use: DEBUG on unless the caller set it."""
    return {**os.environ, "DEBUG": os.environ.get("DEBUG", "1")}


def serve() -> None:
    """Migrate, load the demo data and serve the portal for local use."""
    env = dev_env()
    port = os.environ.get("PORT", "8000")
    if not port.isdigit():
        sys.exit(f"PORT must be a number, not {port!r}.")
    say("Migrating the database")
    run(PYTHON, "manage.py", "migrate", "--no-input", env=env)
    say("Loading the demo data")
    run(PYTHON, "manage.py", "seed_demo", env=env)
    say(f"Serving the portal on http://127.0.0.1:{port}/ (Ctrl+C stops it)")
    run(PYTHON, "manage.py", "runserver", f"127.0.0.1:{port}", env=env)


def test(args: list[str]) -> int:
    """Run the whole test suite, one worker per core (pytest-xdist), and return pytest's exit code."""
    # Measured (docs/benchmarks.md): two workers on a 2-core machine take the suite from 257 s to 174 s.
    # Pass -n 0 (or any -n) to choose otherwise.
    workers = [] if any(arg == "-n" or arg.startswith(("-n=", "--numprocesses")) for arg in args) else ["-n", "auto"]
    say("Running the test suite")
    return subprocess.run([str(PYTHON), "-m", "pytest", *workers, *args], cwd=ROOT).returncode  # noqa: S603


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "run"
    if command not in {"run", "test", "setup"}:
        print(__doc__)
        return 2
    setup()
    if command == "run":
        try:
            serve()
        except KeyboardInterrupt:
            return 0
    if command == "test":
        return test(argv[1:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
