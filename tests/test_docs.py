"""The README cannot drift from --help or from the lint codes."""

from __future__ import annotations

import click
import pytest
from tests.conftest import ROOT

from intgraph.cli import main
from intgraph.queries.lint import CODES

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_lint_code_is_documented() -> None:
    for code, (severity, meaning) in CODES.items():
        assert f"| `{code}` | {severity} | {meaning} |" in README


NAMES = main.list_commands(click.Context(main))


def test_lazy_commands_are_exactly_the_other_modules_commands() -> None:
    import importlib

    from intgraph.cli.commands import LAZY_COMMANDS

    for module in set(LAZY_COMMANDS.values()):
        importlib.import_module(module)
    assert set(main.commands) == set(NAMES) == set(LAZY_COMMANDS)


@pytest.mark.parametrize("name", NAMES)
def test_every_command_and_option_is_documented(name: str) -> None:
    command = main.get_command(click.Context(main), name)
    assert command is not None
    assert f"`intgraph {name}" in README
    for param in command.params:
        if isinstance(param, click.Option):
            for flag in param.opts:
                if flag.startswith("--"):
                    assert f"`{flag}" in README, f"{name} {flag} missing from README"


def test_readme_opens_with_the_two_commands() -> None:
    blocks = README.split("```sh\n")
    assert blocks[1].startswith("pip install -e . && intgraph impact ")
    assert blocks[2].startswith("pip install -e '.[test]' && python -m pytest")
