// Leaflet's canvas renderer with one stroke per style instead of one per line — the optimisation Leaflet 1.9 leaves
// as unfinished in Canvas._updatePoly (its own comment there). A live tick restyles thousands of roads and a pan or zoom re-projects all of them;
// either way the whole view is redrawn, and 20,000 separate beginPath/stroke calls with their state changes were
// what a redraw cost. Hit-testing (clicks on roads) is Leaflet's own, per line.
import L from "leaflet";
import { strokeGroups } from "./strokeGroups.js";

const GroupedCanvas = L.Canvas.extend({
  _draw() {
    const bounds = this._redrawBounds;
    const ctx = this._ctx;
    ctx.save();
    if (bounds) {
      const size = bounds.getSize();
      ctx.beginPath();
      ctx.rect(bounds.min.x, bounds.min.y, size.x, size.y);
      ctx.clip();
    }

    const visible = [];
    for (let order = this._drawFirst; order; order = order.next) {
      const layer = order.layer;
      if (!bounds || (layer._pxBounds && layer._pxBounds.intersects(bounds))) visible.push(layer);
    }
    const { groups, others } = strokeGroups(visible);
    for (const group of groups) {
      ctx.beginPath();
      for (const layer of group) {
        for (const part of layer._parts) {
          for (let i = 0; i < part.length; i++) ctx[i ? "lineTo" : "moveTo"](part[i].x, part[i].y);
        }
      }
      this._fillStroke(ctx, group[0]);
    }

    this._drawing = true;
    for (const layer of others) layer._updatePath();
    this._drawing = false;
    ctx.restore();
  },
});

/** A canvas renderer like L.canvas(options) that strokes lines of one style together. */
export const groupedCanvas = (options) => new GroupedCanvas(options);
