//! Document library with filters (type, author, country, area, year) and the document page with
//! its download link and a copyable citation.

use super::{use_id, use_item_meta, NotFoundItem, TopicTags};
use crate::api::{topics_now, use_store};
use crate::components::bits::{use_meta, CountryTag, ExternalLink, Paragraphs, SampleBadge, Tx};
use crate::components::cards::DocCard;
use crate::components::filters::{filtered_rows, use_query_filter, with_counts, FilterField};
use crate::components::section::{RowsSection, Section};
use crate::context::use_lang;
use leptos::prelude::*;
use leptos_router::components::A;
use observatorio_core::cite::citation;
use observatorio_core::filter::DocFilter;
use observatorio_core::i18n::format_partial_date;
use observatorio_core::model::{AuthorKind, DocKind};
use observatorio_core::routes::Page;

#[component]
pub fn DocumentsPage() -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let parsed = use_query_filter(|pairs| DocFilter::from_query(pairs));
    use_meta(|l| (l.t().documents.to_string(), l.t().intro_description.to_string()));
    view! {
        <div class="page">
            <h1>{lang.t().documents}</h1>
            <RowsSection
                list=store.lists().documents
                render=move |rows| {
                    move || {
                        let l = lang;
                        let t = l.t();
                        let (filter, ignored) = parsed.get();
                        let topics = topics_now(store);
                        let mut fields = vec![
                            FilterField {
                                key: "type",
                                label: t.filter_type,
                                options: DocKind::ALL
                                    .iter()
                                    .map(|k| (k.code().to_string(), t.doc_kind(*k).to_string()))
                                    .collect(),
                                selected: filter.kind.map(|k| k.code().to_string()),
                                counts: None,
                            },
                            FilterField {
                                key: "author",
                                label: t.filter_author,
                                options: AuthorKind::ALL
                                    .iter()
                                    .map(|a| (a.code().to_string(), t.author_kind(*a).to_string()))
                                    .collect(),
                                selected: filter.author.map(|a| a.code().to_string()),
                                counts: None,
                            },
                            FilterField::country(l, filter.country),
                            FilterField::topic(l, &topics, filter.topic.clone()),
                            FilterField::year(l, rows.years().into_iter(), filter.year),
                        ];
                        with_counts(
                            &mut fields,
                            |pairs| {
                                let (f, _) = DocFilter::from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
                                rows.positions(|d| f.matches(d)).len()
                            },
                        );
                        let bar = (Page::Documents.path(l), fields, ignored);
                        filtered_rows(
                            bar,
                            store.lists().documents,
                            &rows,
                            |d| filter.matches(d),
                            "cards",
                            |d| view! { <DocCard doc=d level=2 /> }.into_any(),
                        )
                    }
                }
            />
        </div>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum CopyState {
    Idle,
    Copied,
    Failed,
}

#[component]
pub fn DocumentPage() -> impl IntoView {
    let lang = use_lang();
    let id = use_id();
    // The item's own file, not the archive (see `File::item`).
    let file = crate::api::File::<observatorio_core::model::Document>::item(id);
    use_item_meta(file, id, |l| l.t().documents, |i| (&i.title, &i.summary));
    let (copy_state, set_copy_state) = signal(CopyState::Idle);
    view! {
        <div class="page">
            <Section
                res=file
                lines=6
                render=move |docs| {
                    let docs = docs.clone();
                    move || {
                        let wanted = id.get();
                        let l = lang;
                        let t = l.t();
                        match docs.items.iter().find(|d| d.id == wanted).cloned() {
                            None => {
                                view! {
                                    <NotFoundItem
                                        id=wanted
                                        back=Page::Documents
                                        back_label=|l| l.t().back_to_documents
                                    />
                                }
                                    .into_any()
                            }
                            Some(d) => {
                                let page_url = format!(
                                    "{}{}",
                                    crate::context::origin().unwrap_or_default(),
                                    Page::Document(d.id.clone()).href(l),
                                );
                                let cite = citation(&d, l, t.site_name, &page_url);
                                let cite2 = cite.clone();
                                let copy = move |_| {
                                    let text = cite2.clone();
                                    leptos::task::spawn_local(async move {
                                        let clipboard = window().navigator().clipboard();
                                        let ok = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text))
                                            .await
                                            .is_ok();
                                        set_copy_state.set(if ok { CopyState::Copied } else { CopyState::Failed });
                                    });
                                };
                                let date = d.date;
                                view! {
                                    <article class="article prose">
                                        <p class="meta">
                                            <span class="tag">{t.doc_kind(d.kind)}</span>
                                            " "
                                            <CountryTag country=d.country />
                                            <SampleBadge sample=d.sample />
                                        </p>
                                        <h1>
                                            <Tx text=d.title.clone() />
                                        </h1>
                                        <dl class="facts">
                                            <dt>{t.author}</dt>
                                            <dd>
                                                {t.author_kind(d.author.kind)} " · " <Tx text=d.author.name.clone() />
                                            </dd>
                                            <dt>{t.date}</dt>
                                            <dd>
                                                <time datetime=date.iso()>{format_partial_date(l, &date)}</time>
                                            </dd>
                                        </dl>
                                        <p class="lead">
                                            <Tx text=d.summary.clone() />
                                        </p>
                                        <Paragraphs blocks=d.body.clone() />
                                        {match d.url.clone() {
                                            Some(u) => {
                                                view! {
                                                    <p>
                                                        <ExternalLink url=u>
                                                            <span class="button">{t.download}</span>
                                                        </ExternalLink>
                                                    </p>
                                                }
                                                    .into_any()
                                            }
                                            None => view! { <p class="notice">{t.no_download}</p> }.into_any(),
                                        }}
                                        <section class="citation" aria-labelledby="cite-title">
                                            <h2 id="cite-title">{t.citation}</h2>
                                            <p class="cite-text" id="cite-text">
                                                {cite}
                                            </p>
                                            <button
                                                type="button"
                                                class="button secondary"
                                                on:click=copy
                                                aria-describedby="cite-text"
                                            >
                                                {t.copy}
                                            </button>
                                            <span class="copy-status" role="status">
                                                {move || match copy_state.get() {
                                                    CopyState::Idle => "",
                                                    CopyState::Copied => lang.t().copied,
                                                    CopyState::Failed => lang.t().copy_failed,
                                                }}
                                            </span>
                                        </section>
                                        <TopicTags ids=d.topics.clone() />
                                        <p>
                                            <A href=Page::Documents.href(lang)>{lang.t().back_to_documents}</A>
                                        </p>
                                    </article>
                                }
                                    .into_any()
                            }
                        }
                    }
                }
            />
        </div>
    }
}
