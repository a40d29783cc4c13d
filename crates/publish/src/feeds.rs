//! News feeds (RSS 2.0 and Atom 1.0), sitemap.xml and robots.txt, written by the publishing
//! step. Pure string building: every text goes through [`escape`](observatorio_core::markup::escape).

use chrono::{Datelike, NaiveDate};
use observatorio_core::lang::Lang;
use observatorio_core::markup::escape;
use observatorio_core::model::{Country, Dataset, Document, Event, NewsItem, PartialDate, Topic};
use observatorio_core::published::news_feed;
use observatorio_core::routes::Page;

/// Items per feed: readers poll feeds; the archive is on the site.
pub const FEED_ITEMS: usize = 50;
/// The sitemap protocol's limit of URLs per file.
pub const SITEMAP_URLS: usize = 50_000;

/// The absolute URL of a page: the site's public address (with its sub-folder) and the path.
pub fn absolute(site_url: &str, path: &str) -> String {
    format!("{}{}", site_url.trim_end_matches('/'), path)
}

fn first_day(d: &PartialDate) -> NaiveDate {
    d.first_day().unwrap_or_default()
}

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// RFC 822 date, as RSS 2.0 wants it: "Mon, 04 Dec 2023 00:00:00 +0000".
pub fn rfc822(d: NaiveDate) -> String {
    format!(
        "{}, {:02} {} {:04} 00:00:00 +0000",
        DAYS[d.weekday().num_days_from_monday() as usize],
        d.day(),
        MONTHS[d.month0() as usize],
        d.year()
    )
}

/// RFC 3339, as Atom wants it.
pub fn rfc3339(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}T00:00:00Z", d.year(), d.month(), d.day())
}

fn feed_title(lang: Lang, country: Option<Country>) -> String {
    let t = lang.t();
    match country {
        None => format!("{} — {}", t.site_name, t.news),
        Some(c) => format!("{} — {} ({})", t.site_name, t.news, t.country(c)),
    }
}

/// The news of a feed: all, or one member's and the Alliance-wide ones; newest first.
pub fn feed_items(news: &[NewsItem], country: Option<Country>) -> Vec<&NewsItem> {
    news.iter()
        .filter(|n| country.is_none_or(|c| n.country == c || n.country == Country::Ap))
        .take(FEED_ITEMS)
        .collect()
}

pub fn rss(news: &[&NewsItem], lang: Lang, country: Option<Country>, site_url: &str) -> String {
    let t = lang.t();
    let home = absolute(site_url, &Page::Home.path(lang));
    let self_url = absolute(site_url, &format!("/{}", news_feed(lang, country, false)));
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
    out.push_str(&format!("<title>{}</title>\n", escape(&feed_title(lang, country))));
    out.push_str(&format!("<link>{}</link>\n", escape(&home)));
    out.push_str(&format!("<description>{}</description>\n", escape(t.intro_description)));
    out.push_str(&format!("<language>{}</language>\n", lang.code()));
    out.push_str(&format!("<atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n", escape(&self_url)));
    if let Some(first) = news.first() {
        out.push_str(&format!("<lastBuildDate>{}</lastBuildDate>\n", rfc822(first_day(&first.date))));
    }
    for n in news {
        let url = absolute(site_url, &Page::NewsItem(n.id.clone()).path(lang));
        out.push_str("<item>\n");
        out.push_str(&format!("<title>{}</title>\n", escape(n.title.get(lang))));
        out.push_str(&format!("<link>{}</link>\n", escape(&url)));
        out.push_str(&format!("<guid isPermaLink=\"true\">{}</guid>\n", escape(&url)));
        out.push_str(&format!("<pubDate>{}</pubDate>\n", rfc822(first_day(&n.date))));
        out.push_str(&format!("<description>{}</description>\n", escape(n.summary.get(lang))));
        out.push_str(&format!("<category>{}</category>\n", escape(t.country(n.country))));
        out.push_str("</item>\n");
    }
    out.push_str("</channel>\n</rss>\n");
    out
}

