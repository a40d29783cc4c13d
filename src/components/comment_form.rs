//! The comment form of an upcoming event. No server of ours: it posts to the form service the
//! content names, or opens a prefilled e-mail. The draft lives in the browser's storage, so a
//! failed send or a reload loses nothing.

use crate::context::use_lang;
use leptos::prelude::*;
use leptos::task::spawn_local;
use observatorio_core::calendar::participate::{is_bot, Draft, DraftError, MAX_EMAIL, MAX_MESSAGE, MAX_NAME};
use observatorio_core::model::InfoKind;
use observatorio_core::model::SafeUrl;
use observatorio_core::routes::{encode_segment, Page};

/// The field an error is about (its element's id).
fn field_of(e: DraftError) -> &'static str {
    match e {
        DraftError::MessageEmpty | DraftError::MessageTooLong => "c-message",
        DraftError::NameTooLong => "c-name",
        DraftError::EmailInvalid => "c-email",
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Status {
    Editing,
    Invalid(DraftError),
    Sending,
    Sent,
    Failed,
}

fn storage() -> Option<web_sys::Storage> {
    // None when rendering at build time: drafts live in the reader's browser.
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

thread_local! {
    /// Drafts of this visit, by key, and whether the browser stored them: what the reader typed
    /// stays for the rest of the visit (back on the event's page after going elsewhere) even
    /// when the browser refuses to store it.
    static MEMORY: std::cell::RefCell<std::collections::HashMap<String, (Draft, bool)>> = Default::default();
}

/// The draft of `key` and whether it is stored in the browser.
fn load_draft(key: &str) -> (Draft, bool) {
    if let Some(kept) = MEMORY.with(|m| m.borrow().get(key).cloned()) {
        return kept;
    }
    // Storage disabled: nothing typed will be stored either.
    let Some(s) = storage() else { return (Draft::default(), cfg!(not(target_arch = "wasm32"))) };
    (s.get_item(key).ok().flatten().map(|t| Draft::restore(&t)).unwrap_or_default(), true)
}

/// Keeps the draft for the visit, and stores it in the browser; false when the browser refused
/// (storage full or disabled), so the form never claims it is kept when it is not.
fn save_draft(key: &str, d: &Draft) -> bool {
    let stored = match storage() {
        Some(s) if d.is_empty() => s.remove_item(key).is_ok(),
        Some(s) => s.set_item(key, &d.store()).is_ok(),
        None => false,
    };
    MEMORY.with(|m| m.borrow_mut().insert(key.to_string(), (d.clone(), stored)));
    stored
}

async fn post(endpoint: &str, fields: &[(&'static str, String)]) -> bool {
    let body: Vec<String> = fields.iter().map(|(k, v)| format!("{k}={}", encode_segment(v))).collect();
    crate::http::post_form(endpoint, body.join("&")).await
}

#[component]
pub fn CommentForm(
    event_id: String,
    title: String,
    /// Who receives what the form collects, named in its privacy notice.
    organizer: String,
    form: Option<SafeUrl>,
    email: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let t = lang.t();
    let key = Draft::key(&event_id);
    let (first, was_stored) = load_draft(&key);
    let (draft, set_draft) = signal(first);
    let (status, set_status) = signal(Status::Editing);
    let (honeypot, set_honeypot) = signal(String::new());
    let (stored, set_stored) = signal(was_stored);
    let edit = {
        let key = key.clone();
        move |f: fn(&mut Draft, String), v: String| {
            set_draft.update(|d| f(d, v));
            let kept = draft.with_untracked(|d| save_draft(&key, d));
            if kept != stored.get_untracked() {
                set_stored.set(kept);
            }
            if !matches!(status.get_untracked(), Status::Sending) {
                set_status.set(Status::Editing);
            }
        }
    };
    let mailto = {
        let (email, title) = (email.clone(), title.clone());
        move || email.as_ref().map(|to| draft.with(|d| d.mailto(to, &title)))
    };
    let submit = {
        let (key, form, id, title) = (key.clone(), form.clone(), event_id.clone(), title.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if matches!(status.get_untracked(), Status::Sending) {
                return;
            }
            let d = draft.get_untracked();
            if let Err(e) = d.validate() {
                set_status.set(Status::Invalid(e));
                // The field at fault takes the focus; its message is tied to it.
                if let Some(el) = document().get_element_by_id(field_of(e)) {
                    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                        let _ = el.focus();
                    }
                }
                return;
            }
            // Bots that fill the hidden field are told it worked, and nothing is sent.
            if is_bot(&honeypot.get_untracked()) {
                set_status.set(Status::Sent);
                return;
            }
            let Some(endpoint) = form.clone() else { return };
            set_status.set(Status::Sending);
            let (key, fields) = (key.clone(), d.fields(&id, &title));
            spawn_local(async move {
                if post(endpoint.as_str(), &fields).await {
                    let _ = save_draft(&key, &Draft::default());
                    set_draft.set(Draft::default());
                    set_status.set(Status::Sent);
                } else {
                    set_status.set(Status::Failed);
                }
            });
        }
    };
    // The message of a field's error, shown under it (and read with it: `aria-describedby`).
    let error_of = move |field: &'static str| match status.get() {
        Status::Invalid(e) if field_of(e) == field => Some(match e {
            DraftError::MessageEmpty => t.form_err_empty,
            DraftError::MessageTooLong => t.form_err_long,
            DraftError::NameTooLong => t.form_err_name,
            DraftError::EmailInvalid => t.form_err_email,
        }),
        _ => None,
    };
    let invalid = move |field: &'static str| error_of(field).map(|_| "true");
    let described = move |field: &'static str, always: &'static str| match error_of(field) {
        Some(_) => format!("{field}-error {always}").trim().to_string(),
        None => always.to_string(),
    };
    let field_error = move |field: &'static str| {
        move || {
            error_of(field).map(|m| {
                view! {
                    <p id=format!("{field}-error") class="form-error" role="alert">
                        {m}
                    </p>
                }
            })
        }
    };
    let has_form = form.is_some();
    let host = form.as_ref().map(|f| f.as_str().split('/').nth(2).unwrap_or("").to_string()).unwrap_or_default();
    let email_to = email.clone().unwrap_or_default();
    let (m1, m2) = (mailto.clone(), mailto.clone());
    let e_name = edit.clone();
    let e_email = edit.clone();
    let e_msg = edit;
    view! {
        <section class="comment" aria-labelledby="comment-title">
            <h2 id="comment-title">{t.comment_title}</h2>
            <Show
                when=move || status.get() == Status::Sent
                fallback=move || {
                    let (e_name, e_email, e_msg, submit, m1, m2) = (
                        e_name.clone(),
                        e_email.clone(),
                        e_msg.clone(),
                        submit.clone(),
                        m1.clone(),
                        m2.clone(),
                    );
                    view! {
                        <form class="comment-form" on:submit=submit novalidate>
                            <div class="field">
                                <label for="c-name">{t.form_name}</label>
                                <input
                                    id="c-name"
                                    name="name"
                                    autocomplete="name"
                                    maxlength=MAX_NAME
                                    aria-invalid=move || invalid("c-name")
                                    aria-describedby=move || Some(described("c-name", "")).filter(|d| !d.is_empty())
                                    prop:value=move || draft.with(|d| d.name.clone())
                                    on:input=move |ev| e_name(|d, v| d.name = v, event_target_value(&ev))
                                />
                                {field_error("c-name")}
                            </div>
                            <div class="field">
                                <label for="c-email">{t.form_email}</label>
                                <input
                                    id="c-email"
                                    name="email"
                                    type="email"
                                    autocomplete="email"
                                    maxlength=MAX_EMAIL
                                    aria-invalid=move || invalid("c-email")
                                    aria-describedby=move || Some(described("c-email", "")).filter(|d| !d.is_empty())
                                    prop:value=move || draft.with(|d| d.email.clone())
                                    on:input=move |ev| e_email(|d, v| d.email = v, event_target_value(&ev))
                                />
                                {field_error("c-email")}
                            </div>
                            <div class="field">
                                <label for="c-message">{t.form_message}</label>
                                <textarea
                                    id="c-message"
                                    name="message"
                                    rows="5"
                                    maxlength=MAX_MESSAGE
                                    required
                                    aria-invalid=move || invalid("c-message")
                                    aria-describedby=move || described("c-message", "c-count c-draft")
                                    prop:value=move || draft.with(|d| d.message.clone())
                                    on:input=move |ev| e_msg(|d, v| d.message = v, event_target_value(&ev))
                                ></textarea>
                                {field_error("c-message")}
                                <p id="c-count" class="muted small">
                                    {move || {
                                        format!(
                                            "{} / {MAX_MESSAGE} {}",
                                            draft.with(|d| d.message.chars().count()),
                                            t.characters,
                                        )
                                    }}
                                </p>
                            </div>
                            // Hidden from people (and from assistive technology); bots fill it.
                            <div class="hp" aria-hidden="true">
                                <label for="c-website">{t.form_honeypot}</label>
                                <input
                                    id="c-website"
                                    name="website"
                                    tabindex="-1"
                                    autocomplete="off"
                                    on:input=move |ev| set_honeypot.set(event_target_value(&ev))
                                />
                            </div>
                            // Said as soon as the browser refuses to store the draft.
                            <p id="c-draft" class="muted small" role="status" class:form-error=move || !stored.get()>
                                {move || if stored.get() { t.form_draft } else { t.form_draft_unsaved }}
                            </p>
                            {if has_form {
                                view! {
                                    <p class="actions">
                                        <button
                                            type="submit"
                                            class="button"
                                            disabled=move || status.get() == Status::Sending
                                        >
                                            {move || {
                                                if status.get() == Status::Sending {
                                                    t.form_sending
                                                } else {
                                                    t.form_send
                                                }
                                            }}
                                        </button>
                                    </p>
                                    <p class="muted small">{t.form_via} " " <code>{host.clone()}</code></p>
                                }
                                    .into_any()
                            } else {
                                view! {
                                    <p class="small">
                                        {t.form_email_only} " "
                                        <a href=format!("mailto:{email_to}")>{email_to.clone()}</a> "."
                                    </p>
                                    <p class="actions">
                                        <a class="button" href=move || m1().unwrap_or_default()>
                                            {t.form_by_email}
                                        </a>
                                    </p>
                                }
                                    .into_any()
                            }}
                            <p class="muted small privacy-note">
                                {t.form_privacy(&organizer)} " "
                                <a href=Page::Info(InfoKind::Privacy).href(lang)>{t.info(InfoKind::Privacy)}</a> "."
                            </p>
                            <div role="status" aria-live="polite">
                                {move || {
                                    (status.get() == Status::Failed)
                                        .then(|| {
                                            view! {
                                                <p class="notice error">
                                                    {t.form_failed}
                                                    {m2()
                                                        .map(|href| {
                                                            view! {
                                                                " "
                                                                {t.form_or_email}
                                                                ": "
                                                                <a href=href>{t.form_by_email}</a>
                                                            }
                                                        })} "."
                                                </p>
                                            }
                                        })
                                }}
                            </div>
                        </form>
                    }
                }
            >
                <p class="notice ok" role="status">
                    {t.form_sent}
                </p>
                <button type="button" class="button secondary" on:click=move |_| set_status.set(Status::Editing)>
                    {t.form_new}
                </button>
            </Show>
        </section>
    }
}
