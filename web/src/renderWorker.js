// The map's render worker: replays a redraw recorded on the page (canvasRecording.js) onto an OffscreenCanvas and
// sends back the finished bitmap, so neither the stroking nor the software rasterising of 20,000 roads runs on the
// page's thread (see mapPainter.js, which starts it).
import { replay } from "./canvasRecording.js";

let canvas;
let ctx;

self.onmessage = ({ data: { placement, recording } }) => {
  const width = Math.max(1, placement.width);
  const height = Math.max(1, placement.height);
  if (!canvas) {
    canvas = new OffscreenCanvas(width, height);
    ctx = canvas.getContext("2d");
  }
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  replay(ctx, recording);
  const bitmap = canvas.transferToImageBitmap();
  self.postMessage({ placement, bitmap }, [bitmap]);
};
