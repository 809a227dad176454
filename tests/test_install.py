"""A non-editable install into a new virtual environment finds its templates and sample."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import sysconfig

from conftest import ROOT


def test_wheel_install_runs_demo_from_another_folder(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(dist.glob("quizgen-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    # The dependencies come from this environment (no second download); quizgen itself from the wheel.
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    deps = [p for p in site.getsitepackages() + [sysconfig.get_paths()["purelib"]] if os.path.isdir(p)]
    with open(os.path.join(purelib, "deps-from-test-env.pth"), "w") as handle:
        handle.write("\n".join(sorted(set(deps))) + "\n")
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "-q", str(wheel)], check=True,
                   capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run([str(venv / "bin" / "quizgen"), "demo", "-o", "OUT"], cwd=elsewhere,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (elsewhere / "OUT").iterdir())
    assert names == ["internet-finance.answers.html", "internet-finance.apkg",
                     "internet-finance.quiz.json", "internet-finance.worksheet.html"]
    where = subprocess.run([str(python), "-c", "import quizgen; print(quizgen.__file__)"], cwd=elsewhere,
                           capture_output=True, text=True, check=True).stdout
    assert str(venv) in where, "quizgen came from the wheel, not the source tree"
