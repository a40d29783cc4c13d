"""Reads the link-preview pages of a built site with an HTML parser (the standard library's) and
checks what WhatsApp, LinkedIn and search engines read: title, description, canonical URL,
language alternates, Open Graph and Twitter tags, and the page's own heading in the first view.

Usage: python tests/feeds/check_pages.py DIST
"""
import html.parser
import json
import pathlib
import sys
import unittest

DIST = pathlib.Path(sys.argv.pop(1) if len(sys.argv) > 1 else "dist")
NEWS = json.loads(pathlib.Path("public/content/news.json").read_text())["news"]
EVENTS = json.loads(pathlib.Path("public/content/events.json").read_text())["events"]


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.links, self.title, self.h1, self.lang = {}, [], "", [], None
        self._in = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "meta":
            key = a.get("property") or a.get("name")
            if key:
                self.meta.setdefault(key, a.get("content"))
        elif tag == "link":
            self.links.append(a)
        elif tag in ("title", "h1"):
            self._in = tag
            if tag == "h1":
                self.h1.append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.h1[-1] += data


def read(rel):
    p = Page()
    p.feed((DIST / rel).read_text())
    return p


class Previews(unittest.TestCase):
    def test_every_news_item_and_event_has_its_preview_in_both_languages(self):
        for kind, items in (("news", NEWS), ("events", EVENTS)):
            for item in items:
                for lang in ("es", "en"):
                    p = read(f"{lang}/{kind}/{item['id']}/index.html")
                    title = item["title"].get(lang) or item["title"]["es"]
                    summary = item["summary"].get(lang) or item["summary"]["es"]
                    self.assertEqual(p.lang, lang)
                    self.assertTrue(p.title.startswith(title), p.title)
                    self.assertEqual(p.meta["og:title"], title)
                    self.assertEqual(p.meta["og:description"], summary[:300])
                    self.assertEqual(p.meta["description"], summary[:300])
                    self.assertEqual(p.meta["twitter:card"], "summary")
                    self.assertTrue(p.meta["og:url"].startswith("http") and p.meta["og:url"].endswith(f"/{lang}/{kind}/{item['id']}"))
                    canonical = [l["href"] for l in p.links if l.get("rel") == "canonical"]
                    self.assertEqual(canonical, [p.meta["og:url"]])
                    alternates = {l["hreflang"]: l["href"] for l in p.links if l.get("rel") == "alternate" and l.get("hreflang") and "/feeds/" not in l["href"] and not l["href"].startswith("feeds/")}
                    self.assertEqual(set(alternates), {"es", "en"})
                    self.assertEqual(p.h1[-1], title)

    def test_list_pages_and_home(self):
        p = read("en/news/index.html")
        self.assertTrue(p.title.startswith("News"))
        self.assertEqual(p.meta["og:type"], "website")
        home = read("es/index.html")
        self.assertEqual(home.meta["og:title"], "Observatorio de Compras Públicas de la Alianza del Pacífico")


if __name__ == "__main__":
    unittest.main()
