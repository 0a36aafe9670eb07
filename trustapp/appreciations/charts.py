"""Geometry for the server-rendered SVG chart on "Looking back".

Horizontal bars, one row per week, so the labels stay readable on a phone.
"""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

WIDTH = 320
LABEL_WIDTH = 76
BAR_ROOM = WIDTH - LABEL_WIDTH - 28  # space left for the count after the longest bar
ROW_HEIGHT = 34
BAR_HEIGHT = 11
TOP = 4


def weekly_chart(weeks, members, today):
    """`weeks` from services.weekly_counts: [{"start": date, "counts": [n per member]}]."""
    largest = max((n for week in weeks for n in week["counts"]), default=0) or 1
    this_week = weeks[-1]["start"] if weeks else None
    rows = []
    for index, week in enumerate(weeks):
        y = TOP + index * ROW_HEIGHT
        label = (
            _("This week")
            if week["start"] == this_week
            else date_format(week["start"], "SHORT_DAY_MONTH")
        )
        long_label = date_format(week["start"], "LONG_DATE")
        bars = []
        for slot, (member, count) in enumerate(zip(members, week["counts"], strict=True)):
            length = round(count / largest * BAR_ROOM, 1)
            bar_y = y + 5 + slot * (BAR_HEIGHT + 1)
            bars.append(
                {
                    "slot": slot + 1,
                    "count": count,
                    "x": LABEL_WIDTH,
                    "y": bar_y,
                    "width": length,
                    "height": BAR_HEIGHT,
                    "text_x": LABEL_WIDTH + length + 4,
                    "text_y": bar_y + BAR_HEIGHT - 1,
                    "title": _("%(name)s: %(count)d in the week of %(week)s")
                    % {"name": member.name, "count": count, "week": long_label},
                }
            )
        rows.append(
            {
                "start": week["start"],
                "label": label,
                "label_y": y + ROW_HEIGHT / 2 + 4,
                "top": y,
                "bars": bars,
                "counts": week["counts"],
            }
        )
    totals = [sum(week["counts"][i] for week in weeks) for i in range(len(members))]
    return {
        "width": WIDTH,
        "height": TOP * 2 + len(weeks) * ROW_HEIGHT,
        "axis_x": LABEL_WIDTH,
        "label_x": LABEL_WIDTH - 8,
        "rows": rows,
        "members": [
            {"person": member, "slot": i + 1, "total": totals[i]}
            for i, member in enumerate(members)
        ],
        "total": sum(totals),
    }
