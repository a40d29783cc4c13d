//! Link previews: a static HTML file per shareable URL, written by the publishing step from the
//! built `index.html`, with that page's title, description, canonical URL, language alternates
//! and Open Graph / Twitter card tags, and its heading and summary as the static first view (the
//! app replaces it when it starts). Static hosts then answer deep links with 200 and this page,
//! and WhatsApp, LinkedIn and search engines read the right preview without running the app.

use crate::feeds::absolute;
use observatorio_core::lang::Lang;
use observatorio_core::markup::escape as esc;
use observatorio_core::model::{Dataset, Document, Event, NewsItem, Topic};
use observatorio_core::routes::Page;

/// What a page shows before the app starts, and says in its preview.
#[derive(Clone)]
pub struct PageMeta {
    pub page: Page,
    pub title: String,
    pub description: String,
    /// Open Graph type: "website" or "article".
    pub kind: &'static str,
}

/// The pages and their texts in one language: list pages first, then items.
pub fn pages(
    lang: Lang,
    topics: &[Topic],
    news: &[NewsItem],
    documents: &[Document],
    events: &[Event],
    datasets: &[Dataset],
) -> Vec<PageMeta> {
    let t = lang.t();
    let list = |page: Page, title: &str| PageMeta {
        page,
        title: title.to_string(),
        description: t.intro_description.to_string(),
        kind: "website",
    };
    let item =
        |page: Page, title: &observatorio_core::model::Text, summary: &observatorio_core::model::Text| PageMeta {
            page,
            title: title.get(lang).to_string(),
            description: summary.get(lang).to_string(),
            kind: "article",
        };
    let mut out = vec![
        PageMeta {
            page: Page::Home,
            title: t.site_name.to_string(),
            description: t.intro_description.to_string(),
            kind: "website",
        },
        list(Page::Topics, t.topics),
        list(Page::News, t.news),
        list(Page::Documents, t.documents),
        list(Page::Events, t.events),
        list(Page::Data, t.data),
        list(Page::About, t.about),
        list(Page::Embed, t.embed),
    ];
    out.extend(observatorio_core::model::InfoKind::ALL.iter().map(|&k| list(Page::Info(k), t.info(k))));
    out.extend(observatorio_core::model::Country::ALL.into_iter().map(|c| {
        let title = if c == observatorio_core::model::Country::Ap {
            lang.o().title.to_string()
        } else {
            format!("{} — {}", lang.o().title, t.country(c))
        };
        PageMeta { page: Page::Indicators(c), title, description: lang.o().intro.to_string(), kind: "website" }
    }));
    out.extend(topics.iter().map(|x| item(Page::Topic(x.id.clone()), &x.title, &x.summary)));
    out.extend(news.iter().map(|x| item(Page::NewsItem(x.id.clone()), &x.title, &x.summary)));
    out.extend(events.iter().map(|x| item(Page::Event(x.id.clone()), &x.title, &x.summary)));
    out.extend(documents.iter().map(|x| item(Page::Document(x.id.clone()), &x.title, &x.summary)));
    out.extend(datasets.iter().map(|x| item(Page::Dataset(x.id.clone()), &x.title, &x.summary)));
    out
}

/// Replaces the first `from…to` span (inclusive) that starts with `from`.
fn replace_span(html: &str, from: &str, to: &str, with: &str) -> Option<String> {
    let start = html.find(from)?;
    let end = start + html[start..].find(to)? + to.len();
    Some(format!("{}{with}{}", &html[..start], &html[end..]))
}

/// The `<meta … name=description>` tag, however the minifier wrote it.
fn replace_description(html: &str, with: &str) -> Option<String> {
    let at = html.find("name=description").or_else(|| html.find("name=\"description\""))?;
    let start = html[..at].rfind("<meta")?;
    let end = at + html[at..].find('>')? + 1;
    Some(format!("{}{with}{}", &html[..start], &html[end..]))
}

