// The map's render worker: replays a redraw recorded on the page (canvasRecording.js) onto an OffscreenCanvas and
// sends back the finished bitmap, so neither the stroking nor the software rasterising of 20,000 roads runs on the
// page's thread (see mapPainter.js, which starts it).
import { replay, resizeCanvas } from "./canvasRecording.js";

let canvas;
let ctx;

self.onmessage = ({ data: { placement, recording } }) => {
  const width = Math.max(1, placement.width);
  const height = Math.max(1, placement.height);
  if (!canvas) {
    canvas = new OffscreenCanvas(width, height);
    ctx = canvas.getContext("2d");
  }
  resizeCanvas(canvas, width, height);
  // The recording starts by clearing (groupedCanvas.js); a bitmap handed over leaves a blank one behind anyway.
  replay(ctx, recording);
  const bitmap = canvas.transferToImageBitmap();
  self.postMessage({ placement, bitmap }, [bitmap]);
};
