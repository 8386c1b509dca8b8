// Starts the live worker (liveWorker.js: the SignalR connection, off the main thread) and applies what it posts to
// the store: traffic as typed arrays, alerts, graph events, connection states and reconnect snapshots.
/* global __LIVE_WORKER_URL__ */
import { startBuiltWorker } from "./builtWorker.js";
import { applyPackedUpdates, applySnapshot, emit, store } from "./store.js";

export function connectHub(onState) {
  // The worker names roads by their index in this list (trafficPacking.js).
  const roadIds = [...store.roads.keys()];
  // Defined by build.mjs: the worker's content-hashed file under assets/. A worker that fails (to load or later)
  // leaves the page without live data: the badge says so too.
  const worker = startBuiltWorker(__LIVE_WORKER_URL__, "live worker", () => onState("reconnecting"));
  worker.onmessage = ({ data }) => {
    if (data.type === "traffic") applyPackedUpdates(data.packed, roadIds);
    else if (data.type === "alert") emit("alert", data.alert);
    else if (data.type === "graph") emit("graph", data.event);
    else if (data.type === "snapshot") applySnapshot(data.rows);
    else if (data.type === "state") onState(data.state);
  };
  worker.postMessage({ type: "start", roadIds });
  return worker;
}