/// The content files a page reads first (what the app fetches for it, under `content/`), so the
/// page preloads those instead of the home page's digest. An item's page reads its own file.
fn files_for(page: &Page) -> Vec<String> {
    use observatorio_core::published::{content_file, item_file, list_index, list_page};
    let full = |key: &str| content_file(&format!("{key}.json"));
    let item = |key: &str, id: &str| {
        let file = format!("{key}.json");
        let own = if observatorio_core::model::is_valid_id(id) { item_file(&file, id) } else { content_file(&file) };
        vec![own, full("topics")]
    };
    match page {
        Page::NewsItem(id) => item("news", id),
        Page::Document(id) => item("documents", id),
        Page::Event(id) => item("events", id),
        Page::Home | Page::Indicators(_) => Vec::new(),
        // The search index loads in parts, as the query needs them.
        Page::Search => Vec::new(),
        Page::Topics => vec![full("topics")],
        Page::Topic(_) => {
            vec![full("topics"), list_index("news"), list_index("documents"), list_index("events"), full("datasets")]
        }
        // A list's index and its first page file (see `model::list`).
        Page::News => vec![list_index("news"), list_page("news", 0), full("topics")],
        Page::Documents => vec![list_index("documents"), list_page("documents", 0), full("topics")],
        Page::Events => vec![list_index("events"), full("topics")],
        Page::Data | Page::Dataset(_) => vec![full("datasets"), full("topics")],
        Page::About | Page::Info(_) => vec![full("site")],
        Page::Embed => vec![full("datasets"), full("topics")],
    }
}

/// What a page preloads once its first view is painted (see `bundle::START`): nothing for a
/// route that keeps its static first view (the app goes live without its chunk or content);
/// otherwise its chunk's wasm files (`chunks`: per chunk, from `build.json`) and the content
/// files it reads first.
pub fn preloads(page: &Page, chunks: &std::collections::BTreeMap<String, Vec<String>>) -> Vec<String> {
    let view = observatorio::chunks::View::of(page);
    if view.keeps_first_view() {
        return Vec::new();
    }
    let code = chunks.get(view.chunk().name()).cloned().unwrap_or_default();
    // The indicators read the open-contracting sources' manifest first (then its digests).
    let data = matches!(page, Page::Indicators(_)).then(|| observatorio_core::published::ocds::MANIFEST.to_string());
    code.into_iter().chain(files_for(page)).chain(data).collect()
}

/// What an indicators page opened at a profile preloads instead of its own files: the
/// profile's chunk (`chunks::Chunk::Profile`) and the manifest (which says where the profiles
/// are); `START` adds the profile's own file.
pub fn profile_preloads(chunks: &std::collections::BTreeMap<String, Vec<String>>) -> Vec<String> {
    let code = chunks.get(observatorio::chunks::Chunk::Profile.name()).cloned().unwrap_or_default();
    code.into_iter().chain([observatorio_core::published::ocds::MANIFEST.to_string()]).collect()
}

/// Whether a page's first view is rendered by the app's components at build time: every page
/// whose content comes from the content files, and the indicators (their heading, explanations
/// and placeholders for the figures, which the browser computes: the app takes the page over
/// once they are there, so nothing moves). The embed builder and search results keep the
/// heading-and-summary view.
pub fn drawn_by_app(page: &Page) -> bool {
    !matches!(page, Page::Embed | Page::Search)
}

/// The deployment base written in the template's `<base href>` ("" at the root).
pub fn template_base(template: &str) -> String {
    let href = template.find("<base href=").map(|at| {
        let rest = &template[at + "<base href=".len()..];
        let rest = rest.trim_start_matches('"');
        rest[..rest.find(['"', '>', ' ']).unwrap_or(rest.len())].to_string()
    });
    observatorio_core::routes::normalize_base(&href.unwrap_or_default())
}

/// Puts `view` (the app's own rendering of the page) in `#app` in place of the template's
/// generic first view, and marks it so the app takes it over (see `app::mount`). Its
/// `<noscript>` note says what works without JavaScript: the page is readable now.
fn put_first_view(html: &str, view: &str, lang: Lang, date: chrono::NaiveDate) -> Option<String> {
    let (open, start) = ["<div id=app>", "<div id=\"app\">"].iter().find_map(|m| html.find(m).map(|at| (*m, at)))?;
    let inner = start + open.len();
    let end = inner + html[inner..].find("<noscript")?;
    let after = end + html[end..].find("</noscript>")? + "</noscript>".len();
    let note = format!("<noscript><p class=\"notice\">{}</p></noscript>", esc(lang.t().no_js_static));
    Some(format!("{}<div id=app data-ssr data-date={date}>{view}{note}{}", &html[..start], &html[after..]))
}

