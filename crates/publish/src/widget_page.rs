//! The widgets' static pages, written by the publishing step: each carries its content (so it
//! is visible with a single request), the widget stylesheet and a small script that applies the
//! reader's options and reports the height to the host page (see `widget.js`).
//!
//! A list widget holds, for every combination of country and area a host may ask for, the
//! first `MAX_COUNT` items (their union, usually far fewer than the product), so any valid
//! options find their items in the page; the script then hides all but the first `n` that match.

use chrono::NaiveDate;
use observatorio_core::charts::{scene::layout, spec::ChartSpec, summary::summary, svg};
use observatorio_core::i18n::{event_when, format_partial_date};
use observatorio_core::lang::Lang;
use observatorio_core::markup::escape;
use observatorio_core::model::{ChartKind, Country, Dataset, Event, NewsItem, Topic};
use observatorio_core::routes::Page;
use observatorio_core::widget::{oembed, Kind, Options, MAX_COUNT};
use std::collections::HashSet;

const CSS: &str = include_str!("../../../style/widget.css");
const SCRIPT: &str = include_str!("widget.js");
/// Items shown before the script runs (the default count).
const SHOWN: usize = observatorio_core::widget::DEFAULT_COUNT as usize;

/// The content a widget can show.
pub struct Content<'a> {
    pub topics: &'a [Topic],
    pub news: &'a [NewsItem],
    pub events: &'a [Event],
    pub datasets: &'a [Dataset],
}

/// Indices of `items` (already in display order) that some combination of country and area
/// shows among its first `MAX_COUNT` (with or without samples): the union over all
/// combinations, in display order.
fn union<T>(
    items: &[T],
    topics: &[Topic],
    country: impl Fn(&T) -> Country,
    areas: impl Fn(&T) -> &[String],
    sample: impl Fn(&T) -> bool,
) -> Vec<usize> {
    let mut keep = HashSet::new();
    let countries = std::iter::once(None).chain(Country::ALL.into_iter().map(Some));
    for c in countries {
        for a in std::iter::once(None).chain(topics.iter().map(|t| Some(t.id.as_str()))) {
            // With and without the samples (`samples=0`).
            for samples in [true, false] {
                // A country means that country's items, as the site's own filter does.
                let matching = items.iter().enumerate().filter(|(_, it)| {
                    c.is_none_or(|c| country(it) == c)
                        && a.is_none_or(|a| areas(it).iter().any(|x| x == a))
                        && (samples || !sample(it))
                });
                keep.extend(matching.take(MAX_COUNT as usize).map(|(i, _)| i));
            }
        }
    }
    let mut out: Vec<usize> = keep.into_iter().collect();
    out.sort_unstable();
    out
}

/// `href` from a widget page to a site page: the page's `<base>` points at the site's root.
fn link(page: &Page, lang: Lang) -> String {
    escape(page.path(lang).trim_start_matches('/'))
}

/// One list entry, as written in the page.
struct Entry<'a> {
    country: Country,
    areas: &'a [String],
    /// Events: the last day, after which the script hides the entry.
    end: Option<NaiveDate>,
    href: String,
    title: &'a str,
    meta: String,
    summary: &'a str,
    sample: bool,
}

/// The `n`th entry (only the first `SHOWN` are visible before the script runs).
fn item(lang: Lang, n: usize, e: Entry) -> String {
    let w = lang.w();
    let t = lang.t();
    let end = e.end.map(|d| format!(" data-end=\"{d}\"")).unwrap_or_default();
    let sample = if e.sample { format!(" <span class=\"w-sample\">{}</span>", t.sample) } else { String::new() };
    let flag = if e.sample { " data-sample=\"1\"" } else { "" };
    format!(
        "<li class=\"w-item\" data-country=\"{}\" data-areas=\"{}\"{end}{flag}{}><a href=\"{}\" rel=\"noopener\">{}<span class=\"sr-only\"> {}</span></a>{sample}<p class=\"w-meta\">{}</p><p class=\"w-sum\">{}</p></li>",
        e.country.code(),
        escape(&e.areas.join(" ")),
        if n >= SHOWN { " hidden" } else { "" },
        e.href,
        escape(e.title),
        w.new_tab,
        escape(&e.meta),
        escape(e.summary),
    )
}

