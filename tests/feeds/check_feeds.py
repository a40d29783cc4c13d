"""Parses the news feeds, sitemap and robots.txt of a built site with independent parsers
(`feedparser`, the standard library's XML parser) and checks what feed readers and search
engines rely on.

Usage: python tests/feeds/check_feeds.py DIST
"""
import json
import pathlib
import sys
import unittest
import xml.etree.ElementTree as ET

import feedparser

DIST = pathlib.Path(sys.argv.pop(1) if len(sys.argv) > 1 else "dist")
# Newest first, as the site lists them (a stable sort: same-day items keep the file's order).
NEWS = sorted(json.loads(pathlib.Path("public/content/news.json").read_text())["news"], key=lambda n: n["date"], reverse=True)
COUNTRIES = ("cl", "co", "mx", "pe")


def parse(rel):
    raw = (DIST / rel).read_bytes()
    return feedparser.parse(raw)


class Feeds(unittest.TestCase):
    def test_every_feed_parses_cleanly(self):
        for lang in ("es", "en"):
            for suffix in [""] + [f"-{c}" for c in COUNTRIES]:
                for kind, version in (("rss", "rss20"), ("atom", "atom10")):
                    rel = f"feeds/{lang}/news{suffix}.{kind}.xml"
                    f = parse(rel)
                    self.assertFalse(f.bozo, f"{rel}: {f.get('bozo_exception')}")
                    self.assertEqual(f.version, version, rel)
                    self.assertTrue(f.feed.title, rel)
                    for e in f.entries:
                        self.assertTrue(e.link.startswith("http"), rel)
                        self.assertTrue(e.title and e.summary, rel)
                        self.assertIsNotNone(e.get("published_parsed") or e.get("updated_parsed"), rel)

    def test_all_news_newest_first_in_the_readers_language(self):
        f = parse("feeds/en/news.rss.xml")
        self.assertEqual(len(f.entries), min(50, len(NEWS)))
        self.assertEqual(f.entries[0].title, NEWS[0]["title"]["en"])
        self.assertTrue(f.entries[0].link.endswith("/en/news/" + NEWS[0]["id"]))
        dates = [e.published_parsed for e in f.entries]
        self.assertEqual(dates, sorted(dates, reverse=True))
        es = parse("feeds/es/news.atom.xml")
        self.assertEqual(es.entries[0].title, NEWS[0]["title"]["es"])
        self.assertEqual(es.feed.language if "language" in es.feed else "es", "es")

    def test_country_feeds_hold_that_country_and_the_alliance(self):
        for c in COUNTRIES:
            f = parse(f"feeds/en/news-{c}.atom.xml")
            want = [n["id"] for n in NEWS if n["country"] in (c.upper(), "AP")][:50]
            got = [e.link.rsplit("/", 1)[1] for e in f.entries]
            self.assertEqual(got, want, c)

    def test_sitemap_lists_every_page_in_both_languages(self):
        ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
        root = ET.parse(DIST / "sitemap.xml").getroot()
        locs = [u.find("s:loc", ns).text for u in root.findall("s:url", ns)]
        self.assertEqual(len(locs), len(set(locs)))
        for n in NEWS:
            for lang in ("es", "en"):
                self.assertTrue(any(l.endswith(f"/{lang}/news/{n['id']}") for l in locs), n["id"])
        first = root.find("s:url", ns)
        self.assertEqual(len(first.findall("x:link", ns)), 2)

    def test_robots_points_to_the_sitemap(self):
        text = (DIST / "robots.txt").read_text()
        self.assertIn("User-agent: *", text)
        self.assertRegex(text, r"Sitemap: https?://\S+/sitemap\.xml")


if __name__ == "__main__":
    unittest.main()
