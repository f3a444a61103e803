"""A three-paragraph body and a headline for the article shape tests: each test puts the
header shape it is about above them and parses the text as the reader would."""

from __future__ import annotations

from reader.core.articles import ArticleReader, ParsedText

READER = ArticleReader()
S1 = (
    "The ministry said on Monday that the two sides would meet in the border city next month, "
    "the first such talks in more than a year, and that preparations were already under way."
)
S2 = (
    "Officials on both sides declined to say whether a joint statement would follow, but "
    "diplomats said a draft had been circulated among the delegations last week."
)
S3 = (
    "Analysts in the capital said the timing reflected pressure from trading partners who "
    "have pushed for a settlement of the fishing dispute before the winter season begins."
)
BODY = f"{S1}\n\n{S2}\n\n{S3}\n"
HEAD = "Border talks to resume next month after a long pause"


def parse(text: str) -> ParsedText:
    return READER.parse(text, "fallback")
