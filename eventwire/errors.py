"""eventwire's one exception tree.

    EventwireError          anything eventwire raises on purpose
    ├── SourceError         an input cannot be read (missing path, unknown format)
    ├── ExtractionError     a stage could not process an article
    ├── DictionaryError     a dictionary or data table is invalid (names file and line)
    ├── StorageError        the database cannot be opened or written
    └── ConfigError         bad options or settings

The CLI catches ``EventwireError`` in one place and prints one line. Bad *articles* are not
exceptions: they become ``Failure`` records and the run goes on.
"""


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class SourceError(EventwireError):
    """An input source cannot be read at all."""


class ExtractionError(EventwireError):
    """A processing stage failed on an article."""


class DictionaryError(EventwireError):
    """A dictionary or data table is malformed; the message names the file and line."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path, self.line, self.reason = path, line, reason


class StorageError(EventwireError):
    """The database cannot be opened, read or written."""


class ConfigError(EventwireError):
    """Options or settings are invalid."""