fn list(lang: Lang, kind: Kind, c: &Content, today: NaiveDate) -> String {
    let t = lang.t();
    let mut out = String::from("<ul class=\"w-list\">");
    match kind {
        Kind::Events => {
            let mut upcoming: Vec<&Event> =
                c.events.iter().filter(|e| e.end.date().max(e.start.date()) >= today).collect();
            upcoming.sort_by_key(|e| e.start.date());
            let keep = union(&upcoming, c.topics, |e| e.country, |e| &e.topics, |e| e.sample);
            for (n, i) in keep.into_iter().enumerate() {
                let e = upcoming[i];
                let meta =
                    format!("{} · {}", event_when(lang, &e.start, &e.end, e.timezone.as_deref()), t.country(e.country));
                out.push_str(&item(
                    lang,
                    n,
                    Entry {
                        country: e.country,
                        areas: &e.topics,
                        end: Some(e.end.date().max(e.start.date())),
                        href: link(&Page::Event(e.id.clone()), lang),
                        title: e.title.get(lang),
                        meta,
                        summary: e.summary.get(lang),
                        sample: e.sample,
                    },
                ));
            }
        }
        _ => {
            let mut news: Vec<&NewsItem> = c.news.iter().collect();
            news.sort_by_key(|n| std::cmp::Reverse(n.date));
            let keep = union(&news, c.topics, |n| n.country, |n| &n.topics, |n| n.sample);
            for (k, i) in keep.into_iter().enumerate() {
                let n = news[i];
                let meta = format!("{} · {}", format_partial_date(lang, &n.date), t.country(n.country));
                out.push_str(&item(
                    lang,
                    k,
                    Entry {
                        country: n.country,
                        areas: &n.topics,
                        end: None,
                        href: link(&Page::NewsItem(n.id.clone()), lang),
                        title: n.title.get(lang),
                        meta,
                        summary: n.summary.get(lang),
                        sample: n.sample,
                    },
                ));
            }
        }
    }
    out.push_str("</ul>");
    out
}

fn chart(lang: Lang, d: &Dataset) -> String {
    let t = lang.t();
    let spec = ChartSpec::from_dataset(d, lang);
    let described = summary(&spec, lang);
    let body = if d.chart == Some(ChartKind::Figures) {
        let first = spec.series.first();
        spec.categories
            .iter()
            .enumerate()
            .map(|(i, cat)| {
                let v = first.and_then(|s| s.values.get(i).copied().flatten());
                let at_least = first.and_then(|s| s.at_least.get(i).copied()).unwrap_or(false);
                let value = v.map_or(t.not_stated.to_string(), |v| {
                    observatorio_core::charts::scene::full_value(lang, v, at_least, spec.unit.as_deref())
                });
                format!(
                    "<div class=\"w-figure\"><span class=\"w-value\">{}</span> <span>{}</span></div>",
                    escape(&value),
                    escape(cat)
                )
            })
            .collect()
    } else {
        let scene = layout(&spec, 400.0, lang);
        let mut s = svg::render(&scene, "w", &described);
        if spec.series.len() > 1 {
            s.push_str("<ul class=\"w-legend\">");
            for (i, series) in spec.series.iter().enumerate() {
                s.push_str(&format!(
                    "<li><svg viewBox=\"0 0 12 12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" fill=\"{}\"/></svg> {}</li>",
                    svg::fill("w", i),
                    escape(&series.name)
                ));
            }
            s.push_str("</ul>");
        }
        s
    };
    let sample = if d.sample { format!(" <span class=\"w-sample\">{}</span>", t.sample) } else { String::new() };
    format!(
        "<p class=\"w-sub\">{}{sample}</p><div class=\"w-chart\">{body}</div><p class=\"sr-only\">{}</p><p class=\"w-meta\">{}: {}</p>",
        escape(d.summary.get(lang)),
        escape(&described),
        t.source,
        escape(d.source.get(lang)),
    )
}

