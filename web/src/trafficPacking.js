// trafficUpdated in typed arrays: the live worker decodes each message (3 MB of JSON at 20,000 roads) off the main
// thread and hands over a few transferable buffers instead of 20,000 objects, whose structured clone would cost the
// main thread about what the JSON parse did. Roads are named by their index in the road list the page loaded; a road
// the page does not know (added since) travels as a plain object. Pure, so it is unit-tested without a browser.
import { LEVELS } from "./congestion.js";

/** The numbers of one road, in this order, in `numbers` (NaN where the message had none). */
export const NUMBER_FIELDS = ["current_speed", "predicted_speed_10min", "predicted_speed_20min", "predicted_speed_30min"];
const UNKNOWN_LEVEL = 255;

const numberOrNaN = (value) => (typeof value === "number" ? value : NaN);

/** Packs a trafficUpdated array; `indexOf` maps a road id to its index in the page's road list. */
export function packUpdates(updates, indexOf) {
  const known = updates.filter((update) => indexOf.has(update.road_id));
  const indices = new Int32Array(known.length);
  const numbers = new Float64Array(known.length * NUMBER_FIELDS.length);
  const levels = new Uint8Array(known.length);
  known.forEach((update, i) => {
    indices[i] = indexOf.get(update.road_id);
    NUMBER_FIELDS.forEach((field, f) => (numbers[i * NUMBER_FIELDS.length + f] = numberOrNaN(update[field])));
    const level = LEVELS.indexOf(update.congestion_level);
    levels[i] = level < 0 ? UNKNOWN_LEVEL : level;
  });
  const others = known.length === updates.length ? [] : updates.filter((update) => !indexOf.has(update.road_id));
  return { indices, numbers, levels, others };
}

/** The buffers `packed` can hand over without copying (postMessage's transfer list). */
export const transferables = (packed) => [packed.indices.buffer, packed.numbers.buffer, packed.levels.buffer];

/**
 * Merges a packed message into `traffic` (road id → state, updated in place: the live map reads it per road) and
 * returns the ids it touched. `roadIds[i]` is the id of index i.
 */
export function unpackInto(packed, roadIds, traffic) {
  const { indices, numbers, levels, others } = packed;
  const ids = new Array(indices.length + others.length);
  for (let i = 0; i < indices.length; i++) {
    const id = roadIds[indices[i]];
    let state = traffic.get(id);
    if (!state) traffic.set(id, (state = { road_id: id }));
    for (let f = 0; f < NUMBER_FIELDS.length; f++) {
      const value = numbers[i * NUMBER_FIELDS.length + f];
      state[NUMBER_FIELDS[f]] = Number.isNaN(value) ? null : value;
    }
    state.congestion_level = levels[i] === UNKNOWN_LEVEL ? "unknown" : LEVELS[levels[i]];
    ids[i] = id;
  }
  others.forEach((update, j) => {
    traffic.set(update.road_id, { ...traffic.get(update.road_id), ...update });
    ids[indices.length + j] = update.road_id;
  });
  return ids;
}
