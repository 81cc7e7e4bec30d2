"""The link scanner: every link form with its line, and nothing inside code or comments."""

from __future__ import annotations

import pytest
from tests.conftest import FIXTURES

from intgraph.model import LinkKind
from intgraph.parse import parse_text


def links(text: str) -> list[tuple[str, int, str, str | None, str | None]]:
    note = parse_text("Folder/Note.md", text)
    return [(k.target, k.line, k.kind.value, k.subpath, k.alias) for k in note.links]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[[T]]", [("T", 1, "wikilink", None, None)]),
        ("[[T|alias]]", [("T", 1, "wikilink", None, "alias")]),
        ("[[T#Heading]]", [("T", 1, "wikilink", "Heading", None)]),
        ("[[T#^block]]", [("T", 1, "wikilink", "^block", None)]),
        ("[[#Heading]]", [("", 1, "wikilink", "Heading", None)]),
        ("![[embed.png]]", [("embed.png", 1, "embed", None, None)]),
        ("[[folder/T]]", [("folder/T", 1, "wikilink", None, None)]),
        ("[[T.md]]", [("T.md", 1, "wikilink", None, None)]),
        ("| x | [[T\\|alias]] |", [("T", 1, "wikilink", None, "alias")]),
        ("[x](T.md)", [("T.md", 1, "markdown", None, "x")]),
        ("[x](Some%20Note.md)", [("Some Note.md", 1, "markdown", None, "x")]),
        ("[x](<Some Note.md>)", [("Some Note.md", 1, "markdown", None, "x")]),
        ("[x](T.md#Part)", [("T.md", 1, "markdown", "Part", "x")]),
        ('[x](T.md "title")', [("T.md", 1, "markdown", None, "x")]),
        ("![img](pics/a.png)", [("pics/a.png", 1, "embed", None, "img")]),
        ("[x](https://example.com/T.md)", []),
        ("[x](http://example.com)", []),
        ("[x](mailto:a@b.c)", []),
        ("[x](#local)", [("", 1, "markdown", "local", "x")]),
        ("[[]]", []),
        (
            "a\n\nb [[T]]\nc [[U]]",
            [("T", 3, "wikilink", None, None), ("U", 4, "wikilink", None, None)],
        ),
        ("`[[T]]`", []),
        ("``a ` [[T]]``", []),
        ("`open\n[[T]] close`", []),
        ("`unclosed [[T]]", [("T", 1, "wikilink", None, None)]),
        ("\\`[[T]]\\`", [("T", 1, "wikilink", None, None)]),
        ("<!-- [[T]] -->", []),
        ("<!--\n[[T]]\n-->\n[[U]]", [("U", 4, "wikilink", None, None)]),
        ("x <!-- [[T]] --> [[U]]", [("U", 1, "wikilink", None, None)]),
        ("```\n[[T]]\n```\n[[U]]", [("U", 4, "wikilink", None, None)]),
        ("~~~\n[[T]]\n```\n[[T]]\n~~~\n[[U]]", [("U", 6, "wikilink", None, None)]),
        ("````\n```\n[[T]]\n````\n[[U]]", [("U", 5, "wikilink", None, None)]),
        ("```\n[[T]] unclosed fence", []),
        ("    [[T]]", []),
        ("para\n    [[T]] lazy continuation", [("T", 2, "wikilink", None, None)]),
        ("text\n\n    [[T]]\n\n[[U]]", [("U", 5, "wikilink", None, None)]),
        ("- item\n\n    [[T]] list continuation", [("T", 3, "wikilink", None, None)]),
        ("- item\n\n      [[T]] code in item", []),
        ("1. item\n   - Name: [[T]]", [("T", 2, "wikilink", None, None)]),
        ("# H `x\n[[T]] y`", [("T", 2, "wikilink", None, None)]),
        ("- a\n  ```\n  [[T]]\n\n[[U]]", [("U", 5, "wikilink", None, None)]),
        ("- Ex: ```json\n  {x}\n  ```\n\n## H\n[[U]]", [("U", 6, "wikilink", None, None)]),
        (
            "- a\n  ```\n[[T]] lazy lines do not continue a fence",
            [("T", 3, "wikilink", None, None)],
        ),
    ],
)
def test_link_forms(
    text: str, expected: list[tuple[str, int, str, str | None, str | None]]
) -> None:
    assert links(text) == expected


def test_line_numbers_count_front_matter() -> None:
    text = '---\ntags: [a]\nrelated: "[[Fm Link]]"\n---\n# Title\n\n[[Body Link]]\n'
    got = links(text)
    assert got == [
        ("Fm Link", 3, "frontmatter", None, None),
        ("Body Link", 7, "wikilink", None, None),
    ]


def test_front_matter_list_links() -> None:
    text = '---\nsee:\n  - "[[A]]"\n  - "[[B|b]]"\n  - plain\nnote: "text [[C]] inside"\n---\n'
    assert links(text) == [
        ("A", 3, "frontmatter", None, None),
        ("B", 4, "frontmatter", None, "b"),
    ]


