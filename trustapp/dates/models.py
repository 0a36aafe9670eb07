"""The days that matter to a couple: when they got together, and any other they name."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

NAME_MAX_LENGTH = 80


def on_in_year(day, year):
    """`day`'s month and day in `year`; a 29 February falls on the 28th in other years."""
    try:
        return day.replace(year=year)
    except ValueError:
        return date(year, 2, 28)


class OurDate(models.Model):
    """A day both partners may name, change or remove. Yearly ones come back each year."""

    partnership = models.ForeignKey(
        "couples.Partnership", on_delete=models.CASCADE, related_name="our_dates"
    )
    # The day they got together: at most one a space, and its yearly return an anniversary.
    together_since = models.BooleanField(default=False)
    name = models.CharField(_("what it is"), max_length=NAME_MAX_LENGTH, blank=True)
    day = models.DateField(_("the day"))
    yearly = models.BooleanField(_("every year"), default=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    # Bumped on each change, so two partners editing at once never lose an update.
    version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-together_since", "day", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership"],
                condition=Q(together_since=True),
                name="one_together_since_per_partnership",
            ),
        ]

    def __str__(self):
        return str(self.title)

    def get_absolute_url(self):
        return reverse("dates:edit", args=[self.partnership.public_id, self.pk])

    @property
    def anchor(self):
        return f"date-{self.pk}"

    @property
    def title(self):
        return _("Together since") if self.together_since else self.name

    @property
    def coming_title(self):
        """How the day reads when it comes round."""
        return _("Our anniversary") if self.together_since else self.name

    def next_on(self, today):
        """The next time this day comes (today included), or None for a one-off gone by."""
        if not self.yearly:
            return self.day if self.day >= today else None
        if today <= self.day:
            return self.day
        this_year = on_in_year(self.day, today.year)
        return this_year if this_year >= today else on_in_year(self.day, today.year + 1)

    def years_on(self, when):
        """How many years the day will be on `when` (0 the first time)."""
        return when.year - self.day.year
