// SignalR clients of /hubs/traffic through the front door, kept connected for the whole chaos run, as the dashboard
// is (web/src/hub.js): automatic reconnect, and after a reconnect the missed alerts asked for with GetAlertsSince.
// Usage: node alert-clients.cjs FRONT_URL CLIENTS
// Writes one JSON line per event to stdout: {"client", "kind": "connected"|"reconnected"|"alert", "id", "ts", "via"}.
// chaos.sh compares each client's alert ids with PostgreSQL `notifications`: a client on a killed silo must end up
// with every alert all the same. The @microsoft/signalr package is the dashboard's (web/node_modules), not a copy.
const path = require("node:path");
const signalR = require(path.join(__dirname, "../../web/node_modules/@microsoft/signalr"));

const [front, count] = [process.argv[2], Number(process.argv[3] ?? 6)];
// Alerts of one tick share its timestamp and partitions run unevenly (one that lagged after a fault delivers older
// alerts after newer ones): ask from a while before the last one received (traffic-clock minutes; chaos.sh scales it
// with the clock's speed-up) and drop what was already seen.
const catchUpMarginMs = Number(process.env.ALERT_CATCH_UP_MARGIN_MINUTES ?? 30) * 60_000;
const emit = (event) => process.stdout.write(JSON.stringify(event) + "\n");

function startClient(client) {
  const seen = new Set();
  let lastTimestamp = null;
  const received = (alert, via) => {
    if (seen.has(alert.event_id)) return;
    seen.add(alert.event_id);
    const ts = Date.parse(alert.timestamp);
    if (lastTimestamp === null || ts > lastTimestamp) lastTimestamp = ts;
    emit({ client, kind: "alert", id: alert.event_id, ts: alert.timestamp, via });
  };
  const hub = new signalR.HubConnectionBuilder()
    // One request, no negotiate: the front door's cookie affinity is not needed for a lone WebSocket.
    .withUrl(`${front}/hubs/traffic`, { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: () => 1000 })
    .configureLogging(signalR.LogLevel.None)
    .build();
  hub.on("alert", (alert) => received(alert, "live"));
  const catchUp = async () => {
    let since = new Date((lastTimestamp ?? Date.now()) - catchUpMarginMs).toISOString();
    // GetAlertsSince pages (at most 500 a call): ask again from the newest one until a page comes back short.
    for (;;) {
      const missed = await hub.invoke("GetAlertsSince", since);
      for (const alert of missed) received(alert, "catch-up");
      if (missed.length < 500) break;
      since = missed[missed.length - 1].timestamp;
    }
  };
  hub.onreconnected(() => {
    emit({ client, kind: "reconnected" });
    return catchUp();
  });
  // Gave up reconnecting (or never connected): start again, and catch up if it had been connected before.
  const connect = () =>
    hub.start().then(
      () => {
        emit({ client, kind: lastTimestamp === null ? "connected" : "reconnected" });
        return lastTimestamp === null ? undefined : catchUp();
      },
      () => setTimeout(connect, 1000),
    );
  hub.onclose(() => setTimeout(connect, 1000));
  connect();
}

for (let i = 0; i < count; i++) startClient(i);
