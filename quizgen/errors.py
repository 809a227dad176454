"""One base exception; the CLI turns it into a one-line message and exit status 1."""


class QuizgenError(Exception):
    """A problem with the user's input or options, worded for the user.

    The message names the file (or value) and what is wrong with it, in one line.
    """


class InputError(QuizgenError):
    """The input file cannot be read as an article."""


class QuizFileError(QuizgenError):
    """A quiz file is not valid; the message names the question and the field."""
