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
                    <span class="brand-mark" aria-hidden="true">
                        "AP"
                    </span>
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
