"""E-mail messages (`.eml`): an article someone forwarded or shared, read through `email`.

The forwarded article's own headline, byline and date win over the message's: the `Date:`
header is when it was sent, not published, and the sender is not the source. The subject
(less `Fwd:`) is the title only when the text has no headline; an outlet's own sharing
address (`no-reply@koreatimes.co.kr`) names the source when the text does not.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage

from reader.core.articles.model import ParsedText
from reader.core.articles.outlets import OutletTable
from reader.core.articles.plain import Hints, parse_text
from reader.core.text import clean

_SUBJECT_PREFIX = re.compile(r"^(?:\s*(?:fwd?|fw|re|tr|wg|aw)\s*:\s*)+", re.I)
_SHARED = re.compile(r"^.{0,80}?\bshared (?:an|this) (?:article|story) with you\s*:\s*", re.I)


def parse_email(data: bytes, fallback_title: str, outlets: OutletTable) -> tuple[ParsedText, str]:
    """Parse one message; return what was found and the body part's charset."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    subject = _SUBJECT_PREFIX.sub("", str(message.get("subject", "") or ""))
    subject = _SHARED.sub("", subject).strip()
    sender = str(message.get("from", "") or "")
    outlet = outlets.in_text(sender)
    hints = Hints(
        fallback_title=subject or None,
        source=outlet.name if outlet else None,
        source_from="e-mail sender" if outlet else None,
        weak_source=True,
    )
    part = message.get_body(preferencelist=("plain", "html"))
    charset = "utf-8"
    text = ""
    if part is not None:
        charset = part.get_content_charset() or "utf-8"
        try:
            content = part.get_content()
        except (LookupError, UnicodeDecodeError):
            payload = part.get_payload(decode=True)
            content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
        text = str(content)
        if part.get_content_type() == "text/html":
            from reader.core.articles.html import hints_from, main_text, page_metadata

            page = hints_from(page_metadata(text), outlets)
            hints.title = page.title or None
            hints.byline, hints.date, hints.published = page.byline, page.date, page.published
            text = main_text(text)
    parsed = parse_text(clean(text), fallback_title, outlets, hints)
    return parsed, charset
