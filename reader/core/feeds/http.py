"""Polite HTTP for feeds and article pages: timeouts, caps, redirects checked hop by hop.

Every request goes through a per-host gate: one request at a time per host, a pause between
two of them, and a host's `Retry-After` honoured for the rest of the run. Different hosts are
asked in parallel by the caller's threads.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from reader.core.feeds.spec import check_url

if TYPE_CHECKING:
    # Imported where used: with click installed (a test tool needs it), `import httpx` also
    # loads its command-line module and with it Rich, which the core must not load on import.
    import httpx

REDIRECT_CODES = (301, 302, 303, 307, 308)
RETRY_CODES = (429, 503)


def user_agent() -> str:
    """Names the reader and its version, so a site owner knows who is asking."""
    try:
        version = metadata.version("newsreader")
    except metadata.PackageNotFoundError:  # running from a checkout that is not installed
        version = "0"
    return f"newsreader/{version} (terminal news reader; fetches a feed at most once per interval)"


@dataclass(frozen=True)
class Limits:
    """The politeness and safety rules, in one place so tests and the benchmark can shrink them."""

    connect_timeout: float = 10.0
    total_timeout: float = 30.0
    """The whole exchange for one request: connecting, waiting and reading every byte."""
    max_redirects: int = 5
    max_bytes: int = 10 * 1024 * 1024
    """A response larger than this (after decompression) is abandoned."""
    host_delay: float = 1.0
    """Seconds between the end of one request to a host and the start of the next."""
    max_wait: float = 60.0
    """The longest a run waits for a host that asked to be left alone (Retry-After)."""


class FetchError(Exception):
    """One request failed; the message is one line meant for the user."""

    def __init__(
        self, message: str, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True)
class Response:
    """A completed request: the final status, address, headers and the whole body."""

    status: int
    url: str
    headers: Mapping[str, str]
    body: bytes
    requests: int
    """HTTP requests this took (1 plus one per redirect hop)."""


@dataclass
class _Gate:
    lock: threading.Lock = field(default_factory=threading.Lock)
    ready_at: float = 0.0
    """Monotonic time before which no request may start (delay or Retry-After)."""


class HostGates:
    """One gate per host name: the scheduler's whole idea of politeness."""

    def __init__(self, delay: float, max_wait: float, cancel: threading.Event) -> None:
        self.delay = delay
        self.max_wait = max_wait
        self.cancel = cancel
        self._gates: dict[str, _Gate] = {}
        self._lock = threading.Lock()

    def _gate(self, host: str) -> _Gate:
        with self._lock:
            return self._gates.setdefault(host, _Gate())

    @contextmanager
    def turn(self, host: str) -> Iterator[None]:
        """Wait for this host's turn, hold it for one request, then start its pause."""
        gate = self._gate(host)
        with gate.lock:
            wait = gate.ready_at - time.monotonic()
            if wait > self.max_wait:
                raise FetchError(f"{host} asked to be left alone for {wait:.0f} s more")
            if wait > 0 and self.cancel.wait(wait):
                raise FetchError("cancelled")
            try:
                yield
            finally:
                gate.ready_at = max(gate.ready_at, time.monotonic() + self.delay)

    def defer(self, host: str, seconds: float) -> None:
        """A host said Retry-After: nothing more to it until then, in this run."""
        gate = self._gate(host)
        gate.ready_at = max(gate.ready_at, time.monotonic() + seconds)


