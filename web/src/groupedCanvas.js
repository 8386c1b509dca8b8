// Leaflet's canvas renderer with one stroke per style instead of one per line — the optimisation Leaflet 1.9 leaves
// as unfinished in Canvas._updatePoly (its own comment there). A live tick restyles thousands of roads and a pan or zoom re-projects all of them;
// either way the whole view is redrawn, and 20,000 separate beginPath/stroke calls with their state changes were
// what a redraw cost. Hit-testing (clicks on roads) is Leaflet's own, per line.
// Two more savings, both measured with bench/dashboard-frames: a tick's restyle asks for one full redraw instead of
// growing the redraw area line by line (restyle), and a pan that stays inside the area already drawn (the canvas is
// `padding` larger than the view on every side) keeps the canvas as it is instead of re-clipping and redrawing
// every road (Leaflet redraws on every moveend).
import L from "leaflet";
import { panStaysInside } from "./panCoverage.js";
import { strokeGroups } from "./strokeGroups.js";

const GroupedCanvas = L.Canvas.extend({
  /** Applies `[layer, style]` pairs (Leaflet path options) and redraws the whole canvas once, at the next frame. */
  restyle(changes) {
    for (const [layer, style] of changes) {
      const widthChanged = layer.options.weight !== style.weight;
      L.Util.setOptions(layer, style);
      this._updateDashArray(layer);
      // What Path.setStyle does when the width changes: the line's hit area follows it.
      if (widthChanged) layer._updateBounds();
    }
    this._fullRedraw = true;
    this._redrawBounds = null;
    if (this._map) this._redrawRequest ||= L.Util.requestAnimFrame(this._redraw, this);
  },

  _extendRedrawBounds(layer) {
    // While a full redraw is due, growing an area would turn it into a partial one.
    if (!this._fullRedraw) L.Canvas.prototype._extendRedrawBounds.call(this, layer);
  },

  _redraw() {
    // Called directly by a moveend's update too: a redraw requested for the next frame would then draw it all again.
    if (this._redrawRequest) L.Util.cancelAnimFrame(this._redrawRequest);
    this._fullRedraw = false;
    L.Canvas.prototype._redraw.call(this);
  },

  _update() {
    const map = this._map;
    const drawn = this._bounds && { bounds: this._bounds, zoom: this._zoom, origin: this._drawnOrigin };
    const view = {
      zoom: map.getZoom(),
      origin: map.getPixelOrigin(),
      min: map.containerPointToLayerPoint([0, 0]),
      max: map.containerPointToLayerPoint(map.getSize()),
    };
    if (!map._animatingZoom && panStaysInside(drawn, view)) return;
    L.Canvas.prototype._update.call(this);
    this._drawnOrigin = map.getPixelOrigin();
  },

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
