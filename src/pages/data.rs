//! Datasets as readable tables (charts come with the charts work).

use super::{use_id, NotFoundItem, TopicTags};
use crate::api::use_store;
use crate::app::use_lang;
use crate::components::bits::{use_meta, CountryTag, ExternalLink, Paragraphs, SampleBadge, Tx};
use crate::components::cards::DatasetCard;
use crate::components::section::Section;
use crate::i18n::{format_number, Lang};
use crate::model::{Cell, ColumnKind, Dataset};
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn DataPage() -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    use_meta(|l| (l.t().data.to_string(), l.t().intro_description.to_string()));
    view! {
        <div class="page">
            <h1>{move || lang.get().t().data}</h1>
            <Section res=store.datasets render=|data| view! {
                <div class="dataset-list">
                    {data.items.iter().cloned().map(|d| view! {
                        <div class="dataset-item">
                            <DatasetCard dataset=d.clone() level=2/>
                            <DataTable dataset=d/>
                        </div>
                    }).collect_view()}
                </div>
            }/>
        </div>
    }
}

/// A cell as text: "más de 70", "2.710.734", "–" for a value the source does not give.
fn cell_text(lang: Lang, cell: &Cell) -> String {
    match cell {
        Cell::Missing => "–".to_string(),
        Cell::Text(t) => t.get(lang).to_string(),
        Cell::Number { value, at_least } => {
            let decimals = if value.fract() == 0.0 { 0 } else { 1 };
            let n = format_number(lang, *value, decimals);
            if *at_least {
                format!("{} {n}", lang.t().at_least)
            } else {
                n
            }
        }
    }
}

#[component]
fn DataTable(dataset: Dataset) -> impl IntoView {
    let lang = use_lang();
    move || {
        let l = lang.get();
        let d = &dataset;
        let caption_id = format!("table-{}", d.id);
        let head = d
            .columns
            .iter()
            .map(|c| {
                let label = match &c.unit {
                    Some(u) => format!("{} ({})", c.label.get(l), u.get(l)),
                    None => c.label.get(l).to_string(),
                };
                view! { <th scope="col" class:num=c.kind == ColumnKind::Number>{label}</th> }
            })
            .collect_view();
        let rows = d
            .rows
            .iter()
            .map(|row| {
                let cells = row
                    .iter()
                    .zip(&d.columns)
                    .enumerate()
                    .map(|(i, (cell, col))| {
                        let text = cell_text(l, cell);
                        let missing = matches!(cell, Cell::Missing);
                        let aria = missing.then(|| l.t().not_stated);
                        if i == 0 {
                            view! { <th scope="row">{text}</th> }.into_any()
                        } else {
                            view! { <td class:num=col.kind == ColumnKind::Number aria-label=aria>{text}</td> }
                                .into_any()
                        }
                    })
                    .collect_view();
                view! { <tr>{cells}</tr> }
            })
            .collect_view();
        view! {
            <div class="table-wrap" role="region" tabindex="0" aria-labelledby=caption_id.clone()>
                <table>
                    <caption id=caption_id.clone()>{d.title.get(l).to_string()}</caption>
                    <thead><tr>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    }
}

#[component]
pub fn DatasetPage() -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let id = use_id();
    use_meta(move |l| match store.datasets.parsed.get() {
        Some(Ok(data)) => match data.items.iter().find(|d| d.id == id.get()) {
            Some(d) => (d.title.get(l).to_string(), d.summary.get(l).to_string()),
            None => (l.t().not_found_title.to_string(), String::new()),
        },
        _ => (l.t().data.to_string(), String::new()),
    });
    view! {
        <div class="page">
            <Section res=store.datasets lines=6 render=move |data| {
                let data = data.clone();
                move || {
                    let wanted = id.get();
                    let Some(d) = data.items.iter().find(|d| d.id == wanted).cloned() else {
                        return view! { <NotFoundItem id=wanted back=Page::Data back_label=|l| l.t().back_to_data/> }.into_any();
                    };
                    let t = lang.get().t();
                    view! {
                        <article class="article">
                            <p class="meta"><span class="tag">{d.year}</span> " " <CountryTag country=d.country/> <SampleBadge sample=d.sample/></p>
                            <h1><Tx text=d.title.clone()/></h1>
                            <p class="lead"><Tx text=d.summary.clone()/></p>
                            <DataTable dataset=d.clone()/>
                            <dl class="facts">
                                <dt>{t.source}</dt>
                                <dd>{match d.source_url.clone() {
                                    Some(u) => view! { <ExternalLink url=u><Tx text=d.source.clone()/></ExternalLink> }.into_any(),
                                    None => view! { <Tx text=d.source.clone()/> }.into_any(),
                                }}</dd>
                            </dl>
                            {(!d.notes.es.is_empty()).then(|| view! { <h2>{t.notes}</h2> <div class="prose"><Paragraphs blocks=d.notes.clone()/></div> })}
                            <TopicTags ids=d.topics.clone()/>
                            <p><A href=move || Page::Data.href(lang.get())>{move || lang.get().t().back_to_data}</A></p>
                        </article>
                    }.into_any()
                }
            }/>
        </div>
    }
}
