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
from email.utils import parseaddr, parsedate_to_datetime

from reader.core.articles.model import ParsedText
from reader.core.articles.outlets import OutletTable
from reader.core.articles.plain import Hints, parse_text
from reader.core.text import clean

_SUBJECT_PREFIX = re.compile(r"^(?:\s*(?:fwd?|fw|re|tr|wg|aw)\s*:\s*)+", re.I)
_SHARED = re.compile(r"^.{0,80}?\bshared (?:an|this) (?:article|story) with you\s*:\s*", re.I)
_AUTHOR_FROM = re.compile(r"^(?P<author>.+?)\s+(?:from|at|@)\s+(?P<outlet>.+)$")
"""A newsletter platform's sender name: `Rachel Oduya from Pyongyang Ledger` (Substack)."""


def parse_email(data: bytes, fallback_title: str, outlets: OutletTable) -> tuple[ParsedText, str]:
    """Parse one message; return what was found and the body part's charset."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    raw_subject = str(message.get("subject", "") or "")
    subject = _SUBJECT_PREFIX.sub("", raw_subject)
    shared = _SHARED.match(subject)
    subject = _SHARED.sub("", subject).strip()
    sender = str(message.get("from", "") or "")
    outlet = outlets.in_text(sender)
    hints = Hints(
        fallback_title=subject or None,
        source=outlet.name if outlet else None,
        source_from="e-mail sender" if outlet else None,
        weak_source=True,
    )
    forwarded = subject != raw_subject.strip() or shared is not None
    if (message.get("list-unsubscribe") or message.get("list-id")) and not forwarded:
        _publisher_hints(message, sender, outlet is not None, hints)
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
            from reader.core.articles.html import hints_from, message_text, page_metadata

            page = hints_from(page_metadata(text), outlets)
            hints.title = page.title or None
            hints.byline, hints.date, hints.published = page.byline, page.date, page.published
            text = message_text(text)
    parsed = parse_text(clean(text), fallback_title, outlets, hints)
    return parsed, charset


def _publisher_hints(message: EmailMessage, sender: str, known: bool, hints: Hints) -> None:
    """A newsletter sent by its publisher (a mailing list, not forwarded): the sending date is
    the publication date and the sender names the outlet and the author, each used only when
    the text itself says nothing."""
    try:
        sent = parsedate_to_datetime(str(message.get("date", "") or ""))
    except (TypeError, ValueError, IndexError):
        sent = None
    if sent is not None:
        hints.fallback_date = sent.date().isoformat()  # in the sender's own zone
    name = parseaddr(sender)[0].strip().strip('"')
    author_from = _AUTHOR_FROM.match(name)
    if author_from:
        hints.fallback_byline = author_from.group("author").strip()
        name = author_from.group("outlet").strip()
    if name and not known and "@" not in name:
        hints.source, hints.source_from = name, "e-mail sender"
