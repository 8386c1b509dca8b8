// How a road is drawn: colour from a colour-blind-safe palette (Okabe–Ito), plus dash and width so colour is not the
// only cue; width also grows with the road's class (1 = major).

export const LEVELS = ["free", "moderate", "heavy", "severe"];

const STYLES = {
  free: { color: "#009e73", dashArray: null, widthFactor: 1 },
  moderate: { color: "#e69f00", dashArray: "10 6", widthFactor: 1.25 },
  heavy: { color: "#d55e00", dashArray: "4 4", widthFactor: 1.5 },
  severe: { color: "#8b0057", dashArray: null, widthFactor: 2 },
  unknown: { color: "#8c8c8c", dashArray: "1 6", widthFactor: 1 },
};

/** Base width in pixels of a road of functional class 1..5. */
export function classWidth(roadClass) {
  const cls = Number.isInteger(roadClass) ? Math.min(Math.max(roadClass, 1), 5) : 4;
  return 7 - cls;
}

/** The level of a speed ratio (speed / free-flow), with the product's thresholds (CongestionLevel.cs). */
export function levelFromRatio(ratio) {
  if (!Number.isFinite(ratio)) return "unknown";
  if (ratio >= 0.75) return "free";
  if (ratio >= 0.5) return "moderate";
  if (ratio >= 0.25) return "heavy";
  return "severe";
}

/**
 * The level of a road at a horizon (0 = now, 10/20/30 minutes): now is the reported level; ahead it is the
 * predicted speed over the road's free-flow speed.
 */
export function levelAt(state, horizon, freeFlowSpeed) {
  if (!state) return "unknown";
  if (!horizon) return LEVELS.includes(state.congestion_level) ? state.congestion_level : "unknown";
  const predicted = state[`predicted_speed_${horizon}min`];
  if (predicted == null || !(freeFlowSpeed > 0)) return "unknown";
  return levelFromRatio(predicted / freeFlowSpeed);
}

/** Leaflet path options for a road at a level. */
export function roadStyle(level, roadClass) {
  const style = STYLES[level] ?? STYLES.unknown;
  return { color: style.color, dashArray: style.dashArray, weight: classWidth(roadClass) * style.widthFactor, opacity: 0.9 };
}

/** The legend's entries in severity order. */
export function legendEntries() {
  return [...LEVELS, "unknown"].map((level) => ({ level, ...STYLES[level] }));
}
