// The SignalR connection to /hubs/traffic, run by the live worker (liveWorker.js): live traffic, alerts and graph
// updates handed to callbacks; after a reconnect the snapshot is fetched again and missed alerts are asked for with
// GetAlertsSince (see push/README.md).
import { HubConnectionBuilder, LogLevel } from "@microsoft/signalr";
import { catchUpSince, createSeenAlerts } from "./alertCatchUp.js";
import { api } from "./api.js";
import { createLiveConnection, retryDelay } from "./connection.js";

// The server reaches back at most Push:AlertsSinceMaxAge (2 h since stored, wall clock) in pages of ~500: a bound, not a limit in practice.
const maxCatchUpPages = 50;

/**
 * Connects to the hub at `url` (absolute: a worker has no document to resolve it against) and reports through
 * `onState(state)`, `onTraffic(updates)`, `onAlert(alert)` (each alert once, catch-up included), `onGraph(event)` and
 * `onSnapshot(rows)` (a fresh /traffic/current after a reconnect, before the missed alerts).
 */
export function openLiveChannel({ url, onState, onTraffic, onAlert, onGraph, onSnapshot }) {
  const hub = new HubConnectionBuilder()
    .withUrl(url)
    // Never give up: the badge shows the state, and the controller restarts the connection if this does close.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => retryDelay(context.previousRetryCount + 1) })
    // The state badge is the user-facing report; SignalR's own console errors during an outage add nothing.
    .configureLogging(LogLevel.None)
    .build();

  let live;
  const seen = createSeenAlerts();
  const deliver = (alert) => {
    if (!seen.isNew(alert.event_id)) return;
    live?.noteAlert(alert.timestamp);
    onAlert(alert);
  };
  hub.on("trafficUpdated", onTraffic);
  hub.on("alert", deliver);
  hub.on("graphUpdated", onGraph);

  live = createLiveConnection({
    hub,
    onState,
    resync: async (since) => {
      onSnapshot(await api.current());
      if (!since) return;
      // From a margin before the newest alert seen (partitions lag each other; see alertCatchUp.js). Pages end with a
      // whole timestamp: ask on from the last one until a page comes back empty.
      let from = catchUpSince(since).toISOString();
      for (let page = 0; page < maxCatchUpPages; page++) {
        const missed = await hub.invoke("GetAlertsSince", from);
        if (missed.length === 0) break;
        missed.forEach(deliver);
        from = missed[missed.length - 1].timestamp;
      }
    },
  });
  live.start();
  return live;
}
