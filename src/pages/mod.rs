//! One module per route. Pages pick the files they need from the store and stay thin: filtering,
//! formatting and checking live in the pure modules.

mod about;
mod data;
mod documents;
mod events;
mod home;
mod news;
mod not_found;
mod topics;

pub use about::AboutPage;
pub use data::{DataPage, DatasetPage};
pub use documents::{DocumentPage, DocumentsPage};
pub use events::{EventPage, EventsPage};
pub use home::HomePage;
pub use news::{NewsItemPage, NewsListPage};
pub use not_found::{NotFoundItem, NotFoundPage};
pub use topics::{TopicPage, TopicsPage};

use crate::api::{topics_now, use_store};
use crate::app::use_lang;
use crate::model::Topic;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// Today's date in the reader's time zone, for upcoming/past.
pub(crate) fn today() -> chrono::NaiveDate {
    let d = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or(chrono::NaiveDate::MIN)
}

/// The `:id` segment of the current route.
pub(crate) fn use_id() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()))
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
                view! { <li><A href=Page::Topic(t.id.clone()).href(l) attr:class="tag topic-tag">{title}</A></li> }
            })
            .collect();
        (!tags.is_empty()).then(|| view! { <ul class="tags" aria-label=l.t().topics>{tags}</ul> })
    }
}
