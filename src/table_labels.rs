//! Wide data tables on a phone: below 48rem each row of a `table.data-table` is drawn as a card of
//! "header: value" lines (style/main.css), so no column is cut off at 320 px or at 200 % zoom. The
//! headers reach the cells as `data-label`, set here for every table the app draws or redraws,
//! whichever page and whenever its data arrives: one observer of the page, for the visit.

/// Labels the cells of the data tables under `root` with their column's header.
#[cfg(target_arch = "wasm32")]
fn label(root: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let Ok(tables) = root.query_selector_all("table.data-table") else { return };
    for i in 0..tables.length() {
        let Some(table) = tables.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        let Ok(heads) = table.query_selector_all("thead tr:last-child th") else { continue };
        let names: Vec<String> = (0..heads.length())
            .filter_map(|k| heads.item(k))
            .map(|h| h.text_content().unwrap_or_default().trim().to_string())
            .collect();
        let Ok(rows) = table.query_selector_all("tbody tr") else { continue };
        for r in 0..rows.length() {
            let Some(row) = rows.item(r).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            let cells = row.children();
            for c in 0..cells.length() {
                let (Some(cell), Some(name)) = (cells.item(c), names.get(c as usize)) else { continue };
                if cell.get_attribute("data-label").as_deref() != Some(name.as_str()) {
                    let _ = cell.set_attribute("data-label", name);
                }
            }
        }
    }
}

/// Starts labelling (the browser only).
pub fn watch() {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        // The body, not `#main`: the app's page may take the place of the static first view's.
        let Some(main) = leptos::prelude::document().body().map(web_sys::Element::from) else { return };
        label(&main);
        let target = main.clone();
        let on_change = Closure::<dyn FnMut()>::new(move || label(&target));
        let Ok(observer) = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()) else { return };
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        let _ = observer.observe_with_options(&main, &options);
        // For the visit: the app is never unmounted.
        on_change.forget();
    }
}
