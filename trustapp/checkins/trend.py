"""Both partners' ratings over time, counted in the database and drawn as plain SVG.

Only check-ins both partners answered count: an unrevealed rating never leaves the database.
"""

from dataclasses import dataclass, field

from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from trustapp.checkins.models import Answer, CheckIn

LIMIT = 26  # about half a year of weekly check-ins in one chart
# Small enough that the labels stay readable when a phone shrinks the drawing.
WIDTH, HEIGHT = 420, 230
LEFT, RIGHT, TOP, BOTTOM = 34, 28, 14, 38
METRICS = [("connected", _("How connected we felt")), ("trusted", _("How trusted we felt"))]


MARK = 5  # half the size of a point's marker
MISSING = ("—", "—")  # a table's cells for a partner who did not answer


@dataclass
class Point:
    x: int
    y: int
    value: int
    day: object

    @property
    def corner_x(self):
        return self.x - MARK

    @property
    def corner_y(self):
        return self.y - MARK


@dataclass
class Series:
    person: object
    index: int  # 0 is the reader, drawn as dots; 1 the partner, drawn as open squares
    points: list = field(default_factory=list)
    average: float | None = None

    @property
    def polyline(self):
        return " ".join(f"{point.x},{point.y}" for point in self.points)


@dataclass
class Chart:
    key: str
    title: str
    series: list
    x_ticks: list
    y_ticks: list
    width: int = WIDTH
    height: int = HEIGHT
    plot_left: int = LEFT
    plot_right: int = WIDTH - RIGHT
    plot_top: int = TOP
    plot_bottom: int = HEIGHT - BOTTOM
    y_label_x: int = LEFT - 10
    x_label_y: int = HEIGHT - 12
    mark_size: int = 2 * MARK


@dataclass
class Trend:
    people: list
    table: list  # (opened_at, [(connected, trusted) for each person, dashes when missing])
    charts: list
    total: int
    shown: int


def _revealed(partnership):
    return (
        CheckIn.objects.filter(partnership=partnership)
        .annotate(answer_count=Count("answers"))
        .filter(answer_count__gte=2)
    )


def _x(index, count):
    span = WIDTH - LEFT - RIGHT
    if count == 1:
        return LEFT + span // 2
    return round(LEFT + index * span / (count - 1))


def _y(value):
    span = HEIGHT - TOP - BOTTOM
    return round(TOP + (5 - value) * span / 4)


def trend_for(partnership, user):
    members = [m.user for m in partnership.member_list()]
    people = sorted(members, key=lambda person: person.pk != user.pk)  # me first
    revealed = _revealed(partnership)
    recent = revealed.order_by("-opened_at").values("pk")[:LIMIT]
    answers = (
        Answer.objects.filter(checkin__in=recent)
        .values("checkin_id", "checkin__opened_at", "author_id", "connected", "trusted")
        .order_by("checkin__opened_at", "checkin_id")
    )
    averages = {
        row["author_id"]: row
        for row in Answer.objects.filter(checkin__in=revealed.values("pk"))
        .values("author_id")
        .annotate(connected=Avg("connected"), trusted=Avg("trusted"), count=Count("pk"))
    }
    # Each revealed check-in holds one answer of each partner: their count is the total.
    total = max((row["count"] for row in averages.values()), default=0)

    rows, by_checkin = [], {}
    for answer in answers:
        if answer["checkin_id"] not in by_checkin:
            by_checkin[answer["checkin_id"]] = (answer["checkin__opened_at"], {})
            rows.append(by_checkin[answer["checkin_id"]])
        by_checkin[answer["checkin_id"]][1][answer["author_id"]] = answer

    charts = []
    for key, title in METRICS:
        series = []
        for index, person in enumerate(people):
            line = Series(person=person, index=index)
            for position, (opened_at, values) in enumerate(rows):
                if person.pk in values:
                    value = values[person.pk][key]
                    line.points.append(Point(_x(position, len(rows)), _y(value), value, opened_at))
            if person.pk in averages:
                line.average = round(averages[person.pk][key], 1)
            series.append(line)
        charts.append(
            Chart(
                key=key,
                title=title,
                series=series,
                x_ticks=_x_ticks(rows),
                y_ticks=[(_y(value), _y(value) + 5, value) for value in range(1, 6)],
            )
        )
    table = [
        (
            opened_at,
            [
                (values[p.pk]["connected"], values[p.pk]["trusted"]) if p.pk in values else MISSING
                for p in people
            ],
        )
        for opened_at, values in rows
    ]
    return Trend(people=people, table=table, charts=charts, total=total, shown=len(rows))


def _x_ticks(rows, most=5):
    """A few date labels along the bottom, never crowded."""
    step = max(1, -(-len(rows) // most))
    return [
        (_x(index, len(rows)), date_format(timezone.localtime(opened_at), "SHORT_DAY_MONTH"))
        for index, (opened_at, _values) in enumerate(rows)
        if index % step == 0
    ]
