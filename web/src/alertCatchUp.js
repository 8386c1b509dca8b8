// What a reconnecting client asks GetAlertsSince for, and how it avoids showing an alert twice. Alerts do not arrive in
// timestamp order: each Kafka partition runs on its own, and one that lags (its silo died, or just a busy moment) delivers
// a tick's alerts after another partition's newer ones. Asking only "after the newest timestamp seen" would skip the
// lagging partition's alerts stored while the client was away, so the client asks from a margin before it and drops
// the ones it already has (by event_id).

/** How far before the newest alert seen a catch-up starts: three 5-minute ticks of lag between partitions. */
export const CATCH_UP_MARGIN_MS = 15 * 60 * 1000;

/** The `since` of a catch-up after the newest alert timestamp seen (a Date), or null when nothing was seen. */
export function catchUpSince(newestSeen, marginMs = CATCH_UP_MARGIN_MS) {
  return newestSeen ? new Date(newestSeen.getTime() - marginMs) : null;
}

/** Remembers the last `limit` event ids; `isNew(id)` is true the first time an id is offered. */
export function createSeenAlerts(limit = 5000) {
  const seen = new Set();
  return {
    isNew(eventId) {
      if (eventId == null) return true;
      if (seen.has(eventId)) return false;
      seen.add(eventId);
      // A Set iterates in insertion order: the first entry is the oldest.
      if (seen.size > limit) seen.delete(seen.values().next().value);
      return true;
    },
  };
}
