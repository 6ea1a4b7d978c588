#!/usr/bin/env python3
"""Reads an iCalendar file written by `pacte-ledger agenda --ics` back with the
`icalendar` package (pip install icalendar), as a calendar program would, and prints
each event. Kept out of `swift test` (it needs Python and a package).

    swift build
    .build/debug/pacte-ledger agenda ledgers/pacte-coteaux-aussonne.jsonl --today 2025-03-15 --ics --output /tmp/pacte.ics
    python3 scripts/check-ics.py /tmp/pacte.ics

Exit code 0 when the file parses, every VEVENT has a UID, a DTSTAMP and an all-day
DTSTART, UIDs are unique and the summaries read back as written; 1 otherwise.
"""
import datetime
import sys

import icalendar


def main(path):
    with open(path, "rb") as handle:
        raw = handle.read()
    calendar = icalendar.Calendar.from_ical(raw)
    problems = []
    if calendar.name != "VCALENDAR":
        problems.append("not a VCALENDAR")
    for required in ("VERSION", "PRODID"):
        if calendar.get(required) is None:
            problems.append("VCALENDAR lacks " + required)
    uids = set()
    events = list(calendar.walk("VEVENT"))
    for event in events:
        uid = str(event.get("UID", ""))
        if not uid:
            problems.append("a VEVENT lacks a UID")
        elif uid in uids:
            problems.append("UID repeated: " + uid)
        uids.add(uid)
        stamp = event.get("DTSTAMP")
        if stamp is None or not isinstance(stamp.dt, datetime.datetime) or stamp.dt.utcoffset() != datetime.timedelta(0):
            problems.append(uid + ": DTSTAMP missing or not UTC")
        start = event.get("DTSTART")
        if start is None or isinstance(start.dt, datetime.datetime) or not isinstance(start.dt, datetime.date):
            problems.append(uid + ": DTSTART is not an all-day date")
        end = event.get("DTEND")
        if end is not None and start is not None and end.dt <= start.dt:
            problems.append(uid + ": DTEND is not after DTSTART")
        summary = str(event.get("SUMMARY", ""))
        print(f"{start.dt.isoformat() if start else '?'}  {uid}\n    {summary}")
    # Serializing again and parsing must give the same events (nothing lost in escaping).
    again = icalendar.Calendar.from_ical(calendar.to_ical())
    before = [(str(e.get("UID")), str(e.get("SUMMARY")), str(e.get("DESCRIPTION"))) for e in events]
    after = [(str(e.get("UID")), str(e.get("SUMMARY")), str(e.get("DESCRIPTION"))) for e in again.walk("VEVENT")]
    if before != after:
        problems.append("the events differ once written again by icalendar")
    print(f"{len(events)} event(s) read by icalendar {icalendar.__version__}")
    for problem in problems:
        print("PROBLEM: " + problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: check-ics.py FILE.ics", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
