"""The CI recipes of docs/ci.md and the pre-commit hook: valid YAML, the right steps, and every
`spbe` command line in them accepted by the real command-line parser."""

from __future__ import annotations

import re
import shlex
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from spbe_arch.cli import app

ROOT = Path(__file__).resolve().parent.parent
CI_DOC = ROOT / "docs" / "ci.md"
HOOKS = ROOT / ".pre-commit-hooks.yaml"


def _recipe(name: str) -> Any:
    """The YAML block that follows ``<!-- recipe: NAME -->`` in docs/ci.md, parsed."""
    text = CI_DOC.read_text(encoding="utf-8")
    match = re.search(rf"<!-- recipe: {re.escape(name)} -->\s*```yaml\n(.*?)```", text, re.S)
    assert match, f"no recipe {name!r} in docs/ci.md"
    return yaml.safe_load(match.group(1))


def _spbe_lines(script: str) -> list[str]:
    """The `spbe ...` commands of a shell script, continuation lines joined, redirections and
    `|| ...` cut off."""
    joined = re.sub(r"\\\n\s*", " ", script)
    commands = []
    for line in joined.splitlines():
        line = line.strip()
        if line.startswith("spbe "):
            commands.append(re.split(r"\s(?:>|\|\||&&|\||;)\s?", line)[0])
    return commands


@pytest.fixture
def run_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, small: Path) -> Callable[[str], bool]:
    """Run one `spbe ...` line of a recipe through the real command-line parser, in a scratch folder,
    with $WORKSPACE the small fixture and the revision comparison of `spbe diff` replaced by a folder
    comparison (the scratch folder is no repository). False when the command does not exist in this
    checkout (a feature not merged yet); a failed assertion when an option or value is refused."""
    from spbe_arch.diff import sources as diff_sources

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(diff_sources, "compare", lambda *a, **k: diff_sources.compare_folders(small, small))

    def run(line: str) -> bool:
        args = [small.as_posix() if a == "$WORKSPACE" else a for a in shlex.split(line)[1:]]
        result = CliRunner().invoke(app, args)
        if result.exit_code == 2 and "No such command" in result.output:
            return False
        assert result.exit_code in (0, 1), f"{line}: exit {result.exit_code}: {result.output}"
        return True

    return run


def _scripts_github(workflow: dict[str, Any]) -> list[str]:
    return [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]


def _scripts_gitlab(pipeline: dict[str, Any]) -> list[str]:
    return ["\n".join(job["script"]) for job in pipeline.values() if isinstance(job, dict) and "script" in job]


def test_github_actions_workflow() -> None:
    workflow = _recipe("github-actions")
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers and "push" in triggers
    jobs = workflow["jobs"]
    assert set(jobs) == {"validate", "diff", "build"}
    steps = {name: job["steps"] for name, job in jobs.items()}
    runs = {name: "\n".join(s.get("run", "") for s in job_steps) for name, job_steps in steps.items()}
    uses = {name: [s.get("uses", "") for s in job_steps] for name, job_steps in steps.items()}

    assert "--format github" in runs["validate"] and "--format sarif" in runs["validate"]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses["validate"])
    assert jobs["validate"]["permissions"]["security-events"] == "write"

    checkout = next(s for s in steps["diff"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    assert "spbe diff" in runs["diff"] and "--format md" in runs["diff"] and "--fail-on-new duplicate" in runs["diff"]
    assert jobs["diff"]["permissions"]["pull-requests"] == "write"
    comment = next(s for s in steps["diff"] if "sticky-pull-request-comment" in s.get("uses", ""))
    assert comment["with"]["path"] == "spbe-diff.md"
    assert "spbe build" in runs["build"]
    assert any(u.startswith("actions/upload-artifact@") for u in uses["build"])


def test_gitlab_ci_job() -> None:
    pipeline = _recipe("gitlab-ci")
    assert pipeline["stages"] == ["validate", "review", "build"]
    validate, diff, build = pipeline["spbe-validate"], pipeline["spbe-diff"], pipeline["spbe-build"]
    assert validate["artifacts"]["reports"]["junit"] == "spbe-junit.xml"
    assert any("--format junit" in line and "spbe-junit.xml" in line for line in validate["script"])
    assert diff["variables"]["GIT_DEPTH"] == "0"
    assert diff["rules"][0]["if"] == '$CI_PIPELINE_SOURCE == "merge_request_event"'
    script = "\n".join(diff["script"])
    assert "spbe diff" in script and "--format md" in script
    assert "merge_requests/$CI_MERGE_REQUEST_IID/notes" in script and "body@spbe-diff.md" in script
    assert any("spbe build" in line for line in build["script"])
    assert "public/" in build["artifacts"]["paths"]
    stages = {job["stage"] for job in (validate, diff, build)}
    assert stages <= set(pipeline["stages"])


def test_pre_commit_config_example(run_line: Callable[[str], bool]) -> None:
    config = _recipe("pre-commit-config")
    hook = config["repos"][0]["hooks"][0]
    assert hook["id"] == "spbe-validate"
    assert run_line(" ".join(["spbe validate", "$WORKSPACE", *hook["args"][1:]]))


@pytest.mark.parametrize("recipe", ["github-actions", "gitlab-ci"])
def test_recipe_commands_run(recipe: str, run_line: Callable[[str], bool]) -> None:
    data = _recipe(recipe)
    scripts = _scripts_github(data) if recipe == "github-actions" else _scripts_gitlab(data)
    lines = [line for script in scripts for line in _spbe_lines(script)]
    assert len(lines) >= 4
    checked = {shlex.split(line)[1] for line in lines if run_line(line)}
    assert {"validate", "diff"} <= checked
    assert Path("spbe-diff.md").read_text(encoding="utf-8").startswith("### Architecture change:")


def test_command_check_catches_a_bad_option(run_line: Callable[[str], bool]) -> None:
    for line in ("spbe diff --fail-on-new everything", "spbe validate $WORKSPACE --no-such-option"):
        with pytest.raises(AssertionError, match="exit 2"):
            run_line(line)


def test_pre_commit_hook_definition(run_line: Callable[[str], bool]) -> None:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and len(hooks) >= 1
    hook = next(h for h in hooks if h["id"] == "spbe-validate")
    for key in ("id", "name", "entry", "language"):  # what pre-commit requires of a hook
        assert isinstance(hook[key], str) and hook[key]
    assert hook["language"] == "python"  # pre-commit pip-installs this repository for the hook
    assert hook["pass_filenames"] is False  # a workspace is validated whole, not file by file
    assert re.search(hook["files"], "models/x/aplikasi/app.yaml") and re.search(hook["files"], "a.yml")
    assert not re.search(hook["files"], "README.md")
    command, *rest = shlex.split(hook["entry"])
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert command in pyproject["project"]["scripts"]  # the console script the install provides
    assert run_line(" ".join(["spbe", *rest, "$WORKSPACE"]))
