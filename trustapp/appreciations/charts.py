"""Geometry for the server-rendered SVG chart on "Looking back".

Horizontal bars, one row per week, so the labels stay readable on a phone.

Coordinates are handed to the template as text: a number in a template is localized (a
decimal comma in German would break the SVG), and the words are looked up once per chart,
not once per bar.
"""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

WIDTH = 320
LABEL_WIDTH = 76
BAR_ROOM = WIDTH - LABEL_WIDTH - 28  # space left for the count after the longest bar
ROW_HEIGHT = 34
BAR_HEIGHT = 11
TOP = 4
AXIS_X = str(LABEL_WIDTH)
BAR_HEIGHT_TEXT = str(BAR_HEIGHT)


def weekly_chart(weeks, members, today):
    """`weeks` from services.weekly_counts: [{"start": date, "counts": [n per member]}]."""
    largest = max((n for week in weeks for n in week["counts"]), default=0) or 1
    this_week = weeks[-1]["start"] if weeks else None
    this_week_label = _("This week")
    bar_title = _("%(name)s: %(count)d in the week of %(week)s")
    names = [member.name for member in members]
    rows = []
    for index, week in enumerate(weeks):
        y = TOP + index * ROW_HEIGHT
        label = (
            this_week_label
            if week["start"] == this_week
            else date_format(week["start"], "SHORT_DAY_MONTH")
        )
        long_label = date_format(week["start"], "LONG_DATE")
        bars = []  # no bar for someone who shared none that week
        for slot, (name, count) in enumerate(zip(names, week["counts"], strict=True)):
            if not count:
                continue
            length = round(count / largest * BAR_ROOM, 1)
            bar_y = y + 5 + slot * (BAR_HEIGHT + 1)
            bars.append(
                {
                    "slot": str(slot + 1),
                    "count": str(count),
                    "x": AXIS_X,
                    "y": str(bar_y),
                    "width": str(length),
                    "height": BAR_HEIGHT_TEXT,
                    "text_x": str(LABEL_WIDTH + length + 4),
                    "text_y": str(bar_y + BAR_HEIGHT - 1),
                    "title": bar_title % {"name": name, "count": count, "week": long_label},
                }
            )
        rows.append(
            {
                "start": week["start"],
                "label": label,
                "long_label": long_label,
                "label_y": str(y + ROW_HEIGHT / 2 + 4),
                "top": str(y),
                "bars": bars,
                "counts": week["counts"],
            }
        )
    totals = [sum(week["counts"][i] for week in weeks) for i in range(len(members))]
    return {
        "width": str(WIDTH),
        "height": str(TOP * 2 + len(weeks) * ROW_HEIGHT),
        "axis_x": AXIS_X,
        "label_x": str(LABEL_WIDTH - 8),
        "rows": rows,
        "members": [
            {"person": member, "slot": i + 1, "total": totals[i]}
            for i, member in enumerate(members)
        ],
        "total": sum(totals),
    }
