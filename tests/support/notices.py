"""Catch what a feature asks `notify_partner` to tell, as the recipient would read it."""

from trustapp.lib.i18n import recipient_language


def catch_notices(monkeypatch, target):
    """Replace `notify_partner` at `target` (a module, or a dotted path); returns the list
    each call is added to, as keyword dicts whose subject and message are written out in
    the recipient's language (features pass lazy texts and `values`)."""
    calls = []

    def record(*, values=None, **notice):
        with recipient_language(notice.get("recipient")):
            for key in ("subject", "message"):
                text = str(notice[key])
                notice[key] = text if values is None else text % values
        calls.append(notice)

    if isinstance(target, str):
        monkeypatch.setattr(target, record)
    else:
        monkeypatch.setattr(target, "notify_partner", record)
    return calls
