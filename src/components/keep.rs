//! "Keep for offline reading" on a news item's, a document's or an event's page (in the shell, so
//! that a page which keeps its static first view has it too). The page, its content files and the
//! app's main code go into the `kept` cache, which the service worker never evicts; the list
//! the offline page shows (`public/offline.js`) is in `localStorage`, as JSON:
//! `[{"url": page, "title", "kind": "news"|"documents"|"events", "at": ISO date, "files": [urls]}]`
//! (the kind is the item's content file, without `.json`).
//! The browser's own JSON reads and writes it: no JSON code of ours in the main module.
//! Nothing is drawn when rendering at build time, nor where the browser cannot keep pages.

use crate::chunks::View;
use crate::context::use_lang;
use leptos::prelude::*;

/// The cache and the list's key (as the worker and the offline page name them).
pub const KEPT_CACHE: &str = "kept";
pub const KEPT_LIST: &str = "observatorio.kept";

#[derive(Clone, Copy, PartialEq)]
enum State {
    Unknown,
    No,
    Saving,
    Kept,
    Failed,
}

/// The content file of the views showing one item of it (`news.json`, …).
fn file_of(view: View) -> Option<&'static str> {
    use observatorio_core::model::{ContentFile, Document, Event, NewsItem};
    match view {
        View::NewsItem => Some(NewsItem::FILE),
        View::Document => Some(Document::FILE),
        View::Event => Some(Event::FILE),
        _ => None,
    }
}

#[component]
pub fn KeepOffline() -> impl IntoView {
    let lang = use_lang();
    let location = leptos_router::hooks::use_location();
    let base = observatorio_core::routes::base();
    // (content file, id, page path with the base) of the item shown, if any.
    let item = Memo::new(move |_| {
        let path = location.pathname.get();
        let view = crate::chunks::view_of_path(observatorio_core::routes::strip_base(&path, base))?;
        let file = file_of(view)?;
        let id = path.trim_end_matches('/').rsplit('/').next()?.to_string();
        Some((file, id, path))
    });
    let supported = browser::supported();
    let state = RwSignal::new(State::Unknown);
    Effect::new(move |_| {
        let Some((_, _, path)) = item.get().filter(|_| supported) else { return };
        state.set(if browser::listed(&path) { State::Kept } else { State::No });
    });
    // The work itself is in the content chunk (`chunks::keep_item`), fetched when the reader
    // asks if this page did not need it: the shell carries only the button.
    let keep = move |_| {
        let Some((file, id, path)) = item.get_untracked() else { return };
        state.set(State::Saving);
        leptos::task::spawn_local(async move {
            let ok = match crate::chunks::keep_item(file, id, path).await {
                Ok(task) => task.await,
                Err(_) => false,
            };
            state.set(if ok { State::Kept } else { State::Failed });
        });
    };
    let remove = move |_| {
        let Some((_, _, path)) = item.get_untracked() else { return };
        leptos::task::spawn_local(async move {
            if let Ok(task) = crate::chunks::forget_item(path).await {
                task.await;
                state.set(State::No);
            }
        });
    };
    move || {
        let t = lang.t();
        (supported && item.with(Option::is_some) && state.get() != State::Unknown).then(|| {
            let list = observatorio_core::published::offline_href(lang);
            view! {
                <div class="keep-offline" role="status">
                    {match state.get() {
                        State::Kept => {
                            view! {
                                <span>"✓ " {t.kept_offline}</span>
                                <button type="button" class="link-button" on:click=remove>
                                    {t.offline_remove}
                                </button>
                                <a href=list rel="external">
                                    {t.offline_heading}
                                </a>
                            }
                                .into_any()
                        }
                        s => {
                            view! {
                                <button
                                    type="button"
                                    class="button secondary"
                                    on:click=keep
                                    disabled=s == State::Saving
                                >
                                    {t.keep_offline}
                                </button>
                                {(s == State::Failed).then(|| view! { <p class="form-error">{t.keep_failed}</p> })}
                            }
                                .into_any()
                        }
                    }}
                </div>
            }
        })
    }
}

#[cfg(target_arch = "wasm32")]
pub(crate) mod browser {
    use super::{KEPT_CACHE, KEPT_LIST};
    use js_sys::{Array, Object, Reflect, JSON};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    pub fn supported() -> bool {
        let w = leptos::prelude::window();
        Reflect::has(&w, &"caches".into()).unwrap_or(false)
            && Reflect::has(&w.navigator(), &"serviceWorker".into()).unwrap_or(false)
    }

    async fn cache() -> Option<web_sys::Cache> {
        let caches = leptos::prelude::window().caches().ok()?;
        JsFuture::from(caches.open(KEPT_CACHE)).await.ok()?.dyn_into().ok()
    }

    fn storage() -> Option<web_sys::Storage> {
        leptos::prelude::window().local_storage().ok().flatten()
    }

