import { describe, expect, test } from "vitest";
import { CanvasRecorder, replay } from "../src/canvasRecording.js";

// A context that writes down every call and property set, in order.
function journal() {
  const calls = [];
  const target = {};
  const ctx = new Proxy(target, {
    get: (_, name) => (...args) => calls.push([name, ...args]),
    set: (_, name, value) => {
      calls.push([`${String(name)}=`, value]);
      return true;
    },
  });
  return { ctx, calls };
}

// What Leaflet's canvas renderer and groupedCanvas.js do in a redraw, against any context.
function drawScene(ctx) {
  ctx.setTransform(2, 0, 0, 2, -200, -100);
  ctx.save();
  ctx.beginPath();
  ctx.moveTo(10.25, 20.5);
  ctx.lineTo(30, 40);
  ctx.lineTo(-1e6, 123456.789);
  ctx.setLineDash([4, 6]);
  ctx.globalAlpha = 0.8;
  ctx.lineWidth = 5;
  ctx.strokeStyle = "#1b9e77";
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(5, 6, 7, 0, Math.PI * 2, false);
  ctx.closePath();
  ctx.fillStyle = "#1b9e77";
  ctx.fill("evenodd");
  ctx.rect(1, 2, 3, 4);
  ctx.clip();
  ctx.clearRect(0, 0, 10, 10);
  ctx.translate(3, 4);
  ctx.scale(2, 2);
  ctx.restore();
}

describe("a recorded redraw", () => {
  test("replays exactly the calls it recorded, in order, with the same values", () => {
    const direct = journal();
    drawScene(direct.ctx);
    const recorder = new CanvasRecorder();
    drawScene(recorder);
    const replayed = journal();
    replay(replayed.ctx, recorder.take());
    expect(replayed.calls).toEqual(direct.calls);
  });

  test("starts empty again after take, and grows past its first buffer", () => {
    const recorder = new CanvasRecorder();
    for (let i = 0; i < 10_000; i++) recorder.lineTo(i, -i);
    const first = recorder.take();
    expect(first.ops.length).toBe(30_000);
    expect(recorder.take().ops.length).toBe(0);
    const replayed = journal();
    replay(replayed.ctx, first);
    expect(replayed.calls.at(-1)).toEqual(["lineTo", 9999, -9999]);
  });

  test("keeps each style string once", () => {
    const recorder = new CanvasRecorder();
    for (let i = 0; i < 100; i++) recorder.strokeStyle = i % 2 ? "#d95f02" : "#1b9e77";
    expect(recorder.take().strings).toEqual(["#1b9e77", "#d95f02"]);
  });

  test("an unknown operation is an error, not a silent half-drawn map", () => {
    expect(() => replay(journal().ctx, { ops: new Float64Array([99]), strings: [] })).toThrow(/unknown operation/);
  });
});
