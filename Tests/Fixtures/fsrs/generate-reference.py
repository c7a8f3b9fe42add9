#!/usr/bin/env python3
"""Generator, run once by hand: writes fsrs-reference.json beside it. Tests never run it.

The table holds rating sequences, with the time elapsed before each review, and what the
reference implementation of FSRS-6 (the Python package `fsrs`, version 6.3.x) gives after
each review: stability, difficulty and the interval in days. Rehearse's scheduler
(Sources/InterviewCore/Scheduling) must reproduce it.

The scheduler is configured as Rehearse uses it: the 21 default weights, no learning or
relearning steps (questions are scheduled in whole days from the first review on), no fuzz,
at most 36,500 days; desired retention 0.9 unless a case says otherwise.

    python3 -m venv /tmp/fsrs-venv && /tmp/fsrs-venv/bin/pip install 'fsrs>=6.3,<6.4'
    /tmp/fsrs-venv/bin/python Tests/Fixtures/fsrs/generate-reference.py
"""

import json
import random
import re
from datetime import datetime, timedelta, timezone
from importlib.metadata import version
from pathlib import Path

from fsrs import Card, Rating, Scheduler
from fsrs.scheduler import DEFAULT_PARAMETERS

START = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)
HOUR = 1
DAY = 24


def case(name, steps, retention=0.9, maximum_interval=36500):
    """steps: (rating 1-4, hours elapsed since the previous review; ignored for the first)."""
    scheduler = Scheduler(
        parameters=DEFAULT_PARAMETERS,
        desired_retention=retention,
        learning_steps=(),
        relearning_steps=(),
        maximum_interval=maximum_interval,
        enable_fuzzing=False,
    )
    card = Card(card_id=1, due=START)
    now = START
    rows = []
    for number, (rating, hours) in enumerate(steps):
        if number > 0:
            now = now + timedelta(hours=hours)
        retrievability = scheduler.get_card_retrievability(card, now) if number > 0 else None
        card, _ = scheduler.review_card(card, Rating(rating), now)
        rows.append({
            "rating": rating,
            "hoursElapsed": hours if number > 0 else 0,
            "daysElapsed": round((hours if number > 0 else 0) / 24, 4),
            "retrievabilityBefore": retrievability,
            "stability": card.stability,
            "difficulty": card.difficulty,
            "intervalDays": (card.due - now).days,
            "dueHoursAfterStart": int((card.due - START).total_seconds() // 3600),
        })
    return {"name": name, "desiredRetention": retention, "maximumInterval": maximum_interval, "reviews": rows}


def days(n):
    return int(round(n * DAY))


cases = [
    case("first review: again", [(1, 0)]),
    case("first review: hard", [(2, 0)]),
    case("first review: good", [(3, 0)]),
    case("first review: easy", [(4, 0)]),
    case("good on time, four times", [(3, 0), (3, days(2)), (3, days(7)), (3, days(21)), (3, days(60))]),
    case("same-day reviews of every rating", [(3, 0), (3, 2 * HOUR), (4, 3 * HOUR), (1, 1 * HOUR), (2, 5 * HOUR), (3, 12 * HOUR)]),
    case("failed twice the same day", [(1, 0), (1, 1 * HOUR)]),
    case("aced twice the same day", [(4, 0), (4, 1 * HOUR)]),
    case("just under and just over a day", [(3, 0), (3, 23 * HOUR), (3, 25 * HOUR), (3, 47 * HOUR)]),
    case("again, again, then recovering", [(1, 0), (1, days(1)), (2, days(1)), (3, days(2)), (4, days(5)), (3, days(20))]),
    case("a lapse after a good run", [(3, 0), (3, days(3)), (3, days(10)), (3, days(30)), (1, days(90)), (3, days(1)), (3, days(3)), (3, days(8))]),
    case("hard every time", [(2, 0), (2, days(1)), (2, days(2)), (2, days(3)), (2, days(5)), (2, days(8))]),
    case("easy with long gaps", [(4, 0), (4, days(30)), (4, days(120)), (4, days(365)), (4, days(1000))]),
    case("long overdue", [(3, 0), (3, days(200)), (1, days(1000)), (3, days(400))]),
    case("early reviews", [(4, 0), (3, days(1)), (3, days(1)), (3, days(1)), (2, days(1))]),
    case("alternating again and easy", [(1, 0), (4, days(1)), (1, days(9)), (4, days(1)), (1, days(20)), (4, days(2))]),
    case("difficulty towards its bounds", [(1, 0)] + [(1, days(1))] * 6 + [(4, days(1))] * 8),
    case("retention 0.8", [(3, 0), (3, days(3)), (2, days(6)), (1, days(20)), (3, days(1)), (4, days(4))], retention=0.8),
    case("retention 0.95", [(3, 0), (3, days(3)), (2, days(6)), (1, days(20)), (3, days(1)), (4, days(4))], retention=0.95),
    case("maximum interval of 60 days", [(4, 0), (4, days(20)), (4, days(60)), (4, days(60))], maximum_interval=60),
]

# Mixed sequences, drawn once from a seeded generator: gaps from an hour to two years.
generator = random.Random(20250301)
for number in range(12):
    steps = [(generator.randint(1, 4), 0)]
    for _ in range(generator.randint(4, 9)):
        gap = generator.choice([generator.randint(1, 20), days(generator.randint(1, 5)),
                                days(generator.randint(5, 60)), days(generator.randint(60, 730))])
        steps.append((generator.choices([1, 2, 3, 4], weights=[2, 2, 5, 2])[0], gap))
    cases.append(case(f"mixed sequence {number + 1}", steps))

document = {
    "generator": "Tests/Fixtures/fsrs/generate-reference.py",
    "reference": f"fsrs {version('fsrs')} (Python)",
    "weights": list(DEFAULT_PARAMETERS),
    "learningSteps": [],
    "relearningSteps": [],
    "fuzz": False,
    "start": START.isoformat(),
    "cases": cases,
}
out = Path(__file__).with_name("fsrs-reference.json")
# One review per line, so that the table reads as a table.
text = json.dumps(document, indent=1)
text = re.sub(r"\{\n\s+\"rating\"[^}]*\}", lambda match: json.dumps(json.loads(match.group(0))), text)
out.write_text(text + "\n")
print(f"wrote {out}: {len(cases)} cases, {sum(len(c['reviews']) for c in cases)} reviews")
