"""A real terminal for end-to-end tests and start-up timing: a detached tmux pane.

``Terminal`` starts a private tmux server (its own socket name, no user config) with one
detached session of a fixed size running an interactive shell with a known prompt, then
lets a test type into it, read the screen with ``capture-pane`` and wait for text to
appear by polling the screen until a deadline. Closing it kills that one server, so a
test never touches anyone's own tmux sessions and leaves no process behind.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

PROMPT = "e2e$ "
POLL_SECONDS = 0.02
DEFAULT_TIMEOUT = 20.0
TRACEBACK = "Traceback (most recent call last)"
EXIT_MARK = "EXITED-"
# Anchored to a whole line so the typed command line (``...; echo EXITED-$?``) never matches.
_EXIT_LINE = re.compile(rf"^{EXIT_MARK}(\d+)$", re.MULTILINE)

# The environment a pane starts from: only what a terminal program needs, so results do
# not depend on whoever runs the tests.
_PASSED_THROUGH = ("PATH", "HOME", "USER", "LOGNAME", "TMPDIR", "VIRTUAL_ENV")


def tmux_path() -> str | None:
    """The tmux executable, or None when tmux is not installed."""
    return shutil.which("tmux")


def terminal_env(overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """A clean environment for a pane: UTF-8, a 256-colour xterm and a fixed prompt.

    Args:
        overrides: extra variables (the briefing data folders, usually); they win.

    Returns:
        The environment mapping to start the tmux server with.
    """
    env = {name: os.environ[name] for name in _PASSED_THROUGH if name in os.environ}
    env.update(
        {
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "PS1": PROMPT,
            "COLORTERM": "truecolor",
        }
    )
    env.update(overrides or {})
    return env


class WaitTimeout(AssertionError):
    """The screen never showed what a test waited for; the message holds the last screen."""


class Terminal:
    """One detached tmux session of a fixed size running an interactive shell."""

    def __init__(self, socket: str, target: str, width: int, height: int) -> None:
        self.socket = socket
        self.target = target
        self.width = width
        self.height = height
        self.socket_path = ""

    @classmethod
    def start(
        cls,
        env: Mapping[str, str],
        *,
        width: int = 120,
        height: int = 40,
        cwd: str | os.PathLike[str] | None = None,
    ) -> Terminal:
        """Start a private tmux server with one shell pane and wait for its prompt.

        Args:
            env: the whole environment of the shell (see ``terminal_env``).
            width: pane width in columns.
            height: pane height in rows.
            cwd: the shell's working folder.

        Returns:
            The running terminal; close it (or use it as a context manager) when done.
        """
        tmux = tmux_path()
        if tmux is None:
            raise RuntimeError("tmux is not installed")
        socket = f"briefing-e2e-{uuid.uuid4().hex[:12]}"
        shell = shutil.which("bash", path=env.get("PATH"))
        shell_cmd = [shell, "--norc", "--noprofile", "-i"] if shell else ["sh", "-i"]
        # One invocation, so the options are set before the first pane exists; escape-time 0
        # delivers Escape at once instead of after tmux's half-second wait for a sequence.
        subprocess.run(
            [tmux, "-L", socket, "-f", os.devnull, "start-server", ";",
             "set-option", "-g", "default-terminal", "xterm-256color", ";",
             "set-option", "-sg", "escape-time", "0", ";",
             "set-option", "-g", "history-limit", "0", ";",
             "new-session", "-d", "-s", "main", "-x", str(width), "-y", str(height),
             "-c", str(cwd or Path.cwd()), "--", *shell_cmd],
            env=dict(env),
            check=True,
            capture_output=True,
        )  # fmt: skip
        terminal = cls(socket, "main:0.0", width, height)
        try:
            terminal.socket_path = terminal.display("#{socket_path}")
            terminal.wait_for(lambda screen: screen.rstrip().endswith(PROMPT.rstrip()))
        except BaseException:
            terminal.close()
            raise
        return terminal

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _tmux(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        if check and done.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def send_keys(self, *keys: str) -> None:
        """Press keys by tmux name: ``"Enter"``, ``"Escape"``, ``"C-p"``, ``"q"``, ``"/"``.

        Args:
            keys: one key name per key press, sent in order.
        """
        self._tmux("send-keys", "-t", self.target, *keys)

    def type(self, text: str) -> None:
        """Type ``text`` literally, character by character (no key-name lookup).

        Args:
            text: what the user types.
        """
        self._tmux("send-keys", "-t", self.target, "-l", text)

    def run(self, command_line: str) -> None:
        """Type a command line at the shell prompt and press Enter.

        Args:
            command_line: the shell command to run.
        """
        self.type(command_line)
        self.send_keys("Enter")

    def run_with_status(self, command_line: str) -> None:
        """Run a command line that prints ``EXITED-<status>`` when it ends (see ``wait_for_exit``).

        Args:
            command_line: the shell command to run.
        """
        self.run(f"{command_line}; echo {EXIT_MARK}$?")

    def wait_for_exit(self, timeout: float = DEFAULT_TIMEOUT) -> tuple[int, str]:
        """Wait for a command started with ``run_with_status`` to end.

        Args:
            timeout: seconds to keep polling.

        Returns:
            The command's exit status and the screen showing it.
        """
        screen = self.wait_for(_EXIT_LINE, timeout)
        return int(_EXIT_LINE.search(screen).group(1)), screen

    def clear(self) -> None:
        """Clear the shell's screen and wait for a fresh prompt on the first line."""
        self.run("clear")
        self.wait_for(lambda screen: screen.strip() == PROMPT.strip())

    def capture(self, *, styled: bool = False) -> str:
        """The text on the pane now, one line per row, trailing blanks trimmed.

        Args:
            styled: keep the colour and style escape sequences (to tell themes apart).
        """
        styles = ["-e"] if styled else []
        lines = self._tmux("capture-pane", "-p", *styles, "-t", self.target).splitlines()
        return "\n".join(line.rstrip() for line in lines).rstrip("\n")

    def display(self, fmt: str) -> str:
        """A tmux format evaluated on the pane, e.g. ``"#{alternate_on}"``.

        Args:
            fmt: a tmux format string.

        Returns:
            The expanded value.
        """
        return self._tmux("display-message", "-p", "-t", self.target, fmt).strip()

    def wait_for(
        self,
        expected: str | re.Pattern[str] | Iterable[str] | Callable[[str], bool],
        timeout: float = DEFAULT_TIMEOUT,
        *,
        fail_on: str | None = TRACEBACK,
    ) -> str:
        """Poll the screen until it shows ``expected``; fail with the last screen if not.

        Args:
            expected: a text that must appear, a compiled pattern to search for, several
                texts that must all appear, or a predicate on the whole screen.
            timeout: seconds to keep polling.
            fail_on: a text that ends the wait at once when it shows up (by default a
                Python traceback: the program has died, waiting longer is pointless).

        Returns:
            The screen that matched.

        Raises:
            WaitTimeout: the screen did not match before the deadline, or showed ``fail_on``.
        """
        matches = _matcher(expected)
        deadline = time.monotonic() + timeout
        while True:
            screen = self.capture()
            if matches(screen):
                return screen
            if fail_on and fail_on in screen:
                raise WaitTimeout(f"the screen shows {fail_on!r}:\n{screen}")
            if time.monotonic() >= deadline:
                raise WaitTimeout(
                    f"waited {timeout:.0f}s for {_describe(expected)}; the screen was:\n{screen}"
                )
            time.sleep(POLL_SECONDS)

    def wait_for_shell(self, timeout: float = DEFAULT_TIMEOUT) -> str:
        """Wait until the pane is back at an empty shell prompt, outside any full-screen app.

        Args:
            timeout: seconds to keep polling.

        Returns:
            The screen with the prompt.
        """
        screen = self.wait_for(
            lambda s: s.splitlines()[-1:] == [PROMPT.rstrip()] and self.in_alternate() is False,
            timeout,
        )
        return screen

    def in_alternate(self) -> bool:
        """Whether the pane shows the alternate screen (a full-screen app is drawing)."""
        return self.display("#{alternate_on}") == "1"

    def close(self) -> None:
        """Kill this terminal's tmux server and everything running in it, and its socket."""
        self._tmux("kill-server", check=False)
        # A killed server can leave its socket file behind in the shared tmux folder.
        if self.socket_path:
            Path(self.socket_path).unlink(missing_ok=True)


def _matcher(
    expected: str | re.Pattern[str] | Iterable[str] | Callable[[str], bool],
) -> Callable[[str], bool]:
    if callable(expected):
        return expected
    if isinstance(expected, str):
        return lambda screen: expected in screen
    if isinstance(expected, re.Pattern):
        return lambda screen: expected.search(screen) is not None
    wanted = list(expected)
    return lambda screen: all(text in screen for text in wanted)


def _describe(expected: object) -> str:
    if isinstance(expected, re.Pattern):
        return f"/{expected.pattern}/"
    if callable(expected):
        return getattr(expected, "__doc__", None) or "a screen condition"
    return repr(expected)
