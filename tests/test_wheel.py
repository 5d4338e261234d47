"""The built wheel carries domains/, models/ and templates/ and works from a fresh virtual environment."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    [built] = list(out.glob("spbe_arch-*.whl"))
    return built


def test_wheel_ships_package_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "spbe_arch/py.typed" in names
    assert "spbe_arch/_data/domains/rab.yaml" in names
    assert "spbe_arch/_data/models/kabupaten-pasuruan/spbe.yaml" in names
    assert any(n.startswith("spbe_arch/_data/templates/") for n in names)


def test_installed_wheel_validates_the_bundled_example(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True, timeout=600,
                   capture_output=True)
    spbe = bindir / "spbe"
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    located = subprocess.run([str(python), "-c", "from spbe_arch.resources import example_model; "
                              "print(example_model())"], cwd=workdir, capture_output=True, text=True, check=True)
    example = Path(located.stdout.strip())
    assert str(env_dir) in str(example) and not str(example).startswith(str(ROOT))
    result = subprocess.run([str(spbe), "validate", str(example)], cwd=workdir, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "0 error(s)" in result.stdout
    copied = subprocess.run([str(spbe), "init", "--example", "pasuruan"], cwd=workdir, capture_output=True,
                            text=True, timeout=300)
    assert copied.returncode == 0, copied.stderr
    assert subprocess.run([str(spbe), "validate", "pasuruan"], cwd=workdir, capture_output=True,
                          timeout=300).returncode == 0
