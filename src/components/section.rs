//! The loading and failure path, written once: a skeleton while a file loads, the content when it
//! arrives, or a localized error with a retry button; items left out for errors are counted.

use crate::api::{File, ListFile, Rows};
use crate::context::use_lang;
use leptos::prelude::*;
use observatorio_core::model::list::Listed;
use observatorio_core::model::{FileError, Loaded};
use std::sync::Arc;

/// Renders `render` with a file's items once loaded. Each `Section` fails alone.
#[component]
pub fn Section<T, F, IV>(
    res: File<T>,
    render: F,
    /// How many placeholder lines to show meanwhile.
    #[prop(default = 3)]
    lines: usize,
) -> impl IntoView
where
    T: Send + Sync + 'static,
    F: Fn(Arc<Loaded<T>>) -> IV + Send + Sync + 'static,
    IV: IntoView + 'static,
{
    // Erase the renderer's type so the code below is compiled once per file kind, not per call site.
    let render: Renderer<T> = Arc::new(move |loaded| render(loaded).into_any());
    loader(res, render, lines)
}

type Renderer<T> = Arc<dyn Fn(Arc<Loaded<T>>) -> AnyView + Send + Sync>;

fn loader<T: Send + Sync + 'static>(file: File<T>, render: Renderer<T>, lines: usize) -> AnyView {
    file.request();
    (move || match file.parsed.get() {
        None => view! { <Skeleton lines=lines /> }.into_any(),
        Some(Ok(loaded)) => {
            let skipped = loaded.skipped();
            let problems = loaded.clone();
            view! {
                {render(loaded)}
                {(skipped > 0).then(|| view! { <SkippedNotice skipped=skipped loaded=problems /> })}
            }
            .into_any()
        }
        Some(Err(error)) => view! { <LoadError error=error retry=move || file.retry() /> }.into_any(),
    })
    .into_any()
}

/// `Section` for a long list (see `api::ListFile`): the skeleton while its index (or full file)
/// loads, then `render` with its rows, or the error with a retry button.
#[component]
pub fn RowsSection<T, F, IV>(list: ListFile<T>, render: F) -> impl IntoView
where
    T: Listed + Clone + PartialEq + Send + Sync + 'static,
    F: Fn(Rows<T>) -> IV + Send + Sync + 'static,
    IV: IntoView + 'static,
{
    list.request();
    move || match list.rows.get() {
        None => view! { <Skeleton /> }.into_any(),
        Some(Ok(rows)) => {
            // Items left out for errors are reported where the full file was read.
            let notice = match &rows {
                Rows::Full(loaded) if loaded.skipped() > 0 => {
                    Some(view! { <SkippedNotice skipped=loaded.skipped() loaded=loaded.clone() /> })
                }
                _ => None,
            };
            view! {
                {render(rows)}
                {notice}
            }
            .into_any()
        }
        Some(Err(error)) => view! { <LoadError error=error retry=move || list.retry() /> }.into_any(),
    }
}

#[component]
pub fn Skeleton(#[prop(default = 3)] lines: usize) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="skeleton" role="status" aria-live="polite">
            <span class="sr-only">{lang.t().loading}</span>
            {(0..lines).map(|_| view! { <div class="skeleton-line" aria-hidden="true"></div> }).collect_view()}
        </div>
    }
}

/// A content file's failure (see `ErrorNotice`): the details folded, as readers of a section
/// need the message and the retry first.
#[component]
pub fn LoadError(error: FileError, retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let lang = use_lang();
    view! { <ErrorNotice message=error.message(lang) detail=error.detail(lang) folded=true retry=retry /> }
}

/// Every failure a view shows, in one form: what happened in the reader's language (after the
/// `subject` it concerns, when there is one), the detail an editor or a researcher needs (the
/// file and what was wrong: folded, or in view where the file's name is the point) and a retry.
#[component]
pub fn ErrorNotice(
    message: String,
    detail: String,
    #[prop(optional)] subject: Option<String>,
    #[prop(optional)] folded: bool,
    retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let message = match subject {
        Some(s) => view! {
            <p class="load-error-message">
                <strong>{s}</strong>
                ": "
                {message}
            </p>
        }
        .into_any(),
        None => view! { <p class="load-error-message">{message}</p> }.into_any(),
    };
    let retry = move |_| retry();
    // Folded, the retry comes before the details; in view, after them.
    if folded {
        view! {
            <div class="load-error" role="alert">
                {message}
                <button type="button" class="button" on:click=retry>
                    {lang.t().retry}
                </button>
                <details>
                    <summary>{lang.t().error_details}</summary>
                    <code>{detail}</code>
                </details>
            </div>
        }
        .into_any()
    } else {
        view! {
            <div class="load-error" role="alert">
                {message}
                <p>
                    <code>{detail}</code>
                </p>
                <button type="button" class="button" on:click=retry>
                    {lang.t().retry}
                </button>
            </div>
        }
        .into_any()
    }
}

#[component]
fn SkippedNotice<T: Send + Sync + 'static>(skipped: usize, loaded: Arc<Loaded<T>>) -> impl IntoView {
    let lang = use_lang();
    let errors: Vec<_> =
        loaded.problems.iter().filter(|p| p.severity == observatorio_core::model::Severity::Error).cloned().collect();
    view! {
        <details class="skipped-notice">
            <summary>{format!("{} {skipped}", lang.t().skipped_items)}</summary>
            <ul>
                {move || {
                    let l = lang;
                    errors
                        .iter()
                        .map(|p| {
                            view! {
                                <li>
                                    <code>{format!("{}: {}: {}", p.file, p.path, p.message(l))}</code>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </details>
    }
}
