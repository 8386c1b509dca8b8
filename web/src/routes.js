// Route answers of POST /route/recommend turned into what the route finder draws and lists.

const EARTH_RADIUS_M = 6371008.8;

/** Great-circle distance in metres. */
export function haversineMeters(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** "7 min", "1 h 05 min"; whole minutes, at least 1 for any positive time. */
export function formatEta(minutes) {
  const total = Math.max(minutes > 0 ? 1 : 0, Math.round(minutes));
  if (total < 60) return `${total} min`;
  const hours = Math.floor(total / 60);
  return `${hours} h ${String(total % 60).padStart(2, "0")} min`;
}

/** "+N min" against the fastest route; "" for the fastest itself or a difference that rounds to 0. */
export function formatDelta(minutes, fastestMinutes) {
  const delta = Math.round(minutes - fastestMinutes);
  return delta > 0 ? `+${delta} min` : "";
}

/** "850 m" below 1 km, else "4.2 km". */
export function formatDistance(km) {
  return km < 1 ? `${Math.round(km * 1000)} m` : `${km.toFixed(1)} km`;
}

/**
 * The roads a route mostly uses: consecutive waypoints on one road name form a stretch; the longest `count`
 * stretches (summed per name) are returned in travel order.
 */
export function mainRoads(waypoints, count = 3) {
  const lengths = new Map();
  const order = [];
  for (let i = 0; i + 1 < waypoints.length; i++) {
    const name = waypoints[i].road_name;
    if (!name) continue;
    if (!lengths.has(name)) {
      lengths.set(name, 0);
      order.push(name);
    }
    lengths.set(name, lengths.get(name) + haversineMeters(waypoints[i], waypoints[i + 1]));
  }
  const longest = new Set([...lengths.entries()].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name]) => name));
  return order.filter((name) => longest.has(name));
}

/** The recommended route and its alternatives, fastest first as the API ranks them, ready to draw and list. */
export function describeRoutes(response) {
  const options = [response.recommended_route, ...(response.alternatives ?? [])].filter(Boolean);
  const fastest = options[0]?.eta_minutes ?? 0;
  return options.map((option, index) => ({
    index,
    best: index === 0,
    etaMinutes: option.eta_minutes,
    eta: formatEta(option.eta_minutes),
    delta: index === 0 ? "" : formatDelta(option.eta_minutes, fastest),
    distance: formatDistance(option.distance_km),
    roads: mainRoads(option.waypoints),
    summary: option.congestion_summary ?? "",
    latlngs: option.waypoints.map((point) => [point.lat, point.lng]),
  }));
}

/** Leaflet style of a drawn route: the best one blue on top, alternatives grey; the selected one thicker. */
export function routeStyle(best, selected) {
  return { color: best ? "#0072b2" : "#7f7f7f", weight: selected ? 8 : 5, opacity: best || selected ? 0.95 : 0.75 };
}

/** A new answer replaces the shown one when its best ETA moved by more than `threshold` (10 %). */
export function shouldReroute(shownMinutes, newMinutes, threshold = 0.1) {
  if (!(shownMinutes > 0)) return true;
  return Math.abs(newMinutes - shownMinutes) / shownMinutes > threshold;
}

/**
 * When the route finder asks again after graph updates: `delayMs` after the latest update (the silo's route replica
 * takes a moment to install the new weights), but never later than `maxWaitMs` after the first one still unanswered.
 * A plain debounce would restart its timer on every update and never fire while updates keep coming faster than
 * the delay, as they do when the routing graph applies prediction batches back to back.
 */
export function rerouteScheduler(run, { delayMs = 1000, maxWaitMs = 3000, timers = globalThis, now = () => Date.now() } = {}) {
  let timer = 0;
  let firstAt = null;
  const fire = () => {
    timer = 0;
    firstAt = null;
    run();
  };
  return {
    schedule() {
      const at = now();
      firstAt ??= at;
      timers.clearTimeout(timer);
      timer = timers.setTimeout(fire, Math.max(0, Math.min(delayMs, firstAt + maxWaitMs - at)));
    },
    cancel() {
      timers.clearTimeout(timer);
      timer = 0;
      firstAt = null;
    },
  };
}
