"""Helper processes (the indexer's readers, Whoosh's analysis processes) end with their parent.

A process killed with SIGKILL runs no cleanup, so its children must notice on their own: on
Linux the kernel is asked to kill them with it; elsewhere, and as a second guard, a thread
polls the parent.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import threading
import time

WATCH_PARENT_SECONDS = 0.5
"""How often a helper process checks that its parent is alive."""
PR_SET_PDEATHSIG = 1
"""prctl's option: the signal this process gets when its parent ends (Linux)."""


def die_with_parent(parent: int) -> None:
    """End this process when its parent (pid `parent`) ends, however it ends (SIGKILL
    included), even if that happened while this process was still starting."""
    with contextlib.suppress(Exception):  # Linux: the kernel sends SIGKILL when it goes
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it went before prctl took effect
        os._exit(1)

    def watch() -> None:  # elsewhere (and as a second guard): poll the parent
        while os.getppid() == parent:
            time.sleep(WATCH_PARENT_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
