// Keeps the dashboard's SignalR connection live and says so: connecting → live; a drop → reconnecting; back →
// resync (the caller re-fetches the snapshot and the alerts missed since the last one seen) → live. SignalR's own
// automatic reconnect covers drops; a failed first start or a close after it gave up is retried here, forever,
// with growing delays, because a dashboard on a wall must come back by itself.

export const RETRY_DELAYS_MS = [0, 1000, 2000, 5000, 10000];

/** The delay before retry number `attempt` (0-based): the table, then its last value. */
export function retryDelay(attempt, delays = RETRY_DELAYS_MS) {
  return delays[Math.min(attempt, delays.length - 1)];
}

/**
 * Drives `hub` (a HubConnection: start, onreconnecting, onreconnected, onclose) and reports states through
 * `onState(state)`: "connecting" | "live" | "reconnecting". `resync(since)` runs after every reconnect and restart,
 * with the timestamp of the newest alert seen (or of the moment the connection dropped, if none was).
 * `schedule(fn, ms)` and `now()` are injectable for tests.
 */
export function createLiveConnection({ hub, onState, resync, schedule = (fn, ms) => setTimeout(fn, ms), now = () => new Date() }) {
  let state = "idle";
  let attempt = 0;
  let lastAlertAt = null;
  let droppedAt = null;
  let everLive = false;
  let stopped = false;

  const setState = (next) => {
    if (state === next) return;
    state = next;
    onState?.(next);
  };

  const markDropped = () => {
    droppedAt ??= now();
    setState("reconnecting");
  };

  const catchUp = async () => {
    const since = lastAlertAt ?? droppedAt;
    droppedAt = null;
    try {
      await resync?.(since);
    } finally {
      if (!stopped) setState("live");
    }
  };

  const tryStart = async () => {
    if (stopped) return;
    try {
      await hub.start();
      attempt = 0;
      if (everLive) await catchUp();
      else {
        everLive = true;
        setState("live");
      }
    } catch {
      if (stopped) return;
      markDropped();
      schedule(tryStart, retryDelay(++attempt));
    }
  };

  hub.onreconnecting(() => markDropped());
  hub.onreconnected(() => catchUp());
  hub.onclose(() => {
    if (stopped) return;
    markDropped();
    schedule(tryStart, retryDelay(attempt++));
  });

  return {
    get state() {
      return state;
    },
    get lastAlertAt() {
      return lastAlertAt;
    },
    /** Records an alert's timestamp, so a resync asks only for newer ones. */
    noteAlert(timestamp) {
      const at = new Date(timestamp);
      if (!Number.isNaN(at.getTime()) && (!lastAlertAt || at > lastAlertAt)) lastAlertAt = at;
    },
    start() {
      setState("connecting");
      return tryStart();
    },
    async stop() {
      stopped = true;
      await hub.stop?.();
    },
  };
}
