// Starts one of the dashboard's workers from its built, content-hashed file (build.mjs names it to the page). A
// worker that fails, to load or later, says so on the console — the browser tests fail on console errors — and
// tells the caller.
export function startBuiltWorker(url, name, onFailure = () => {}) {
  const worker = new Worker(new URL(url, document.baseURI));
  worker.onerror = (event) => {
    console.error(`${name} failed: ${event.message ?? "could not load"}`);
    onFailure();
  };
  return worker;
}
