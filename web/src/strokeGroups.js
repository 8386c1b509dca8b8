// Which lines a canvas redraw can stroke together: lines with the same stroke style (colour, width, opacity, dash,
// caps), so a redraw costs one stroke per style (about 25 on the live map) instead of one per road (20,000 in the
// synthetic city). Pure, so it is unit-tested without a browser; groupedCanvas.js draws the groups.

/** A line drawn by stroke alone (a polyline), as opposed to filled shapes and circle markers. */
const strokeOnly = (layer) => Array.isArray(layer._parts) && !layer.options.fill;

const styleKey = ({ color, weight, opacity, dashArray, lineCap, lineJoin }) =>
  `${color}|${weight}|${opacity}|${dashArray ?? ""}|${lineCap}|${lineJoin}`;

/**
 * Splits the layers (in drawing order) into groups of stroke-only lines sharing a style, ordered by each group's first
 * line — so lines added later (routes, a selected road brought to the front) still come out on top — and the other
 * layers, drawn after them in their own order.
 */
export function strokeGroups(layers) {
  const groups = new Map();
  const others = [];
  for (const layer of layers) {
    if (!strokeOnly(layer)) {
      others.push(layer);
      continue;
    }
    const key = styleKey(layer.options);
    const group = groups.get(key);
    if (group) group.push(layer);
    else groups.set(key, [layer]);
  }
  return { groups: [...groups.values()], others };
}