    /// The kept list; entries that are not objects with a `url` are dropped.
    fn list() -> Vec<Object> {
        let text = storage().and_then(|s| s.get_item(KEPT_LIST).ok().flatten()).unwrap_or_default();
        let Ok(value) = JSON::parse(&text) else { return Vec::new() };
        let Ok(array) = value.dyn_into::<Array>() else { return Vec::new() };
        array
            .iter()
            .filter_map(|v| v.dyn_into::<Object>().ok())
            .filter(|o| Reflect::get(o, &"url".into()).ok().and_then(|u| u.as_string()).is_some())
            .collect()
    }

    fn url_of(o: &Object) -> String {
        Reflect::get(o, &"url".into()).ok().and_then(|u| u.as_string()).unwrap_or_default()
    }

    fn files_of(o: &Object) -> Vec<String> {
        Reflect::get(o, &"files".into())
            .ok()
            .and_then(|f| f.dyn_into::<Array>().ok())
            .map(|a| a.iter().filter_map(|v| v.as_string()).collect())
            .unwrap_or_default()
    }

    /// False when the browser refuses (storage full or disabled): the reader is told.
    fn save(list: &[Object]) -> bool {
        let array: Array = list.iter().collect();
        let Ok(text) = JSON::stringify(&array) else { return false };
        let text: String = text.into();
        storage().is_some_and(|s| s.set_item(KEPT_LIST, &text).is_ok())
    }

    /// Whether the kept list names `path`, read as `save` writes it (the browser's JSON puts no
    /// space after the colon; a path never holds a quote): no parser in the shell for this.
    pub fn listed(path: &str) -> bool {
        let text = storage().and_then(|s| s.get_item(KEPT_LIST).ok().flatten()).unwrap_or_default();
        text.contains(&format!("\"url\":\"{path}\""))
    }

    /// The page, its content files (its item's, and the thematic areas its tags name) and the
    /// code it starts with.
    fn files(file: &str, id: &str, path: &str) -> Vec<String> {
        use crate::api::item_path;
        use crate::http::site_file;
        use observatorio_core::model::{ContentFile, Topic};
        let mut files = vec![
            path.to_string(),
            site_file(&item_path(file, id)),
            site_file(&observatorio_core::published::content_file(Topic::FILE)),
        ];
        let doc = leptos::prelude::document();
        if let Some(start) = doc.get_element_by_id("app-start") {
            files.extend(["data-js", "data-wasm"].iter().filter_map(|a| start.get_attribute(a)));
        }
        files
    }

    pub async fn keep(file: &str, id: &str, path: &str) -> bool {
        let Some(cache) = cache().await else { return false };
        let files = files(file, id, path);
        let kind = file.trim_end_matches(".json");
        let requests: Array = files.iter().map(|f| JsValue::from_str(f)).collect();
        if JsFuture::from(cache.add_all_with_str_sequence(&requests)).await.is_err() {
            return false;
        }
        let doc = leptos::prelude::document();
        let title = doc.title();
        let title = title.split(" · ").next().unwrap_or(&title).to_string();
        let entry = Object::new();
        let at = js_sys::Date::new_0().to_iso_string();
        let list_files: Array = files.iter().map(|f| JsValue::from_str(f)).collect();
        for (k, v) in
            [("url", JsValue::from_str(path)), ("title", title.into()), ("kind", kind.into()), ("at", at.into())]
        {
            let _ = Reflect::set(&entry, &k.into(), &v);
        }
        let _ = Reflect::set(&entry, &"files".into(), &list_files);
        let mut list: Vec<Object> = list().into_iter().filter(|o| url_of(o) != path).collect();
        list.insert(0, entry);
        if save(&list) {
            return true;
        }
        // Kept files without a list entry would never be shown nor removed.
        let _ = JsFuture::from(cache.delete_with_str(path)).await;
        false
    }

    /// Forgets a kept page: its files, but for those another kept page still needs.
    pub async fn remove(path: &str) {
        let all = list();
        let (gone, rest): (Vec<Object>, Vec<Object>) = all.into_iter().partition(|o| url_of(o) == path);
        save(&rest);
        let Some(cache) = cache().await else { return };
        let needed: Vec<String> = rest.iter().flat_map(files_of).collect();
        let mut files: Vec<String> = gone.iter().flat_map(files_of).collect();
        files.push(path.to_string());
        for f in files.iter().filter(|f| !needed.contains(f)) {
            let _ = JsFuture::from(cache.delete_with_str(f)).await;
        }
    }
}

/// Rendering at build time: nothing is kept there.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) mod browser {
    pub fn supported() -> bool {
        false
    }
    pub fn listed(_: &str) -> bool {
        false
    }
    pub async fn keep(_: &str, _: &str, _: &str) -> bool {
        false
    }
    pub async fn remove(_: &str) {}
}
