//! Browser entry point: installs the panic hook and mounts the app (see `app`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    observatorio::takeover::mount(observatorio::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The observatory runs in the browser: build it with `scripts/build.sh` (see README.md).");
}
