import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { CanvasRecorder } from "../src/canvasRecording.js";
import { createPainter } from "../src/mapPainter.js";

// A canvas element whose contexts write down what is shown on them.
function fakeCanvas() {
  const shown = [];
  const drawn = [];
  return {
    width: 0,
    height: 0,
    shown,
    drawn,
    getContext(kind) {
      if (kind === "bitmaprenderer") return { transferFromImageBitmap: (bitmap) => shown.push(bitmap.id) };
      return new Proxy({}, { get: (_, name) => (...args) => drawn.push([name, ...args]), set: () => true });
    },
  };
}

const recording = (x) => {
  const recorder = new CanvasRecorder();
  recorder.moveTo(x, x);
  return recorder.take();
};

// A render worker stand-in: keeps what it was sent; `finish()` answers the oldest as the real one would.
function fakeWorker() {
  const worker = {
    sent: [],
    postMessage(message) {
      worker.sent.push(message);
    },
    finish() {
      const { placement } = worker.sent.shift();
      worker.onmessage({ data: { placement, bitmap: { id: placement.id, width: placement.width, height: placement.height } } });
    },
    terminate: vi.fn(),
  };
  return worker;
}

describe("the map painter with a render worker", () => {
  beforeEach(() => {
    globalThis.OffscreenCanvas = class {};
    globalThis.Worker = class {};
  });
  afterEach(() => {
    delete globalThis.OffscreenCanvas;
    delete globalThis.Worker;
  });

  test("moves the canvas and shows the bitmap together, sized as the bitmap", () => {
    const canvas = fakeCanvas();
    const worker = fakeWorker();
    const placed = [];
    const painter = createPainter(canvas, (placement) => placed.push([placement.id, canvas.shown.length]), () => worker);
    painter.paint({ id: 1, width: 300, height: 200 }, recording(1));
    expect(placed).toEqual([]);
    worker.finish();
    // Placed right before the bitmap was shown (nothing shown yet at that moment), in the same step.
    expect(placed).toEqual([[1, 0]]);
    expect(canvas.shown).toEqual([1]);
    expect([canvas.width, canvas.height]).toEqual([300, 200]);
  });

  test("keeps one redraw in the worker; those asked for meanwhile collapse into the latest", () => {
    const canvas = fakeCanvas();
    const worker = fakeWorker();
    const painter = createPainter(canvas, () => {}, () => worker);
    painter.paint({ id: 1, width: 10, height: 10 }, recording(1));
    painter.paint({ id: 2, width: 10, height: 10 }, recording(2));
    painter.paint({ id: 3, width: 10, height: 10 }, recording(3));
    expect(worker.sent.map((m) => m.placement.id)).toEqual([1]);
    worker.finish();
    expect(worker.sent.map((m) => m.placement.id)).toEqual([3]);
    worker.finish();
    expect(canvas.shown).toEqual([1, 3]);
    painter.close();
    expect(worker.terminate).toHaveBeenCalled();
  });
});

describe("the map painter without workers that can draw", () => {
  test("replays the recording on the page's own canvas", () => {
    const canvas = fakeCanvas();
    const placed = [];
    const painter = createPainter(canvas, (placement) => placed.push(placement.id), () => {
      throw new Error("no worker should start");
    });
    painter.paint({ id: 7, width: 40, height: 30 }, recording(5));
    expect(placed).toEqual([7]);
    expect([canvas.width, canvas.height]).toEqual([40, 30]);
    expect(canvas.drawn.at(-1)).toEqual(["moveTo", 5, 5]);
  });
});
