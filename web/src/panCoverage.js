// When a map move needs no canvas redraw: the canvas renderer draws an area larger than the view (its padding) in
// layer pixels; after a pan at the same zoom and pixel origin whose view is still inside that area, what is drawn is
// still right — only the map pane moved. Pure, so it is unit-tested without a browser.

/**
 * `drawn`: {bounds: {min, max}, zoom, origin} of the last full update, or null; `view`: {zoom, origin, min, max} now
 * (points with x, y). True when the canvas can stay as it is.
 */
export function panStaysInside(drawn, view) {
  if (!drawn?.bounds || !drawn.origin || drawn.zoom !== view.zoom) return false;
  if (drawn.origin.x !== view.origin.x || drawn.origin.y !== view.origin.y) return false;
  const { min, max } = drawn.bounds;
  return view.min.x >= min.x && view.min.y >= min.y && view.max.x <= max.x && view.max.y <= max.y;
}
