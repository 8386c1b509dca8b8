// Paints the map canvas from recorded redraws (canvasRecording.js). Where the browser can draw in a worker
// (OffscreenCanvas), the render worker draws and the page only shows the finished bitmap (an ImageBitmap, handed over
// without a copy) — and moves the canvas to where that redraw belongs in the same step, so the old picture stays
// where it was, correctly placed, until the new one is ready. One redraw at a time is in the worker; redraws asked for
// meanwhile collapse into the latest, sent when the one in the worker comes back (which is still shown: it is
// correctly placed for its own view, and fills a pan's new area sooner). Elsewhere the recording is replayed on the page, as before the worker existed.
/* global __RENDER_WORKER_URL__ */
import { replay } from "./canvasRecording.js";

/**
 * A painter for `canvas`: `paint(placement, recording)` draws a recording (placement: `{ width, height }` of the
 * bitmap in device pixels plus what `place` needs) and calls `place(placement)` right before showing it.
 * `startWorker` is for tests; by default the built render worker (renderWorker.js) is started.
 */
export function createPainter(canvas, place, startWorker = defaultWorker) {
  const worker = typeof OffscreenCanvas === "function" && typeof Worker === "function" ? startWorker() : null;
  if (!worker) return onPage(canvas, place);

  const shown = canvas.getContext("bitmaprenderer");
  let busy = false;
  let waiting = null;
  const send = ({ placement, recording }) => {
    busy = true;
    worker.postMessage({ placement, recording }, [recording.ops.buffer]);
  };
  worker.onmessage = ({ data: { placement, bitmap } }) => {
    busy = false;
    if (canvas.width !== bitmap.width) canvas.width = bitmap.width;
    if (canvas.height !== bitmap.height) canvas.height = bitmap.height;
    place(placement);
    shown.transferFromImageBitmap(bitmap);
    if (waiting) {
      const next = waiting;
      waiting = null;
      send(next);
    }
  };
  // A worker that fails leaves the map unpainted: say so on the console (the browser tests fail on console errors).
  worker.onerror = (event) => console.error(`map render worker failed: ${event.message ?? "could not load"}`);
  return {
    paint(placement, recording) {
      if (busy) waiting = { placement, recording };
      else send({ placement, recording });
    },
    close: () => worker.terminate(),
  };
}

function onPage(canvas, place) {
  const ctx = canvas.getContext("2d");
  return {
    paint(placement, recording) {
      if (canvas.width !== placement.width) canvas.width = placement.width;
      if (canvas.height !== placement.height) canvas.height = placement.height;
      place(placement);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      replay(ctx, recording);
    },
    close() {},
  };
}

// Defined by build.mjs: the render worker's content-hashed file under assets/.
const defaultWorker = () => new Worker(new URL(__RENDER_WORKER_URL__, document.baseURI));
