"""Diagnostics, severities, exit codes and the exceptions the CLI reports cleanly.

Two channels, as docutils and pandoc have them: *diagnostics* for problems we
recover from (the document is still written), *exceptions* for problems that
leave nothing to write. Every diagnostic code has one default severity, in
SEVERITY below; nowhere else decides it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, shared by every subcommand (see README)."""

    OK = 0
    FAILED = 1  # a document could not be converted, or is invalid
    USAGE = 2  # bad command line, or input that cannot be read at all
    RENDER = 4  # the XSLT processor failed
    INTERRUPTED = 130


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3


# One table of codes and their default severity (pandoc's messageVerbosity).
SEVERITY: dict[str, Severity] = {
    # reading
    "empty-input": Severity.ERROR,
    "not-utf8": Severity.ERROR,
    "not-text": Severity.ERROR,
    "forbidden-char": Severity.WARNING,
    "bom-removed": Severity.INFO,
    "crlf-normalised": Severity.INFO,
    # structure
    "heading-missing": Severity.WARNING,
    "heading-unnumbered": Severity.INFO,
    "heading-empty": Severity.WARNING,
    "page-marker-malformed": Severity.WARNING,
    # notes
    "note-undefined": Severity.WARNING,
    "note-unused": Severity.WARNING,
    "note-out-of-order": Severity.WARNING,
    "notes-aligned-greedily": Severity.WARNING,
    "list-too-deep": Severity.WARNING,
    "footnote-list-broken": Severity.WARNING,
    # metadata
    "manifest-invalid": Severity.ERROR,
    "manifest-document-missing": Severity.WARNING,
}


@dataclass(frozen=True, slots=True)
class Loc:
    """A position in a source file, 1-based like lxml's sourceline and Saxon's messages."""

    source: str
    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{self.source}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    """Stable kebab-case identifier, a key of SEVERITY (or a validator's rule id)."""
    message: str
    """What is wrong and, where we can tell, what to do about it."""
    loc: Loc | None = None
    severity: Severity = Severity.WARNING

    def __str__(self) -> str:  # GNU style, so editors can jump to it
        where = f"{self.loc}: " if self.loc else ""
        return f"{where}{self.severity.name.lower()}: {self.message} [{self.code}]"


@dataclass(slots=True)
class Reporter:
    """Collects diagnostics for one source; raises HaltError at or above halt_level."""

    source: str = "<string>"
    halt_level: Severity = Severity.ERROR
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def report(self, code: str, message: str, line: int | None = None, column: int = 1) -> Diagnostic:
        loc = Loc(self.source, line, column) if line is not None else Loc(self.source, 1, 1)
        diag = Diagnostic(code, message, loc, SEVERITY.get(code, Severity.WARNING))
        self.diagnostics.append(diag)
        if diag.severity >= self.halt_level:
            raise HaltError(diag)
        return diag

    @property
    def worst(self) -> Severity | None:
        return max((d.severity for d in self.diagnostics), default=None)


class ConverterError(Exception):
    """Base class for errors the CLI reports without a traceback."""

    exit_code: int = ExitCode.FAILED


class SourceError(ConverterError):
    """A problem in an input that leaves nothing to convert; carries a Diagnostic."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


class HaltError(SourceError):
    """A diagnostic reached the reporter's halt level (errors, or warnings under --strict)."""


class UsageError(ConverterError):
    """Bad arguments or an input path that does not exist."""

    exit_code = ExitCode.USAGE
