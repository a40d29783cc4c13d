use crate::api::use_store;
use crate::components::bits::{use_meta, ExternalLink, Paragraphs, Tx};
use crate::components::section::Section;
use crate::context::use_lang;
use leptos::prelude::*;

#[component]
pub fn AboutPage() -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    use_meta(|l| (l.t().about.to_string(), l.t().intro_description.to_string()));
    view! {
        <div class="page prose">
            <h1>{lang.t().about}</h1>
            <Section
                res=store.site
                render=|site| {
                    site.items
                        .first()
                        .cloned()
                        .map(|s| {
                            view! {
                                <p class="lead">
                                    <Tx text=s.tagline />
                                </p>
                                <Paragraphs blocks=s.about />
                                {s
                                    .url
                                    .map(|u| {
                                        view! {
                                            <p>
                                                <ExternalLink url=u>
                                                    <Tx text=s.name />
                                                </ExternalLink>
                                            </p>
                                        }
                                    })}
                            }
                        })
                }
            />
            <p class="muted">{lang.t().footer_content}</p>
        </div>
    }
}
