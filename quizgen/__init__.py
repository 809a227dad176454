"""quizgen: turn an article into a reading-comprehension quiz (Anki deck, worksheet, quiz JSON)."""

__version__ = "0.1.0"
