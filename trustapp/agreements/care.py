"""Care or control? Agreement words that touch checking on a partner get a short
reflection before anyone consents. It only ever adds words to a page: it never blocks."""

import re

_SEE = r"(?:check|look at|look through|go through|read|see|unlock|access|hand over|show)"
_PRIVATE = r"(?:phones?|messages|texts|chats|emails|inbox|dms|browser history|social media)"
_WHO = r"(?:you|i|we|they|he|she|each other|the other)"

# Phrases, not single words: "phones away at dinner" is care, "check your phone" may not be.
CHECKING = re.compile(
    rf"\b(?:{_SEE}\w*\s+(?:\w+\W+){{0,3}}?{_PRIVATE}"
    r"|locations?\b|whereabouts|gps|find my|live location"
    rf"|track(?:s|ing)?\s+(?:of\s+)?(?:{_WHO}|where|location)"
    rf"|where\s+{_WHO}\s+(?:are|is|were|was|go|goes|went)"
    r"|passwords?|passcodes?|pin codes?|curfews?|home by \d"
    rf"|check(?:s|ing)?\s+(?:up\s+)?on\s+{_WHO}"
    r"|spy|spying|snoop\w*|monitor\w*|report(?:s|ing)? back|screenshots?)",
    re.IGNORECASE,
)


def touches_checking(*texts):
    """Whether any of these words speak of checking on someone."""
    return any(CHECKING.search(text or "") for text in texts)
