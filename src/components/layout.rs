//! Site header (brand, sections, language switch) and footer.

use crate::components::search_box::SearchBox;
use crate::context::{use_lang, Base};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use observatorio_core::routes::{strip_base, switch_lang, Page};

#[component]
pub fn Header() -> impl IntoView {
    let lang = use_lang();
    let t = lang.t();
    let (open, set_open) = signal(false);
    let location = use_location();
    // Close the phone menu whenever the page changes.
    Effect::new(move |_| {
        location.pathname.track();
        set_open.set(false);
    });
    let base = use_context::<Base>().map(|b| b.0).unwrap_or_default();
    let other_href = move || {
        let path = location.pathname.get();
        let search = location.search.get();
        let here = strip_base(&path, &base).to_string();
        let with_query = if search.is_empty() { here } else { format!("{here}?{}", search.trim_start_matches('?')) };
        observatorio_core::routes::href(&switch_lang(&with_query, lang.other()))
    };
    let nav = move || {
        let l = lang;
        let t = l.t();
        [
            (Page::Home, t.home),
            (Page::Topics, t.topics),
            (Page::News, t.news),
            (Page::Documents, t.documents),
            (Page::Events, t.events),
            (Page::Data, t.data),
            (Page::Indicators(observatorio_core::model::Country::Ap), t.indicators),
            (Page::About, t.about),
        ]
        .into_iter()
        .map(|(page, label)| {
            let exact = page == Page::Home;
            view! {
                <li>
                    <A href=page.href(l) exact=exact>
                        {label}
                    </A>
                </li>
            }
        })
        .collect_view()
    };
    view! {
        <a class="skip-link" href="#main">
            {t.skip_to_content}
        </a>
        <header class="site-header">
            <div class="bar">
                <A href=Page::Home.href(lang) exact=true attr:class="brand">
                    // The mark: four rising bars, one per member in its colour, on the white disc.
                    <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                        <rect x="6" y="17" width="4" height="8" rx="1" fill="#0039a6"></rect>
                        <rect x="11.3" y="12" width="4" height="13" rx="1" fill="#e0b400"></rect>
                        <rect x="16.6" y="8" width="4" height="17" rx="1" fill="#006847"></rect>
                        <rect x="21.9" y="13" width="4" height="12" rx="1" fill="#d91023"></rect>
                    </svg>
                    <span class="brand-name">{t.short_name}</span>
                    <span class="sr-only">{format!(" — {}", t.home)}</span>
                </A>
                <div class="bar-actions">
                    <A
                        href=other_href
                        attr:class="lang-switch"
                        attr:hreflang=lang.other().code()
                        attr:lang=lang.other().code()
                        attr:aria-label=t.switch_label
                    >
                        <span class="wide">{t.switch_to}</span>
                        <span class="narrow" aria-hidden="true">
                            {lang.other().code().to_uppercase()}
                        </span>
                    </A>
                    <button
                        type="button"
                        class="menu-button"
                        aria-controls="site-nav"
                        aria-expanded=move || open.get().to_string()
                        on:click=move |_| set_open.update(|o| *o = !*o)
                    >
                        {t.menu}
                    </button>
                </div>
            </div>
            <div class="search-row">
                <SearchBox />
            </div>
            <nav id="site-nav" class="site-nav" class:open=move || open.get() aria-label=t.nav_label>
                <ul>{nav}</ul>
            </nav>
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let lang = use_lang();
    let t = lang.t();
    view! {
        <footer class="site-footer">
            <nav class="footer-nav" aria-label=t.info_footer()>
                <ul>
                    {observatorio_core::model::InfoKind::ALL
                        .iter()
                        .map(|&k| {
                            view! {
                                <li>
                                    <A href=Page::Info(k).href(lang)>{t.info(k)}</A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <p>{t.footer_note}</p>
            <p class="muted">{t.footer_content}</p>
            <p>
                <A href=Page::Embed.href(lang)>{t.embed}</A>
                " · "
                <a href=observatorio_core::published::offline_href(lang) rel="external">
                    {t.offline_heading}
                </a>
            </p>
        </footer>
    }
}
