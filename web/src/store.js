// The dashboard's shared state: the road map (geometry, class, free flow), the latest traffic per road, the shown
// horizon and when data last arrived. Pages read it and subscribe to its changes.
import { unpackInto } from "./trafficPacking.js";

const listeners = new Map();

export const store = {
  /** road_id → {road_id, road_name, road_class, length_m, free_flow_speed, lines} */
  roads: new Map(),
  /** road_id → {congestion_level, current_speed, jam_factor?, predicted_speed_10min/20min/30min, last_updated?} */
  traffic: new Map(),
  horizon: 0,
  /** Time of the newest traffic data: the newest reading of a snapshot, or the arrival of a push update. */
  lastDataAt: null,
  /** trafficUpdated messages and road updates received since the page loaded (the frames bench reads them). */
  received: { messages: 0, roads: 0 },
  config: { tile_url: null, tile_attribution: "", stale_after_seconds: 660, system_status_available: false },
};

export function on(event, listener) {
  if (!listeners.has(event)) listeners.set(event, new Set());
  listeners.get(event).add(listener);
  return () => listeners.get(event).delete(listener);
}

export function emit(event, payload) {
  listeners.get(event)?.forEach((listener) => listener(payload));
}

/** Replaces the traffic of the roads in a /traffic/current snapshot. */
export function applySnapshot(rows) {
  let newest = null;
  for (const row of rows) {
    store.traffic.set(row.road_id, { ...store.traffic.get(row.road_id), ...row });
    const at = new Date(row.last_updated ?? row.timestamp);
    if (!Number.isNaN(at.getTime()) && (!newest || at > newest)) newest = at;
  }
  // The snapshot's own age, not the moment it was fetched: an old snapshot must read as stale.
  if (newest && (!store.lastDataAt || newest > store.lastDataAt)) store.lastDataAt = newest;
  emit("traffic", rows.map((row) => row.road_id));
}

/** Merges a trafficUpdated message as the live worker packed it (trafficPacking.js); `roadIds` names its indices. */
export function applyPackedUpdates(packed, roadIds) {
  const ids = unpackInto(packed, roadIds, store.traffic);
  store.received.messages++;
  store.received.roads += ids.length;
  store.lastDataAt = new Date();
  emit("traffic", ids);
}

export function setHorizon(horizon) {
  store.horizon = horizon;
  emit("horizon", horizon);
}
