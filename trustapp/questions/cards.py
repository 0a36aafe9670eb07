"""What today's question shows on the home of a space."""

from trustapp.questions import services


def home_card(partnership, user):
    if not partnership.is_paired:
        return {"paired": False}
    day_question = services.today_question(partnership)
    if day_question is None:
        return {"paired": True, "day_question": None}
    mine, theirs = services.sides(day_question, user)
    return {"paired": True, "day_question": day_question, "mine": mine, "theirs": theirs}