class PoliteClient:
    """GET with every rule of `Limits`; thread-safe, one instance per fetch run."""

    def __init__(
        self,
        limits: Limits,
        cancel: threading.Event | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.limits = limits
        self.cancel = cancel or threading.Event()
        self.gates = HostGates(limits.host_delay, limits.max_wait, self.cancel)
        self.requests = 0
        self._count_lock = threading.Lock()
        import httpx

        # The client only builds requests (headers, timeouts); the transport sends them. The
        # client's send would parse every Location header, and raise on one such as `data:,x`
        # before we could refuse it ourselves.
        self._client = httpx.Client(
            headers={"User-Agent": user_agent()},
            timeout=httpx.Timeout(limits.total_timeout, connect=limits.connect_timeout),
            trust_env=False,
        )
        self._transport = transport or httpx.HTTPTransport(retries=0)

    def close(self) -> None:
        self._transport.close()
        self._client.close()

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Response:
        """The body of `url`, following at most `max_redirects` http(s) redirects."""
        seen = {url}
        hops = 0
        while True:
            problem = check_url(url)
            if problem:
                raise FetchError(f"{url}: {problem}")
            response = self._one(url, headers or {})
            if response.status in REDIRECT_CODES and "location" in response.headers:
                target = urljoin(url, response.headers["location"].strip())
                hops += 1
                if target in seen:
                    raise FetchError(f"redirect loop at {target}", status=response.status)
                if hops > self.limits.max_redirects:
                    raise FetchError(
                        f"more than {self.limits.max_redirects} redirects", status=response.status
                    )
                problem = check_url(target)
                if problem:
                    raise FetchError(f"redirected to {target[:200]}: {problem}")
                seen.add(target)
                url = target
                continue
            return Response(
                status=response.status,
                url=url,
                headers=response.headers,
                body=response.body,
                requests=hops + 1,
            )

    def _one(self, url: str, headers: Mapping[str, str]) -> Response:
        import httpx

        host = (urlsplit(url).hostname or "").lower()
        limits = self.limits
        with self.gates.turn(host):
            if self.cancel.is_set():
                raise FetchError("cancelled")
            with self._count_lock:
                self.requests += 1
            start = time.monotonic()
            try:
                request = self._client.build_request("GET", url, headers=dict(headers))
                response = self._transport.handle_request(request)
            except httpx.ConnectTimeout:
                raise FetchError(f"no connection within {limits.connect_timeout:g} s") from None
            except httpx.TimeoutException:
                raise FetchError(f"no answer within {limits.total_timeout:g} s") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"cannot connect: {_reason(exc)}") from None
            try:
                status = response.status_code
                kept = {k.lower(): v for k, v in response.headers.items()}
                if status in REDIRECT_CODES or status == 304:
                    return Response(status, url, kept, b"", 1)
                if status >= 400:
                    retry = retry_after(kept.get("retry-after")) if status in RETRY_CODES else None
                    if retry is not None:
                        self.gates.defer(host, retry)
                    message = f"HTTP {status} {response.reason_phrase}".strip()
                    if retry is not None:
                        message += f" (Retry-After {retry:.0f} s)"
                    raise FetchError(message, status=status, retry_after=retry)
                declared = kept.get("content-length", "")
                if declared.isdigit() and int(declared) > limits.max_bytes:
                    raise FetchError(self._too_large())
                body = self._read(response, start)
                return Response(status, url, kept, body, 1)
            finally:
                response.close()

    def _read(self, response: httpx.Response, start: float) -> bytes:
        import httpx

        limits = self.limits
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limits.max_bytes:
                    raise FetchError(self._too_large())
                if time.monotonic() - start > limits.total_timeout:
                    raise FetchError(f"no complete answer within {limits.total_timeout:g} s")
                if self.cancel.is_set():
                    raise FetchError("cancelled")
                chunks.append(chunk)
        except httpx.TimeoutException:
            raise FetchError(f"no complete answer within {limits.total_timeout:g} s") from None
        except httpx.DecodingError:
            raise FetchError("the compressed answer could not be decompressed") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"the answer broke off: {_reason(exc)}") from None
        if time.monotonic() - start > limits.total_timeout:
            raise FetchError(f"no complete answer within {limits.total_timeout:g} s")
        return b"".join(chunks)

    def _too_large(self) -> str:
        return f"the answer is larger than {self.limits.max_bytes / 1024 / 1024:g} MB"


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date); None if absent."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def max_age(cache_control: str | None) -> float | None:
    """`Cache-Control: max-age=N` in seconds (no-store or no-cache: None)."""
    if not cache_control:
        return None
    for part in cache_control.lower().split(","):
        name, _, number = part.strip().partition("=")
        if name == "max-age" and number.strip().strip('"').isdigit():
            return float(number.strip().strip('"'))
    return None


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200] or type(exc).__name__
