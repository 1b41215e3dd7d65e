"""Every ``Options`` field can be set from both commands, and a bad value is a usage error."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from chronique.cli import EXIT_NOTHING_READ, EXIT_USAGE, app
from chronique.model import Options


def flags_of(command: str) -> set[str]:
    """The long option names of a ``chronique`` command, from its click definition."""
    group = typer.main.get_command(app)
    found = group.commands[command]  # type: ignore[attr-defined]  # a TyperGroup, typed as a Command
    return {name for parameter in found.params for name in parameter.opts if name.startswith("--")}


@pytest.mark.parametrize("command", ["run", "tag"])
@pytest.mark.parametrize("field", [field.name for field in dataclasses.fields(Options)])
def test_every_option_is_a_flag(command: str, field: str) -> None:
    assert f"--{field.replace('_', '-')}" in flags_of(command)


def test_max_text_chars_from_the_command_line(tmp_path: Path) -> None:
    articles = tmp_path / "articles.jsonl"
    text = "Le ministre a annoncé samedi sa démission devant les députés réunis à Paris."
    articles.write_text(json.dumps({"id": "a", "published": "2022-09-10", "text": text}) + "\n", "utf-8")
    result = CliRunner().invoke(app, ["run", str(articles), str(tmp_path / "out"), "--max-text-chars", "20"])
    assert result.exit_code == EXIT_NOTHING_READ, result.output  # its one article rejected: nothing read
    assert "more than the limit of max_text_chars=20" in result.stderr


def test_a_data_dir_that_is_not_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    articles = tmp_path / "articles.jsonl"
    articles.write_text("", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["run", str(articles), str(tmp_path / "out"), "--data-dir", str(tmp_path / "nowhere")]
    )
    assert result.exit_code == EXIT_USAGE, result.output
    assert not (tmp_path / "out").exists()
