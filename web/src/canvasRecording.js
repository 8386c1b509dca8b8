// The canvas 2D calls of a map redraw, recorded as numbers so the drawing itself can happen in the render worker
// (renderWorker.js): stroking 20,000 roads and rasterising them in software cost the main thread ~150 ms per live
// tick at 20,000 roads (bench/dashboard-frames, trace.mjs), felt as a stall while panning. Recording the same calls
// into a typed array costs a fraction of that. Covers what Leaflet's canvas renderer and groupedCanvas.js call.

const OP = {
  save: 1, restore: 2, beginPath: 3, closePath: 4, moveTo: 5, lineTo: 6, rect: 7, clip: 8, arc: 9,
  setTransform: 10, translate: 11, scale: 12, clearRect: 13, fill: 14, stroke: 15, setLineDash: 16,
  globalAlpha: 17, lineWidth: 18, strokeStyle: 19, fillStyle: 20, lineCap: 21, lineJoin: 22,
};

/** A stand-in for a CanvasRenderingContext2D that records calls; `take()` hands them over and starts afresh. */
export class CanvasRecorder {
  constructor() {
    this._reset(4096);
  }

  save() { this._push(OP.save); }
  restore() { this._push(OP.restore); }
  beginPath() { this._push(OP.beginPath); }
  closePath() { this._push(OP.closePath); }
  moveTo(x, y) { this._point(OP.moveTo, x, y); }
  lineTo(x, y) { this._point(OP.lineTo, x, y); }
  rect(x, y, w, h) { this._push(OP.rect, x, y, w, h); }
  clip() { this._push(OP.clip); }
  arc(x, y, r, start, end, anticlockwise = false) { this._push(OP.arc, x, y, r, start, end, anticlockwise ? 1 : 0); }
  setTransform(a, b, c, d, e, f) { this._push(OP.setTransform, a, b, c, d, e, f); }
  translate(x, y) { this._push(OP.translate, x, y); }
  scale(x, y) { this._push(OP.scale, x, y); }
  clearRect(x, y, w, h) { this._push(OP.clearRect, x, y, w, h); }
  fill(rule = "nonzero") { this._push(OP.fill, this._string(rule)); }
  stroke() { this._push(OP.stroke); }
  setLineDash(segments) {
    this._push(OP.setLineDash, segments.length);
    for (const length of segments) this._push(length);
  }

  set globalAlpha(value) { this._push(OP.globalAlpha, value); }
  set lineWidth(value) { this._push(OP.lineWidth, value); }
  set strokeStyle(value) { this._push(OP.strokeStyle, this._string(value)); }
  set fillStyle(value) { this._push(OP.fillStyle, this._string(value)); }
  set lineCap(value) { this._push(OP.lineCap, this._string(value)); }
  set lineJoin(value) { this._push(OP.lineJoin, this._string(value)); }

  /** The recording so far, as `{ ops, strings }` (ops' buffer is transferable, not copied); the recorder is empty afterwards. */
  take() {
    const recording = { ops: this._ops.subarray(0, this._length), strings: this._strings };
    this._reset(Math.max(4096, this._ops.length));
    return recording;
  }

  _reset(capacity) {
    this._ops = new Float64Array(capacity);
    this._length = 0;
    this._strings = [];
    this._stringIndex = new Map();
  }

  _string(value) {
    const text = String(value);
    let index = this._stringIndex.get(text);
    if (index === undefined) {
      index = this._strings.push(text) - 1;
      this._stringIndex.set(text, index);
    }
    return index;
  }

  // The hot path (a redraw is mostly points): no argument array per call.
  _point(op, x, y) {
    if (this._length + 3 > this._ops.length) this._grow(3);
    const ops = this._ops;
    ops[this._length] = op;
    ops[this._length + 1] = x;
    ops[this._length + 2] = y;
    this._length += 3;
  }

  _push(...values) {
    if (this._length + values.length > this._ops.length) this._grow(values.length);
    for (const value of values) this._ops[this._length++] = value;
  }

  _grow(needed) {
    const grown = new Float64Array(Math.max(this._ops.length * 2, this._length + needed));
    grown.set(this._ops.subarray(0, this._length));
    this._ops = grown;
  }
}

/** Sizes a canvas (element or OffscreenCanvas) in device pixels, touching it only when the size changes (a resize clears it). */
export function resizeCanvas(canvas, width, height) {
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
}

/** Plays a recording onto a real canvas 2D context (the render worker's, or the page's where workers cannot draw). */
export function replay(ctx, { ops, strings }) {
  let i = 0;
  const next = () => ops[i++];
  while (i < ops.length) {
    switch (next()) {
      case OP.save: ctx.save(); break;
      case OP.restore: ctx.restore(); break;
      case OP.beginPath: ctx.beginPath(); break;
      case OP.closePath: ctx.closePath(); break;
      case OP.moveTo: ctx.moveTo(next(), next()); break;
      case OP.lineTo: ctx.lineTo(next(), next()); break;
      case OP.rect: ctx.rect(next(), next(), next(), next()); break;
      case OP.clip: ctx.clip(); break;
      case OP.arc: ctx.arc(next(), next(), next(), next(), next(), next() === 1); break;
      case OP.setTransform: ctx.setTransform(next(), next(), next(), next(), next(), next()); break;
      case OP.translate: ctx.translate(next(), next()); break;
      case OP.scale: ctx.scale(next(), next()); break;
      case OP.clearRect: ctx.clearRect(next(), next(), next(), next()); break;
      case OP.fill: ctx.fill(strings[next()]); break;
      case OP.stroke: ctx.stroke(); break;
      case OP.setLineDash: {
        const count = next();
        ctx.setLineDash(Array.from(ops.subarray(i, i + count)));
        i += count;
        break;
      }
      case OP.globalAlpha: ctx.globalAlpha = next(); break;
      case OP.lineWidth: ctx.lineWidth = next(); break;
      case OP.strokeStyle: ctx.strokeStyle = strings[next()]; break;
      case OP.fillStyle: ctx.fillStyle = strings[next()]; break;
      case OP.lineCap: ctx.lineCap = strings[next()]; break;
      case OP.lineJoin: ctx.lineJoin = strings[next()]; break;
      default: throw new Error(`canvas recording: unknown operation at ${i - 1}`);
    }
  }
}
