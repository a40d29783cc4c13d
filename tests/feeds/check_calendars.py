"""Parses the calendar files of a built site with an independent parser (the `icalendar`
package) and checks what subscribers and calendar programs rely on.

Usage: python tests/feeds/check_calendars.py DIST
"""
import datetime as dt
import json
import pathlib
import sys
import unittest

import icalendar

DIST = pathlib.Path(sys.argv.pop(1) if len(sys.argv) > 1 else "dist")
EVENTS = json.loads(pathlib.Path("public/content/events.json").read_text())["events"]
UTC = dt.timezone.utc


def load(rel):
    raw = (DIST / rel).read_bytes()
    return raw, icalendar.Calendar.from_ical(raw)


def vevents(cal):
    return [c for c in cal.walk("VEVENT")]


class Calendars(unittest.TestCase):
    def test_all_events_feed_in_both_languages(self):
        for lang in ("es", "en"):
            raw, cal = load(f"calendar/{lang}/events.ics")
            self.assertEqual(str(cal["VERSION"]), "2.0")
            evs = vevents(cal)
            self.assertEqual(len(evs), len(EVENTS))
            uids = [str(e["UID"]) for e in evs]
            self.assertEqual(len(set(uids)), len(uids), "UIDs are unique")
            for e in evs:
                self.assertIn("DTSTAMP", e)
                self.assertTrue(str(e["URL"]).startswith("http"))

    def test_lines_are_crlf_and_folded_at_75_octets(self):
        raw, _ = load("calendar/es/events.ics")
        self.assertNotIn(b"\n", raw.replace(b"\r\n", b""))
        for line in raw.split(b"\r\n"):
            self.assertLessEqual(len(line), 75, line)

    def test_known_conversion_in_utc(self):
        # 24 Nov 2022 12:00 in Mexico City is 18:00 UTC (13:00 Bogotá and Lima, 15:00 Santiago).
        _, cal = load("calendar/en/digital-teaching-seminar-2022.ics")
        (e,) = vevents(cal)
        start = e.decoded("DTSTART")
        self.assertEqual(start, dt.datetime(2022, 11, 24, 18, 0, tzinfo=UTC))
        self.assertEqual(start.astimezone(dt.timezone(dt.timedelta(hours=-3))).hour, 15)
        self.assertEqual(str(e["UID"]), str(vevents(load("calendar/es/digital-teaching-seminar-2022.ics")[1])[0]["UID"]))

    def test_whole_day_events_have_exclusive_ends(self):
        _, cal = load("calendar/es/xiv-summit-lima-2019.ics")
        (e,) = vevents(cal)
        self.assertEqual(e.decoded("DTSTART"), dt.date(2019, 7, 1))
        self.assertEqual(e.decoded("DTEND"), dt.date(2019, 7, 7))

    def test_country_feeds_hold_that_country_and_the_alliance(self):
        for code in ("cl", "co", "mx", "pe"):
            _, cal = load(f"calendar/en/events-{code}.ics")
            want = {e["id"] for e in EVENTS if e["country"] in (code.upper(), "AP")}
            got = {str(v["UID"]).split("@")[0] for v in vevents(cal)}
            self.assertEqual(got, want, code)

    def test_text_is_unescaped_back_to_the_original(self):
        _, cal = load("calendar/es/digital-teaching-seminar-2022.ics")
        (e,) = vevents(cal)
        title = next(x for x in EVENTS if x["id"] == "digital-teaching-seminar-2022")["title"]["es"]
        self.assertEqual(str(e["SUMMARY"]), title)
        self.assertIn("13:00 en Colombia y Perú, 15:00 en Chile", str(e["DESCRIPTION"]))


if __name__ == "__main__":
    unittest.main()
