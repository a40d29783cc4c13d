// The page's one module script (bundled by esbuild with wasm-bindgen's glue and wasm-split's
// loader): starts the app from the main module beside it, then the service worker.
import init from './observatorio.js';
import { registerWhenLive } from './register.js';

// The app could not load or start: the page says so now rather than after the stylesheet's wait
// (see .app-unavailable), and its retry keeps the address's query (a filter in the URL).
const unavailable = () => {
  const notice = document.getElementById('app-unavailable');
  if (!notice || document.querySelector('#app[data-live]')) return;
  const retry = notice.querySelector('a');
  if (retry) retry.href = location.href;
  notice.classList.add('now');
};
init({ module_or_path: new URL('observatorio_bg.wasm', import.meta.url) }).catch(unavailable);
registerWhenLive();
