// Paints the map canvas from recorded redraws (canvasRecording.js). Where the browser can draw in a worker
// (OffscreenCanvas), the render worker draws and the page only shows the finished bitmap (an ImageBitmap, handed over
// without a copy) — and moves the canvas to where that redraw belongs in the same step, so the old picture stays
// where it was, correctly placed, until the new one is ready. One redraw at a time is in the worker; redraws asked for
// meanwhile collapse into the latest, sent when the one in the worker comes back (which is still shown: it is
// correctly placed for its own view, and fills a pan's new area sooner). Elsewhere the recording is replayed on the
// page, as before the worker existed.
/* global __RENDER_WORKER_URL__ */
import { startBuiltWorker } from "./builtWorker.js";
import { replay, resizeCanvas } from "./canvasRecording.js";

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
    resizeCanvas(canvas, bitmap.width, bitmap.height);
    place(placement);
    shown.transferFromImageBitmap(bitmap);
    if (waiting) {
      const next = waiting;
      waiting = null;
      send(next);
    }
  };
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
      resizeCanvas(canvas, placement.width, placement.height);
      place(placement);
      replay(ctx, recording);
    },
    close() {},
  };
}

// Defined by build.mjs: the render worker's content-hashed file under assets/. A worker that fails leaves the map
// unpainted: startBuiltWorker says so on the console.
const defaultWorker = () => startBuiltWorker(__RENDER_WORKER_URL__, "map render worker");