/// One page's HTML from the built `index.html`; `None` if the template lacks a marker (then the
/// app's own 404.html fallback still serves the URL). `view`, when given, is the page's first
/// view rendered by the app's components; without it, the page shows its heading and summary.
pub fn render(
    template: &str,
    lang: Lang,
    meta: &PageMeta,
    site_url: &str,
    site_name: &str,
    view: Option<(&str, chrono::NaiveDate)>,
    preloads: &[String],
) -> Option<String> {
    let url = absolute(site_url, &meta.page.path(lang));
    let full_title =
        if meta.page == Page::Home { meta.title.clone() } else { format!("{} · {site_name}", meta.title) };
    let desc: String = meta.description.chars().take(300).collect();
    let mut head = format!("<meta name=\"description\" content=\"{}\">", esc(&desc));
    head.push_str(&format!("<link rel=\"canonical\" href=\"{}\">", esc(&url)));
    for alt in Lang::ALL {
        head.push_str(&format!(
            "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
            alt.code(),
            esc(&absolute(site_url, &meta.page.path(alt)))
        ));
    }
    let locale = match lang {
        Lang::Es => "es_419",
        Lang::En => "en_US",
    };
    for (p, v) in [
        ("og:type", meta.kind),
        ("og:site_name", site_name),
        ("og:title", &meta.title),
        ("og:description", &desc),
        ("og:url", &url),
        ("og:locale", locale),
    ] {
        head.push_str(&format!("<meta property=\"{p}\" content=\"{}\">", esc(v)));
    }
    head.push_str("<meta name=\"twitter:card\" content=\"summary\">");
    head.push_str(&format!("<meta name=\"twitter:title\" content=\"{}\">", esc(&meta.title)));
    head.push_str(&format!("<meta name=\"twitter:description\" content=\"{}\">", esc(&desc)));

    let html = template.replacen("<html lang=es>", &format!("<html lang={}>", lang.code()), 1).replacen(
        "<html lang=\"es\">",
        &format!("<html lang=\"{}\">", lang.code()),
        1,
    );
    let html = replace_span(&html, "<title>", "</title>", &format!("<title>{}</title>", esc(&full_title)))?;
    let html = match replace_span(&html, "<div id=\"app-unavailable\"", "</div>", &unavailable(lang, &meta.page)) {
        Some(with_notice) => with_notice,
        None => html,
    };
    let html = html.replacen(
        &observatorio_core::published::manifest(Lang::Es),
        &observatorio_core::published::manifest(lang),
        1,
    );
    let html = crate::bundle::with_preloads(&html, preloads);
    let html = replace_description(&html, &head)?;
    if let Some((view, date)) = view {
        return put_first_view(&html, view, lang, date);
    }
    // The static first view: this page's heading and summary instead of the home page's hero.
    let start = html.find("id=shell-hero").or_else(|| html.find("id=\"shell-hero\""))?;
    let section = html[..start].rfind("<section")?;
    let end = start + html[start..].find("</section>")? + "</section>".len();
    let intro = if meta.page == Page::Home {
        format!(
            "<section class=hero id=shell-hero><h1>{}</h1><p class=lead>{}</p></section>",
            esc(&meta.title),
            esc(&desc)
        )
    } else {
        format!(
            "<section class=page-intro id=shell-page><h1>{}</h1><p class=lead>{}</p></section>",
            esc(&meta.title),
            esc(&desc)
        )
    };
    Some(format!("{}{intro}{}", &html[..section], &html[end..]))
}

/// The notice said when the app cannot start (see `.app-unavailable` in the stylesheet), in the
/// page's language; its retry loads the page again (a link: it works with no script at all).
fn unavailable(lang: Lang, page: &Page) -> String {
    let t = lang.t();
    let href = page.path(lang);
    format!(
        "<div id=\"app-unavailable\" class=\"app-unavailable\" role=\"status\"><p>{} <a href=\"{}\">{}</a></p></div>",
        esc(t.app_unavailable),
        esc(href.trim_start_matches('/')),
        esc(t.retry)
    )
}

