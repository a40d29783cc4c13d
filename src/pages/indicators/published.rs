//! Profiles read from the files the publishing step wrote (`ocds::profile::Shard`), and the
//! page that shows one opened from a link before the indicators' code is there. That page is a
//! chunk of its own (`chunks::Chunk::Profile`), far lighter than the indicators' (which read,
//! pool and chart every process): a shared link needs the main module, this chunk and one small
//! file. Anything it cannot show from a published file (another threshold, a file that fails)
//! is drawn by the indicators' own page instead, computed from the data.

use super::profile::{wanted, ProfileView};
use super::{Heading, Progress};
use crate::chunks::{use_chunks, Chunk, State, View};
use crate::context::use_lang;
use crate::ocds_loader::{load_manifest, load_profiles, use_ocds, OcdsStore};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use observatorio_core::model::Country;
use observatorio_core::ocds::profile::{Party, Profile};
use observatorio_core::ocds::report::{country_from_slug, Filter};

/// A profile the URL asks for, from the published files.
#[derive(Clone, PartialEq)]
pub enum PublishedProfile {
    /// None asked for, or none to read (none published for this threshold, the file failed,
    /// a member's page showing part of a profile spanning members): computed from the data.
    None,
    Loading,
    /// Read (None: no such buyer or supplier in the data).
    Ready(Option<Box<Profile>>),
}

/// The page's country from its URL (`None`: not a member's slug).
pub fn use_country() -> Memo<Option<Country>> {
    let params = use_params_map();
    Memo::new(move |_| match params.with(|p| p.get("country")) {
        None => Some(Country::Ap),
        Some(slug) => country_from_slug(&slug),
    })
}

/// The profile the URL asks for, if any.
pub fn use_wanted_profile() -> Memo<Option<(Party, String)>> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| wanted(|k| q.get(k))))
}

/// The published profile the URL asks for, its file read once the manifest says where it is
/// (for threshold `days`); `data_there`: the page's data is pooled, so the profile is computed
/// from it at once instead.
pub fn use_published_profile(
    store: OcdsStore,
    country: Memo<Option<Country>>,
    wanted_profile: Memo<Option<(Party, String)>>,
    days: Signal<f64>,
    data_there: Signal<bool>,
) -> Memo<PublishedProfile> {
    let file = Memo::new(move |_| {
        let (party, key) = wanted_profile.get()?;
        if data_there.get() {
            return None;
        }
        let Some(Ok(m)) = store.manifest.get() else { return None };
        let published = m.0 .0.profiles.as_ref()?;
        (published.days == days.get()).then(|| published.file(party, &key)).flatten()
    });
    Effect::new(move |_| {
        if let Some(path) = file.get() {
            load_profiles(store, path);
        }
    });
    Memo::new(move |_| {
        if wanted_profile.with(Option::is_none) {
            return PublishedProfile::None;
        }
        if store.manifest.with(Option::is_none) {
            return PublishedProfile::Loading;
        }
        let (Some(path), Some((party, key)), Some(c)) = (file.get(), wanted_profile.get(), country.get()) else {
            return PublishedProfile::None;
        };
        match store.profiles.with(|m| m.get(&path).cloned()) {
            None | Some(None) => PublishedProfile::Loading,
            // Not there: computed from the page's data instead.
            Some(Some(Err(_))) => PublishedProfile::None,
            Some(Some(Ok(shard))) => match shard.0.find(party, &key) {
                None => PublishedProfile::Ready(None),
                // On a member's page, a profile spanning others is that page's part of it.
                Some(p) if c == Country::Ap || p.members == [c] => PublishedProfile::Ready(Some(Box::new(p.clone()))),
                Some(_) => PublishedProfile::None,
            },
        }
    })
}

/// The indicators page opened at a profile, before the indicators' code is loaded: the
/// published profile, or else (and from then on) the indicators' page, its chunk loaded then.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let lang = use_lang();
    let store = use_ocds();
    Effect::new(move |_| load_manifest(store));
    let country = use_country();
    let wanted_profile = use_wanted_profile();
    let query = use_query_map();
    let days = Signal::derive(move || {
        query.with(|q| Filter::from_query(q.into_iter().map(|(k, v)| (k.as_ref(), v))).0.days())
    });
    let published = use_published_profile(store, country, wanted_profile, days, Signal::derive(|| false));
    let chunks = use_chunks();
    // Once handed to the indicators' page (a profile it must compute, or the reader went on to
    // the indicators), it stays there: that page draws profiles itself, and keeps its data.
    let computed = Memo::new(move |before: Option<&bool>| {
        before == Some(&true) || matches!(published.get(), PublishedProfile::None)
    });
    move || {
        if computed.get() {
            chunks.load(Chunk::Indicators);
            return (move || match chunks.state(Chunk::Indicators) {
                State::Ready => {
                    crate::chunks::build(View::Indicators).and_then(Result::ok).unwrap_or_else(|| ().into_any())
                }
                State::Idle | State::Loading => view! { <Progress done=0 total=0 /> }.into_any(),
                State::Failed | State::Stale => view! {
                    <p class="notice" role="alert">
                        {lang.t().chunk_failed}
                    </p>
                }
                .into_any(),
            })
            .into_any();
        }
        // The wanted profile read before the memo that follows it (see `IndicatorsPage`).
        let body = move || match (wanted_profile.get(), country.get(), published.get()) {
            (_, None, _) => view! { <p class="notice">{lang.t().not_found_text}</p> }.into_any(),
            (Some((party, key)), Some(c), PublishedProfile::Ready(profile)) => {
                let profile = profile.map(|p| *p);
                view! { <ProfileView country=c party=party key=key profile=profile /> }.into_any()
            }
            _ => view! { <Progress done=0 total=0 /> }.into_any(),
        };
        view! { <Heading country=country>{body}</Heading> }.into_any()
    }
}
