//! Wide data tables on a phone: below 48rem each row of a `table.data-table` is drawn as a card of
//! "header: value" lines (style/main.css), so no column is cut off at 320 px or at 200 % zoom. The
//! headers reach the cells as `data-label`, set here for every table the app draws or redraws,
//! whichever page and whenever its data arrives: one observer of the page, for the visit.

/// Labels the cells of one data table with their column's header.
#[cfg(target_arch = "wasm32")]
fn label_table(table: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let Ok(heads) = table.query_selector_all("thead tr:last-child th") else { return };
    let names: Vec<String> = (0..heads.length())
        .filter_map(|k| heads.item(k))
        .map(|h| h.text_content().unwrap_or_default().trim().to_string())
        .collect();
    let Ok(rows) = table.query_selector_all("tbody tr") else { return };
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

/// Labels the data tables under `root`.
#[cfg(target_arch = "wasm32")]
fn label(root: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let Ok(tables) = root.query_selector_all("table.data-table") else { return };
    for i in 0..tables.length() {
        if let Some(table) = tables.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            label_table(&table);
        }
    }
}

/// Labels what a batch of mutations may have left unlabelled: the tables whose rows or headers
/// changed, and tables in added subtrees. A change inside a body cell (its text, a link) keeps
/// its label and is skipped: relabelling every table of the page on each batch cost about 8 ms
/// per filter change on the indicators page (4× CPU), most of it reading cells' attributes.
#[cfg(target_arch = "wasm32")]
fn relabel(records: &js_sys::Array) {
    use wasm_bindgen::JsCast;
    let mut tables: Vec<web_sys::Element> = Vec::new();
    let mut roots: Vec<web_sys::Element> = Vec::new();
    let add = |list: &mut Vec<web_sys::Element>, el: web_sys::Element| {
        let v: &wasm_bindgen::JsValue = el.as_ref();
        if !list.iter().any(|x| AsRef::<wasm_bindgen::JsValue>::as_ref(x) == v) {
            list.push(el);
        }
    };
    // The element, or the table it is in (itself included).
    let place = |el: web_sys::Element, tables: &mut Vec<web_sys::Element>, roots: &mut Vec<web_sys::Element>| match el
        .closest("table.data-table")
    {
        Ok(Some(table)) => add(tables, table),
        _ => add(roots, el),
    };
    for record in records.iter() {
        // What a childList observer reports: records whose target is an element.
        let record: web_sys::MutationRecord = record.unchecked_into();
        let Some(target) = record.target().and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        if target.closest("tbody td, tbody th").ok().flatten().is_some() {
            continue;
        }
        if let Ok(Some(table)) = target.closest("table.data-table") {
            add(&mut tables, table);
            continue;
        }
        let added = record.added_nodes();
        for i in 0..added.length() {
            if let Some(el) = added.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                place(el, &mut tables, &mut roots);
            }
        }
    }
    tables.iter().for_each(label_table);
    roots.iter().for_each(label);
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
        let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| relabel(&records));
        let Ok(observer) = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()) else { return };
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        let _ = observer.observe_with_options(&main, &options);
        // For the visit: the app is never unmounted.
        on_change.forget();
    }
}
