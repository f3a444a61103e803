"""Article pages shaped like real news sites: navigation, share bars, comments, related links."""

from __future__ import annotations

from html import escape

NAV_WORDS = ("Subscribe today", "Cookie settings", "Most read")
"""Furniture around the article; an extraction that keeps any of these failed."""
COMMENT_MARKER = "Firstcommenter says this is outrageous"


def article_page(title: str, paragraphs: list[str], author: str = "Jane Doe") -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(title)} | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">
<meta property="og:title" content="{escape(title)}">
<meta name="author" content="{escape(author)}">
<meta property="article:published_time" content="2026-11-30T07:55:12Z">
<script>window.dataLayer = [];</script>
</head><body>
<div class="cookie-banner">We use cookies. <a href="/cookies">Cookie settings</a></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe today</a></li></ul></nav></header>
<main>
<article>
<h1>{escape(title)}</h1>
<p class="byline">By <a href="/authors/jd">{escape(author)}</a></p>
<div class="share"><a href="#">Share</a> <a href="#">Tweet</a></div>
{body}
</article>
<aside class="related"><h2>Most read</h2><ul><li><a href="/a">Celebrity chef opens a new restaurant in town</a></li>
<li><a href="/b">Ten things you did not know about ferries</a></li></ul></aside>
<section id="comments" class="comments"><h2>Comments (2)</h2>
<div class="comment"><p class="author">reader99</p><p>{COMMENT_MARKER} and I will cancel my subscription right away.</p></div>
<div class="comment"><p class="author">sailor</p><p>Totally agree with the previous comment about the harbour.</p></div>
</section>
</main>
<footer><p>© 2026 Harbour Times. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


def paragraphs_for(topic: str, count: int = 5) -> list[str]:
    """Running text that any extractor should keep: long sentences about one topic."""
    return [
        f"Paragraph {n} about {topic}: officials said on Monday that the plan would go ahead "
        f"despite objections from residents, who had asked for more time to study the proposal "
        f"and its cost to the town over the next ten years."
        for n in range(1, count + 1)
    ]
