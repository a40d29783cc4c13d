//! A dataset as an accessible table: caption, column headers with units, row headers, numbers
//! in the reader's locale, missing values said.

use crate::context::use_lang;
use leptos::prelude::*;
use observatorio_core::i18n::format_number;
use observatorio_core::lang::Lang;
use observatorio_core::model::{Cell, ColumnKind, Dataset};

/// A cell as text: "más de 70", "2.710.734", "–" for a value the source does not give.
pub fn cell_text(lang: Lang, cell: &Cell) -> String {
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
pub fn DataTable(dataset: Dataset) -> impl IntoView {
    let lang = use_lang();
    move || {
        let l = lang;
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
                view! {
                    <th scope="col" class:num=c.kind == ColumnKind::Number>
                        {label}
                    </th>
                }
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
                            view! {
                                <td class:num=col.kind == ColumnKind::Number aria-label=aria>
                                    {text}
                                </td>
                            }
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
                    <thead>
                        <tr>{head}</tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    }
}
