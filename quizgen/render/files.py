"""Writing outputs safely: the output folder checked once, every file written to a temporary
name beside its target and renamed into place, so an error or Ctrl-C never leaves a
half-written output."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import QuizgenError

Writer = Callable[[Path], None]


def prepare_out_dir(out_dir: Path) -> Path:
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise QuizgenError(f"{out_dir}: the output folder is a file")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise QuizgenError(f"{out_dir}: cannot create the output folder ({err.strerror or err})") from None
    if not os.access(out_dir, os.W_OK):
        raise QuizgenError(f"{out_dir}: the output folder is not writable")
    return out_dir


def atomic_write(target: Path, write: Writer) -> None:
    """Let `write` fill a temporary file beside the target, then rename it into place."""
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        write(temp)
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except OSError as err:
        raise QuizgenError(f"{target}: cannot write ({err.strerror or err})") from None
    finally:
        if temp.exists():
            temp.unlink()


def text_writer(make_text: Callable[[], str]) -> Writer:
    """A writer that builds its text only when called, inside atomic_write: an error while
    rendering leaves no file either."""
    return lambda path: path.write_text(make_text(), encoding="utf-8")
