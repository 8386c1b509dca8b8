// The SignalR connection to /hubs/traffic: live traffic, alerts and graph updates into the store; after a reconnect
// the snapshot is fetched again and missed alerts are asked for with GetAlertsSince (see push/README.md).
import { HubConnectionBuilder, LogLevel } from "@microsoft/signalr";
import { catchUpSince, createSeenAlerts } from "./alertCatchUp.js";
import { api } from "./api.js";
import { createLiveConnection, retryDelay } from "./connection.js";
import { applySnapshot, applyUpdates, emit } from "./store.js";

// The server reaches back at most Push:AlertsSinceMaxAge (2 h since stored, wall clock) in pages of ~500: a bound, not a limit in practice.
const maxCatchUpPages = 50;

export function connectHub(onState) {
  const hub = new HubConnectionBuilder()
    .withUrl("/hubs/traffic")
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
    emit("alert", alert);
  };
  hub.on("trafficUpdated", (updates) => applyUpdates(updates));
  hub.on("alert", deliver);
  hub.on("graphUpdated", (event) => emit("graph", event));

  live = createLiveConnection({
    hub,
    onState,
    resync: async (since) => {
      applySnapshot(await api.current());
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