/// One widget page, with a `<base>` at the site's root (links are written from there).
fn document(
    lang: Lang,
    o: &Options,
    heading: &str,
    body: &str,
    more: Option<(String, &str)>,
    topics: &[Topic],
    today: NaiveDate,
) -> String {
    let w = lang.w();
    let t = lang.t();
    let depth = o.path().matches('/').count();
    let root = "../".repeat(depth);
    let oembed_path = o.oembed_path();
    let more = more
        .map(|(href, text)| format!("<p class=\"w-more\"><a href=\"{href}\" rel=\"noopener\">{text} →<span class=\"sr-only\"> {}</span></a></p>", w.new_tab))
        .unwrap_or_default();
    let areas: Vec<&str> = topics.iter().map(|t| t.id.as_str()).collect();
    let empty = match o.kind {
        Kind::Events => t.no_upcoming,
        _ => w.no_news,
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{l}\" data-theme=\"auto\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n<meta name=\"color-scheme\" content=\"light dark\">\n<title>{title} · {site}</title>\n<base href=\"{root}\" target=\"_blank\">\n<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{oembed_path}\" title=\"{title}\">\n<style>{CSS}</style>\n</head>\n<body>\n<div class=\"w\" data-kind=\"{kind}\" data-areas=\"{areas}\" data-built=\"{today}\" data-list=\"{list_path}\">\n<header class=\"w-head\"><a class=\"w-brand\" href=\"{home}\" rel=\"noopener\">{from}<span class=\"sr-only\"> {new_tab}</span></a><h1 class=\"w-title\">{heading}</h1></header>\n<p class=\"w-note\" hidden>{ignored} <span></span></p>\n{body}\n{empty_p}{more}</div>\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
        l = lang.code(),
        title = escape(heading),
        site = escape(t.site_name),
        kind = o.kind.code(),
        areas = escape(&areas.join(" ")),
        list_path = match o.kind {
            Kind::Events => link(&Page::Events, lang),
            Kind::News => link(&Page::News, lang),
            _ => String::new(),
        },
        home = link(&Page::Home, lang),
        from = w.from,
        new_tab = w.new_tab,
        ignored = w.ignored,
        empty_p = if o.kind.lists() {
            // When the options match nothing, the latest items are shown instead, and said so.
            let nearest = lang.pick(
                "Nada con estas opciones por ahora: estos son los más recientes del Observatorio.",
                "Nothing with these options for now: these are the Observatory's latest.",
            );
            format!("<p class=\"w-empty\" hidden>{}</p>\n<p class=\"w-nearest\" hidden>{}</p>\n", escape(empty), escape(nearest))
        } else {
            String::new()
        },
    )
}

/// A widget page before its frame: options, heading, body, and the link to see more.
type Built<'a> = (Options, String, String, Option<(String, &'a str)>);

