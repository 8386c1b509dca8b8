// The dashboard's live connection in a Web Worker: receiving and decoding trafficUpdated (3 MB of JSON a tick at
// 20,000 roads) cost the main thread ~0.1 s per message, which the map's pan and zoom felt as a stall
// (bench/dashboard-frames). Here the worker does it and posts typed arrays (trafficPacking.js); alerts, graph
// events, connection states and reconnect snapshots are small and go as they are. Started by hub.js.
import { openLiveChannel } from "./liveChannel.js";
import { packUpdates, transferables } from "./trafficPacking.js";

self.onmessage = ({ data }) => {
  if (data.type !== "start") return;
  const indexOf = new Map(data.roadIds.map((id, i) => [id, i]));
  const post = (message) => self.postMessage(message);
  openLiveChannel({
    url: new URL("/hubs/traffic", self.location.origin).href,
    onState: (state) => post({ type: "state", state }),
    onTraffic: (updates) => {
      const packed = packUpdates(updates, indexOf);
      self.postMessage({ type: "traffic", packed }, transferables(packed));
    },
    onAlert: (alert) => post({ type: "alert", alert }),
    onGraph: (event) => post({ type: "graph", event }),
    onSnapshot: (rows) => post({ type: "snapshot", rows }),
  });
};
