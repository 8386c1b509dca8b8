// Leaflet's canvas renderer, changed in three ways, each measured with bench/dashboard-frames:
// - one stroke per style instead of one per line — the optimisation Leaflet 1.9 leaves as unfinished in
//   Canvas._updatePoly (its own comment there): 20,000 separate beginPath/stroke calls were what a redraw cost;
// - a redraw is recorded on the page and drawn in a worker (canvasRecording.js, mapPainter.js): the stroking and the
//   software rasterising of 20,000 roads (~150 ms per live tick) no longer stall the page's pan and zoom. The canvas
//   moves to a redraw's place only when its bitmap is shown, so every redraw is whole (a bitmap replaces the last);
// - a pan that stays inside the area already drawn (the canvas is `padding` larger than the view on every side)
//   keeps the canvas as it is instead of re-clipping and redrawing every road (Leaflet redraws on every moveend).
// Hit-testing (clicks on roads) is Leaflet's own, per line, on the page.
import L from "leaflet";
import { CanvasRecorder } from "./canvasRecording.js";
import { createPainter } from "./mapPainter.js";
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
    if (this._map) this._redrawRequest ||= L.Util.requestAnimFrame(this._redraw, this);
  },

  onAdd() {
    L.Renderer.prototype.onAdd.call(this);
    this._redraw();
  },

  // Leaflet's, with the recorder and painter in place of the canvas's own 2D context.
  _initContainer() {
    const container = (this._container = document.createElement("canvas"));
    L.DomEvent.on(container, "mousemove", this._onMouseMove, this);
    L.DomEvent.on(container, "click dblclick mousedown mouseup contextmenu", this._onClick, this);
    L.DomEvent.on(container, "mouseout", this._handleMouseOut, this);
    container._leaflet_disable_events = true;
    this._ctx = new CanvasRecorder();
    this._painter = createPainter(container, (placement) => this._place(placement));
  },

  _destroyContainer() {
    this._painter.close();
    L.Canvas.prototype._destroyContainer.call(this);
  },

  // Every redraw is whole: no area to grow.
  _extendRedrawBounds() {},

  _update() {
    const map = this._map;
    if (map._animatingZoom && this._bounds) return;
    const drawn = this._bounds && { bounds: this._bounds, zoom: this._zoom, origin: this._drawnOrigin };
    const view = {
      zoom: map.getZoom(),
      origin: map.getPixelOrigin(),
      min: map.containerPointToLayerPoint([0, 0]),
      max: map.containerPointToLayerPoint(map.getSize()),
    };
    if (panStaysInside(drawn, view)) return;
    // The bounds, centre and zoom of the next redraw; the canvas itself moves when that redraw is shown (_place).
    L.Renderer.prototype._update.call(this);
    this._drawnOrigin = map.getPixelOrigin();
    this.fire("update");
  },

  _redraw() {
    // Called directly by a moveend's update too: a redraw requested for the next frame would then draw it all again.
    if (this._redrawRequest) L.Util.cancelAnimFrame(this._redrawRequest);
    this._redrawRequest = null;
    this._redrawBounds = null;
    if (!this._map || !this._bounds) return;
    const bounds = this._bounds;
    const size = bounds.getSize();
    const scale = L.Browser.retina ? 2 : 1;
    // Whole and from a blank canvas: the painter replaces the picture rather than patching it.
    this._ctx.setTransform(1, 0, 0, 1, 0, 0);
    this._ctx.clearRect(0, 0, scale * size.x, scale * size.y);
    this._ctx.setTransform(scale, 0, 0, scale, -bounds.min.x * scale, -bounds.min.y * scale);
    this._draw();
    // Where the canvas goes is kept as the geographic point of its top-left corner and the zoom it was drawn at, so
    // it lands right even if the view moved again before the worker was done.
    const corner = this._map.layerPointToLatLng(bounds.min);
    this._painter.paint(
      { width: scale * size.x, height: scale * size.y, cssWidth: size.x, cssHeight: size.y, lat: corner.lat, lng: corner.lng, zoom: this._zoom },
      this._ctx.take(),
    );
  },

  _draw() {
    const visible = [];
    for (let order = this._drawFirst; order; order = order.next) visible.push(order.layer);
    const ctx = this._ctx;
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
  },

  // Shows the redraw the painter is about to show where it belongs (what Leaflet's _update did at once).
  _place(placement) {
    const container = this._container;
    const map = this._map;
    if (!container || !map) return;
    this._shown = placement;
    container.style.width = `${placement.cssWidth}px`;
    container.style.height = `${placement.cssHeight}px`;
    if (map._animatingZoom) this._updateTransform(map._animateToCenter, map._animateToZoom);
    else this._position(map.project([placement.lat, placement.lng]).subtract(map.getPixelOrigin()), map.getZoom());
  },

  // Leaflet's zoom animation step, relative to the picture shown rather than to the latest redraw asked for (which
  // may still be in the worker).
  _updateTransform(center, zoom) {
    const shown = this._shown;
    if (!shown || !this._container) return;
    this._position(this._map.project([shown.lat, shown.lng], zoom).subtract(this._map._getNewPixelOrigin(center, zoom)), zoom);
  },

  _position(topLeft, zoom) {
    const scale = this._map.getZoomScale(zoom, this._shown.zoom);
    if (scale === 1) L.DomUtil.setPosition(this._container, topLeft);
    else L.DomUtil.setTransform(this._container, topLeft, scale);
  },
});

/** A canvas renderer like L.canvas(options) that strokes lines of one style together and draws in a worker. */
export const groupedCanvas = (options) => new GroupedCanvas(options);
