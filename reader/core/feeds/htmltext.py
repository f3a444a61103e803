"""HTML (a feed's content or summary) to paragraphs of plain text; scripts and styles dropped."""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt"),
        *("figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header"),
        *("hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr"),
        "ul",
    }
)
_SKIP = frozenset(
    ["script", "style", "noscript", "template", "iframe", "svg", "math", "object", "head", "title"]
)


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._words: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCKS:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._words.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._words).split())
        if text:
            self.paragraphs.append(text)
        self._words = []

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_paragraphs(html: str) -> list[str]:
    """Each block element's text as one paragraph, whitespace collapsed, entities decoded."""
    parser = _Paragraphs()
    parser.feed(html)
    parser.close()
    return parser.paragraphs


def html_to_text(html: str) -> str:
    """A fragment's text on one line (for titles and names)."""
    return " ".join(html_to_paragraphs(html))
