//! One module per route. Pages pick the files they need from the store and stay thin: filtering,
//! formatting and checking live in the pure modules.

mod about;
mod data;
mod documents;
mod embed;
mod events;
mod home;
mod indicators;
mod info;
mod news;
mod not_found;
mod search;
mod topics;

pub use about::AboutPage;
pub use data::{DataPage, DatasetPage};
pub use documents::{DocumentPage, DocumentsPage};
pub use embed::EmbedPage;
pub use events::{EventPage, EventsPage};
pub use home::HomePage;
pub use indicators::{IndicatorsPage, ProfilePage};
pub use info::InfoPage;
pub use news::{NewsItemPage, NewsListPage};
pub use not_found::{NotFoundItem, NotFoundPage};
pub use search::SearchPage;
pub use topics::{TopicPage, TopicsPage};

use crate::api::{topics_now, use_store, File};
use crate::components::bits::use_meta;
use crate::context::use_lang;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use observatorio_core::lang::Lang;
use observatorio_core::model::Topic;
use observatorio_core::model::{ContentFile, Text};
use observatorio_core::routes::Page;

/// Today's date in the reader's time zone, for upcoming/past.
#[cfg(target_arch = "wasm32")]
pub(crate) fn today() -> chrono::NaiveDate {
    let d = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or(chrono::NaiveDate::MIN)
}

/// The publishing step's date when first views are rendered at build time; the app draws again
/// with the reader's own date when it takes over.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn today() -> chrono::NaiveDate {
    use_context::<Today>().map(|t| t.0).unwrap_or_default()
}

/// The date first views are rendered for (see `today`).
#[derive(Clone, Copy)]
pub struct Today(pub chrono::NaiveDate);

/// The `:id` segment of the current route.
pub(crate) fn use_id() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()))
}

/// Title and description of an item's page: the item's own once its file has loaded, the
/// section's meanwhile, "not found" for an unknown id.
pub(crate) fn use_item_meta<T>(
    file: File<T>,
    id: Memo<String>,
    section: fn(Lang) -> &'static str,
    text: fn(&T) -> (&Text, &Text),
) where
    T: ContentFile + Send + Sync + 'static,
{
    use_meta(move |l| match file.parsed.get() {
        Some(Ok(loaded)) => match loaded.items.iter().find(|i| i.id() == id.get()) {
            Some(item) => {
                let (title, summary) = text(item);
                (title.get(l).to_string(), summary.get(l).to_string())
            }
            None => (l.t().not_found_title.to_string(), String::new()),
        },
        _ => (section(l).to_string(), String::new()),
    });
}

/// Links to the thematic areas an item is tagged with; unknown ids are simply not shown.
#[component]
pub(crate) fn TopicTags(ids: Vec<String>) -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    move || {
        let topics: Vec<Topic> = topics_now(store);
        let l = lang;
        let tags: Vec<_> = ids
            .iter()
            .filter_map(|id| topics.iter().find(|t| &t.id == id))
            .map(|t| {
                let title = t.title.get(l).to_string();
                view! {
                    <li>
                        <A href=Page::Topic(t.id.clone()).href(l) attr:class="tag topic-tag">
                            {title}
                        </A>
                    </li>
                }
            })
            .collect();
        (!tags.is_empty()).then(|| {
            view! {
                <ul class="tags" aria-label=l.t().topics>
                    {tags}
                </ul>
            }
        })
    }
}
