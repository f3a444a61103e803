"""Reading article files as their outlets published them: text, Markdown, HTML and e-mail.

`ArticleReader.read(name, data)` turns a file's bytes into a ParsedText: metadata (title,
source, date, byline, dateline, kicker, standfirst, credits, language) and the body's
paragraphs, with only known furniture and credits taken out.
"""

from __future__ import annotations

from reader.core.articles.model import ParsedText
from reader.core.articles.outlets import Outlet, OutletTable, shipped
from reader.core.articles.reader import PARSER_VERSION, ArticleReader

__all__ = ["PARSER_VERSION", "ArticleReader", "Outlet", "OutletTable", "ParsedText", "shipped"]
