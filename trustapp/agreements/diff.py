"""A readable word-level difference between two texts, as escaped HTML."""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

# A word with the space after it, so a changed phrase reads as one removal and one addition.
TOKENS = re.compile(r"^\s+|\S+\s*")


def word_diff(old, new):
    """`old` → `new` with removed words in <del> and added ones in <ins>.

    Every piece of text is escaped; only our own tags are markup. Screen readers hear
    "removed" and "added" because <del> and <ins> alone are silent to most of them.
    """
    before, after = TOKENS.findall(old or ""), TOKENS.findall(new or "")
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    removed, added = escape(_("removed:")), escape(_("added:"))
    parts = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(before[i1:i2])))
            continue
        if op in ("delete", "replace"):
            parts.append(
                f'<del><span class="visually-hidden">{removed} </span>'
                f"{escape(''.join(before[i1:i2]))}</del>"
            )
        if op in ("insert", "replace"):
            parts.append(
                f'<ins><span class="visually-hidden">{added} </span>'
                f"{escape(''.join(after[j1:j2]))}</ins>"
            )
    return mark_safe("".join(parts))