def test_placeholder_links_are_marked_exact_case() -> None:
    note = parse_text("N.md", "[[runbook]] [[Runbook]] [[system_1|x]]")
    assert [(k.target, k.placeholder) for k in note.links] == [
        ("runbook", True),
        ("Runbook", False),
        ("system_1", True),
    ]


def test_code_fixture_vault_links() -> None:
    text = (FIXTURES / "code" / "Integrations" / "Code Feed.md").read_text(encoding="utf-8")
    targets = [k.target for k in parse_text("Integrations/Code Feed.md", text).links]
    assert not [t for t in targets if t.startswith("Fake")]
    assert targets == [
        "Source App",
        "Target App",
        "Real Lazy",
        "Real After Escaped Tick",
        "diagram.png",
        "Docs/Spec Sheet.md",
        "Real Heading",
        "",
        "Real Block",
        "Real Table",
    ]
    kinds = {k.target: k.kind for k in parse_text("x.md", text).links}
    assert kinds["diagram.png"] is LinkKind.EMBED
    assert kinds["Docs/Spec Sheet.md"] is LinkKind.MARKDOWN


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        # Issue 12, finding 10: tabs count in columns (tab stops of 4), as in CommonMark.
        (">\t[[X]]", ["X"]),
        ("> \t[[X]]", ["X"]),
        (">\t- [[X]]", ["X"]),
        (">\t\t[[X]]", []),  # 6 columns past the quote marker: indented code
        ("  - \t[[X]]", []),  # 5 columns past the marker: the item opens with indented code
        ("-\t  [[X]]", []),
        ("-\t[[X]]", ["X"]),
        ("1.\t[[X]]", ["X"]),
        ("- a\n\n\t[[X]]", ["X"]),
        ("- a\n\n\t  [[X]]", []),
        # A wikilink around a code span or comment: CommonMark reads the span first.
        ("[[Z`Y`]]", []),
        ("[[A <!-- c --> B]]", []),
        ("`a` [[X]] `b`", ["X"]),
        # Markdown link destinations, as CommonMark reads them.
        ("[x](a>b.md)", ["a>b.md"]),
        ("[x](a<b>.md)", ["a<b>.md"]),
        ("[x](<a>b.md)", []),
        ("[x](<a\\>b.md>)", ["a>b.md"]),
        ("[x](a\\(b.md)", ["a(b.md"]),
        ("[x](a(b(c)d)e.md)", ["a(b(c)d)e.md"]),
        ("[x](a(b.md)", []),
        ("[x](a&amp;b.md)", ["a&b.md"]),
        ("[x](<a&lt;b.md>)", ["a<b.md"]),
        ("[x](a&bogus;b.md)", ["a&bogus;b.md"]),
    ],
)
def test_commonmark_edge_cases(text: str, targets: list[str]) -> None:
    from intgraph.parse.reference import reference_links

    assert [k.target for k in parse_text("N.md", text).links] == targets
    assert [t for t, _kind, _line in reference_links(text)] == targets


def deep_shapes(n: int) -> dict[str, str]:
    """Nesting ``n`` deep; each also holds a comment, which takes the scanner's full path."""
    return {
        "list on one line": "- " * n + "[[X]]\n<!-- c -->\n",
        "ordered list on one line": "1. " * n + "[[X]]\n<!-- c -->\n",
        "quote on one line": ">" * n + " [[X]]\n<!-- c -->\n",
        "quote and list": "> - " * n + "[[X]]\n<!-- c -->\n",
        "list, then lazy lines": "- " * n + "[[X]]\n" + "y [[Y]]\n" * n + "<!-- c -->\n",
        "list, then items": "- " * n + "[[X]]\n" + "- [[Y]]\n" * n + "<!-- c -->\n",
        "list, then rules": "- " * n + "* " + "- " * n + "\n<!-- c -->\n",
        "quote, then lines": "> " * n + "- [[X]]\n" + ("> " * n + "y\n") * 20,
    }


def best_time(text: str) -> float:
    """The best of three parses, with the garbage collector paused as the pipeline
    pauses it (its passes over many small objects would blur the figure)."""
    import gc
    import time

    times = []
    gc.disable()
    try:
        for _ in range(3):
            started = time.perf_counter()
            parse_text("Deep.md", text)
            times.append(time.perf_counter() - started)
    finally:
        gc.enable()
    return min(times)


@pytest.mark.parametrize("shape", list(deep_shapes(1)))
def test_depth_costs_linear_time(shape: str) -> None:
    """Issue 12, finding 11: 10,000-deep nesting took 7-11 s, and twice as deep four times
    as long."""
    assert best_time(deep_shapes(10_000)[shape]) < 2
    base = best_time(deep_shapes(5_000)[shape])
    four_times = best_time(deep_shapes(20_000)[shape])
    # About 4x; quadratic would be 16x. The margin absorbs a loaded machine.
    assert four_times < max(10 * base, 0.05)