/// Where a page's file goes: `es/news/observatory-launch/index.html`.
pub fn file_path(lang: Lang, page: &Page) -> String {
    format!("{}/index.html", page.path(lang).trim_start_matches('/').trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use observatorio_core::model::Text;

    const TEMPLATE: &str = "<!doctype html><html lang=es><meta charset=utf-8><title>Observatorio</title><meta content=\"x\" name=description><base href=/><script id=\"app-start\" data-js=\"app/o.js\" data-wasm=\"app/o.wasm\" data-preload=\"\"></script><body><div id=app><main><div class=home><section class=hero id=shell-hero><h1 data-en=Obs>Observatorio</h1><p class=lead>x</p></section><div class=skeleton></div></div></main></div></body></html>";

    #[test]
    fn the_notice_for_an_app_that_cannot_start_is_in_the_pages_language_and_reloads_it() {
        let template = TEMPLATE.replace(
            "</body>",
            "<div id=\"app-unavailable\" class=\"app-unavailable\" role=\"status\"><p><span>La búsqueda…</span> <a href=\"./es/\">Reintentar</a></p></div></body>",
        );
        let meta = PageMeta {
            page: Page::Event("forum".into()),
            title: "Forum".into(),
            description: "d".into(),
            kind: "article",
        };
        let html = render(&template, Lang::En, &meta, "https://ejemplo.org/obs/", "O", None, &[]).unwrap();
        assert!(html.contains(&format!(
            "<p>{} <a href=\"en/events/forum\">Try again</a></p></div></body>",
            Lang::En.t().app_unavailable
        )));
        assert!(!html.contains("Reintentar") && !html.contains("La búsqueda"));
        // A template without it is still a page.
        assert!(render(TEMPLATE, Lang::En, &meta, "https://ejemplo.org/obs/", "O", None, &[]).is_some());
    }

    #[test]
    fn a_page_gets_its_tags_and_first_view() {
        let meta = PageMeta {
            page: Page::NewsItem("launch".into()),
            title: Text::new("Se lanza <el> \"Observatorio\"", "x").es,
            description: "Resumen & más".into(),
            kind: "article",
        };
        let html = render(TEMPLATE, Lang::Es, &meta, "https://ejemplo.org/obs/", "Observatorio", None, &[]).unwrap();
        assert!(html.contains("<title>Se lanza &lt;el&gt; &quot;Observatorio&quot; · Observatorio</title>"));
        assert!(html.contains("<meta property=\"og:url\" content=\"https://ejemplo.org/obs/es/news/launch\">"));
        assert!(
            html.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://ejemplo.org/obs/en/news/launch\">")
        );
        assert!(html.contains("<meta name=\"description\" content=\"Resumen &amp; más\">"));
        assert!(html.contains("<meta name=\"twitter:card\" content=\"summary\">"));
        assert!(html.contains("<section class=page-intro id=shell-page><h1>Se lanza &lt;el&gt;"));
        assert!(!html.contains("shell-hero") && !html.contains("content=\"x\""));
        assert_eq!(html.matches("<title>").count(), 1);
        // A news item keeps its static first view: it preloads nothing.
        assert!(html.contains("data-preload=\"\""));
        let chunks = std::collections::BTreeMap::from([
            ("content".to_string(), vec!["app/chunk_1-x.wasm".to_string(), "app/split_content-y.wasm".to_string()]),
            ("data".to_string(), vec!["app/split_data-z.wasm".to_string()]),
        ]);
        assert!(preloads(&Page::NewsItem("launch".into()), &chunks).is_empty());
        assert!(preloads(&Page::Home, &chunks).is_empty());
        // A list page: its chunk's files, then the content it reads first.
        assert_eq!(
            preloads(&Page::News, &chunks),
            [
                "app/chunk_1-x.wasm",
                "app/split_content-y.wasm",
                "content/lists/news.json",
                "content/lists/news/0.json",
                "content/topics.json"
            ]
        );
        assert_eq!(
            preloads(&Page::Document("cite".into()), &chunks),
            [
                "app/chunk_1-x.wasm",
                "app/split_content-y.wasm",
                "content/items/documents/cite.json",
                "content/topics.json"
            ]
        );
        let list = PageMeta { page: Page::News, ..meta.clone() };
        let html =
            render(TEMPLATE, Lang::Es, &list, "https://ejemplo.org/obs/", "O", None, &preloads(&Page::News, &chunks))
                .unwrap();
        assert!(html.contains("data-preload=\"app/chunk_1-x.wasm app/split_content-y.wasm content/lists/news.json"));
        assert_eq!(preloads(&Page::Indicators(observatorio_core::model::Country::Pe), &chunks), ["ocds/manifest.json"]);
        assert_eq!(
            files_for(&Page::News),
            ["content/lists/news.json", "content/lists/news/0.json", "content/topics.json"]
        );
        assert_eq!(files_for(&Page::NewsItem("../x".into())), ["content/news.json", "content/topics.json"]);
        assert!(files_for(&Page::Search).is_empty());
        let en = render(TEMPLATE, Lang::En, &meta, "https://ejemplo.org", "Observatory", None, &[]).unwrap();
        assert!(en.starts_with("<!doctype html><html lang=en>"));
        assert_eq!(file_path(Lang::En, &Page::NewsItem("launch".into())), "en/news/launch/index.html");
        assert_eq!(file_path(Lang::Es, &Page::Home), "es/index.html");
        assert!(render("<html>no markers</html>", Lang::Es, &meta, "https://x.org", "O", None, &[]).is_none());
    }
}
