use crate::components::bits::use_meta;
use crate::context::use_lang;
use leptos::prelude::*;
use leptos_router::components::A;
use observatorio_core::routes::Page;

/// Unknown URLs.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let lang = use_lang();
    use_meta(|l| (l.t().not_found_title.to_string(), l.t().not_found_text.to_string()));
    view! {
        <div class="page not-found">
            <h1>{lang.t().not_found_title}</h1>
            <p>{lang.t().not_found_text}</p>
            <p>
                <A href=Page::Home.href(lang) attr:class="button">
                    {lang.t().go_home}
                </A>
            </p>
        </div>
    }
}

/// A known kind of page with an id that does not exist (shown inside the section).
#[component]
pub fn NotFoundItem(
    id: String,
    back: Page,
    back_label: fn(observatorio_core::lang::Lang) -> &'static str,
) -> impl IntoView {
    let lang = use_lang();
    use_meta(|l| (l.t().not_found_title.to_string(), l.t().not_found_text.to_string()));
    view! {
        <div class="not-found">
            <h1>{lang.t().not_found_title}</h1>
            <p>{lang.t().not_found_item} " «" <code>{id.clone()}</code> "»."</p>
            <p>
                <A href=back.href(lang) attr:class="button">
                    {back_label(lang)}
                </A>
            </p>
        </div>
    }
}
