// The page's one module script (bundled by esbuild with wasm-bindgen's glue and wasm-split's
// loader): starts the app from the main module beside it, then the service worker.
import init from './observatorio.js';
import { registerWhenLive } from './register.js';
init({ module_or_path: new URL('observatorio_bg.wasm', import.meta.url) });
registerWhenLive();
