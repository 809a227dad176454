"""Tables built once per machine and kept as marshal in the temporary folder (beside jieba's
own dictionary cache): reading one costs milliseconds, building it a quarter to half a second
a run. A cache that cannot be written only costs the next run the build again."""

from __future__ import annotations

import marshal
import os
import tempfile
from pathlib import Path


def marshal_cached(name: str, build):
    """The value `build()` returns, read from `quizgen-<name>.marshal` when a run made it
    before. `name` must change whenever the source of the table does (put a version in it)."""
    cache = Path(tempfile.gettempdir()) / f"quizgen-{name}.marshal"
    try:
        return marshal.loads(cache.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    value = build()
    try:
        temp = cache.with_suffix(f".{os.getpid()}.part")
        temp.write_bytes(marshal.dumps(value))
        os.replace(temp, cache)
    except OSError:
        pass  # no cache this time; the table is still right
    return value
