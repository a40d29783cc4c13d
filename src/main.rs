//! Browser entry point: installs the panic hook and mounts the app (see `app`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    observatorio::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The observatory runs in the browser: build it with `trunk build` (see README.md).");
}