/// Every widget page and oEmbed description: (path from the site's root, text).
pub fn all(c: &Content, today: NaiveDate, site_url: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let site = format!("{}/", site_url.trim_end_matches('/'));
    for lang in Lang::ALL {
        let w = lang.w();
        let t = lang.t();
        let mut pages: Vec<Built> = Vec::new();
        for kind in [Kind::Events, Kind::News] {
            let o = Options { kind, lang, ..Options::default() };
            let more = if kind == Kind::Events {
                (link(&Page::Events, lang), t.all_events)
            } else {
                (link(&Page::News, lang), t.all_news)
            };
            pages.push((o, w.kind_title(kind).to_string(), list(lang, kind, c, today), Some(more)));
        }
        let search = format!(
            "<form class=\"w-search\" role=\"search\" action=\"{}\" method=\"get\" target=\"_blank\" rel=\"noopener\"><label for=\"q\" class=\"sr-only\">{}</label><input id=\"q\" name=\"q\" type=\"search\" maxlength=\"200\" required placeholder=\"{}\"><button type=\"submit\">{}<span class=\"sr-only\"> {}</span></button></form>",
            link(&Page::Search, lang),
            t.search_label,
            escape(t.search_placeholder),
            w.search_button,
            w.new_tab
        );
        pages.push((Options { kind: Kind::Search, lang, ..Options::default() }, w.search.to_string(), search, None));
        // Every dataset with a chart, the computed procurement comparison among them; each
        // widget links to its content's page (`Options::site_page`).
        for d in c.datasets.iter().filter(|d| d.chart.is_some() && observatorio_core::widget::valid_id(&d.id)) {
            let o = Options {
                kind: Kind::Chart,
                lang,
                dataset: Some(d.id.clone()),
                label: Some(d.title.get(lang).to_string()),
                ..Options::default()
            };
            let more = (link(&o.site_page(), lang), w.see_on_site);
            pages.push((o, d.title.get(lang).to_string(), chart(lang, d), Some(more)));
        }
        for (o, heading, body, more) in pages {
            out.push((o.path(), document(lang, &o, &heading, &body, more, c.topics, today)));
            out.push((o.oembed_path(), oembed(&o, &site, t.site_name)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use observatorio_core::model::parse_file;

    fn bundled<T: observatorio_core::model::ContentFile>(f: &str) -> Vec<T> {
        parse_file::<T>(
            &std::fs::read_to_string(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/content").join(f),
            )
            .unwrap(),
        )
        .unwrap()
        .items
    }

    #[test]
    fn pages_carry_their_content_links_and_script() {
        let (topics, news, events, datasets) = (
            bundled::<Topic>("topics.json"),
            bundled::<NewsItem>("news.json"),
            bundled::<Event>("events.json"),
            bundled::<Dataset>("datasets.json"),
        );
        let c = Content { topics: &topics, news: &news, events: &events, datasets: &datasets };
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let files: std::collections::HashMap<String, String> =
            all(&c, today, "https://example.org/obs").into_iter().collect();
        let ev = &files["widget/es/events.html"];
        assert!(ev.contains("<base href=\"../../\" target=\"_blank\">"));
        // Only upcoming events (as of the build), each linking into the site.
        let upcoming: Vec<&Event> = events.iter().filter(|e| e.end.date() >= today).collect();
        assert!(!upcoming.is_empty());
        assert_eq!(ev.matches("class=\"w-item\"").count(), upcoming.len().min(50));
        for e in &upcoming {
            assert!(ev.contains(&format!("href=\"es/events/{}\" rel=\"noopener\"", e.id)), "{}", e.id);
        }
        assert!(ev.contains("<script>") && ev.contains("observatorio:size"));
        let news_page = &files["widget/en/news.html"];
        assert!(news_page.contains("lang=\"en\""));
        // All news fit (the bundled set is small); only the first five are shown before the script runs.
        assert_eq!(news_page.matches("class=\"w-item\"").count(), news.len());
        assert_eq!(news_page.matches(" hidden><a").count(), news.len().saturating_sub(SHOWN));
        let chart_ds = datasets.iter().find(|d| d.chart.is_some_and(|k| k != ChartKind::Figures)).unwrap();
        let chart_page = &files[&format!("widget/es/chart/{}.html", chart_ds.id)];
        assert!(chart_page.contains("<base href=\"../../../\""));
        assert!(chart_page.contains("<svg class=\"chart-svg\""));
        let oe: serde_json::Value =
            serde_json::from_str(&files[&format!("oembed/es/chart/{}.json", chart_ds.id)]).unwrap();
        assert!(oe["html"]
            .as_str()
            .unwrap()
            .contains(&format!("https://example.org/obs/widget/es/chart/{}.html", chart_ds.id)));
        assert!(files["widget/es/search.html"].contains("action=\"es/search\""));
    }

    #[test]
    fn a_large_archive_keeps_only_what_some_options_can_show() {
        let topics = bundled::<Topic>("topics.json");
        let mut news = bundled::<NewsItem>("news.json");
        let base = news[0].clone();
        for i in 0..3000 {
            let mut n = base.clone();
            n.id = format!("n{i}");
            n.country = Country::ALL[i % 5];
            n.topics = vec![topics[i % topics.len()].id.clone()];
            news.push(n);
        }
        let c = Content { topics: &topics, news: &news, events: &[], datasets: &[] };
        let html = list(Lang::Es, Kind::News, &c, NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
        let n = html.matches("class=\"w-item\"").count();
        let combos = (Country::ALL.len() + 1) * (topics.len() + 1);
        assert!(n <= combos * MAX_COUNT as usize && n < 400, "{n} items");
        assert!(n >= MAX_COUNT as usize);
    }
}