pub fn atom(news: &[&NewsItem], lang: Lang, country: Option<Country>, site_url: &str) -> String {
    let t = lang.t();
    let home = absolute(site_url, &Page::Home.path(lang));
    let self_url = absolute(site_url, &format!("/{}", news_feed(lang, country, true)));
    let updated = news.first().map(|n| first_day(&n.date)).unwrap_or_default();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n", lang.code()));
    out.push_str(&format!("<id>{}</id>\n", escape(&self_url)));
    out.push_str(&format!("<title>{}</title>\n", escape(&feed_title(lang, country))));
    out.push_str(&format!("<updated>{}</updated>\n", rfc3339(updated)));
    out.push_str(&format!("<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", escape(&home)));
    out.push_str(&format!("<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n", escape(&self_url)));
    out.push_str(&format!("<author><name>{}</name></author>\n", escape(t.site_name)));
    for n in news {
        let url = absolute(site_url, &Page::NewsItem(n.id.clone()).path(lang));
        out.push_str("<entry>\n");
        out.push_str(&format!("<id>{}</id>\n", escape(&url)));
        out.push_str(&format!("<title>{}</title>\n", escape(n.title.get(lang))));
        out.push_str(&format!("<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", escape(&url)));
        out.push_str(&format!("<updated>{}</updated>\n", rfc3339(first_day(&n.date))));
        out.push_str(&format!("<summary>{}</summary>\n", escape(n.summary.get(lang))));
        out.push_str(&format!("<category term=\"{}\"/>\n", n.country.code()));
        out.push_str("</entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// Every shareable page, with its last change when known.
pub struct Pages<'a> {
    pub topics: &'a [Topic],
    pub news: &'a [NewsItem],
    pub documents: &'a [Document],
    pub events: &'a [Event],
    pub datasets: &'a [Dataset],
}

impl Pages<'_> {
    pub fn list(&self) -> Vec<(Page, Option<NaiveDate>)> {
        let mut out: Vec<(Page, Option<NaiveDate>)> =
            [Page::Home, Page::Topics, Page::News, Page::Documents, Page::Events, Page::Data, Page::About, Page::Embed]
                .into_iter()
                .chain(observatorio_core::model::Country::ALL.into_iter().map(Page::Indicators))
                .chain(observatorio_core::model::InfoKind::ALL.iter().map(|&k| Page::Info(k)))
                .map(|p| (p, None))
                .collect();
        out.extend(self.topics.iter().map(|t| (Page::Topic(t.id.clone()), None)));
        out.extend(self.news.iter().map(|n| (Page::NewsItem(n.id.clone()), Some(first_day(&n.date)))));
        out.extend(self.documents.iter().map(|d| (Page::Document(d.id.clone()), Some(first_day(&d.date)))));
        out.extend(self.events.iter().map(|e| (Page::Event(e.id.clone()), None)));
        out.extend(self.datasets.iter().map(|d| (Page::Dataset(d.id.clone()), None)));
        out
    }
}

/// sitemap.xml, or, past the protocol's 50,000 URLs, a sitemap index and numbered parts:
/// (path relative to the site root, XML). Each page is listed in both languages, each pointing
/// to the other (hreflang).
pub fn sitemaps(pages: &[(Page, Option<NaiveDate>)], site_url: &str) -> Vec<(String, String)> {
    let entries: Vec<String> = pages
        .iter()
        .flat_map(|(page, lastmod)| {
            Lang::ALL.into_iter().map(move |lang| {
                let mut e = format!("<url><loc>{}</loc>", escape(&absolute(site_url, &page.path(lang))));
                if let Some(d) = lastmod {
                    e.push_str(&format!("<lastmod>{:04}-{:02}-{:02}</lastmod>", d.year(), d.month(), d.day()));
                }
                for alt in Lang::ALL {
                    e.push_str(&format!(
                        "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                        alt.code(),
                        escape(&absolute(site_url, &page.path(alt)))
                    ));
                }
                e.push_str("</url>\n");
                e
            })
        })
        .collect();
    let urlset = |chunk: &[String]| {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n{}</urlset>\n",
            chunk.concat()
        )
    };
    if entries.len() <= SITEMAP_URLS {
        return vec![("sitemap.xml".into(), urlset(&entries))];
    }
    let parts: Vec<(String, String)> =
        entries.chunks(SITEMAP_URLS).enumerate().map(|(i, c)| (format!("sitemap-{}.xml", i + 1), urlset(c))).collect();
    let index: String = parts
        .iter()
        .map(|(p, _)| format!("<sitemap><loc>{}</loc></sitemap>\n", escape(&absolute(site_url, &format!("/{p}")))))
        .collect();
    let mut out = vec![(
        "sitemap.xml".to_string(),
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n{index}</sitemapindex>\n"),
    )];
    out.extend(parts);
    out
}

pub fn robots(site_url: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {}\n", absolute(site_url, "/sitemap.xml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_paths() {
        let d = NaiveDate::from_ymd_opt(2023, 12, 4).unwrap();
        assert_eq!(rfc822(d), "Mon, 04 Dec 2023 00:00:00 +0000");
        assert_eq!(rfc3339(d), "2023-12-04T00:00:00Z");
        assert_eq!(absolute("https://x.org/obs/", "/es/news"), "https://x.org/obs/es/news");
        assert_eq!(news_feed(Lang::En, Some(Country::Pe), true), "feeds/en/news-pe.atom.xml");
    }

    #[test]
    fn sitemaps_split_past_the_protocol_limit() {
        let pages: Vec<(Page, Option<NaiveDate>)> =
            (0..30_000).map(|i| (Page::NewsItem(format!("n{i}")), None)).collect();
        let maps = sitemaps(&pages, "https://x.org");
        assert_eq!(maps.len(), 3);
        assert!(maps[0].1.contains("<sitemapindex") && maps[0].1.contains("https://x.org/sitemap-2.xml"));
        assert_eq!(maps[1].1.matches("<url>").count(), SITEMAP_URLS);
        assert_eq!(maps[2].1.matches("<url>").count(), 10_000);
        let small = sitemaps(&pages[..3], "https://x.org");
        assert_eq!(small.len(), 1);
        assert!(small[0].1.contains("<loc>https://x.org/en/news/n1</loc>"));
        assert!(small[0].1.contains("hreflang=\"es\" href=\"https://x.org/es/news/n1\""));
    }
}
