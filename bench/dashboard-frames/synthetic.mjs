// A synthetic city for the frames bench, served by a small local HTTP and WebSocket server instead of a silo: the
// built dashboard (silo/wwwroot) from disk, GET /roads and /traffic/current for N grid roads, and a SignalR hub
// (JSON protocol over a real WebSocket) that sends trafficUpdated for every road once a second. Everything in the
// page — SignalR client, store, live map, grouped canvas renderer — is the production code; only the server is
// replaced, so the figures are the browser's cost of N roads updating every second, not a silo's.
//
// A real socket matters: Playwright's routeWebSocket, used before, hands each server message to the page over the
// DevTools protocol, and for a 3 MB update that delivery cost the page's main thread ~0.5 s (a trace showed it as
// "Receive mojo message") — more than the page's own work, so the bench measured its harness.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { WebSocketServer } from "ws";

const RECORD_SEPARATOR = "\u001e";
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png" };
const ORIGIN = { lat: 21.0, lng: 105.78 };
const BLOCK_DEG = 0.0009; // ≈ 100 m

/** N roads on a square grid of 100 m blocks: alternately a horizontal and a vertical block edge. */
export function gridRoads(count) {
  const side = Math.ceil(Math.sqrt(count / 2)) + 1;
  const roads = [];
  for (let row = 0; row < side && roads.length < count; row++) {
    for (let col = 0; col < side && roads.length < count; col++) {
      const lat = ORIGIN.lat + row * BLOCK_DEG;
      const lng = ORIGIN.lng + col * BLOCK_DEG;
      for (const [dLat, dLng, axis] of [[0, BLOCK_DEG, "h"], [BLOCK_DEG, 0, "v"]]) {
        if (roads.length >= count) break;
        const roadClass = 1 + ((row + col) % 5);
        roads.push({
          road_id: `syn_${axis}_${row}_${col}`,
          road_name: `Synthetic ${axis === "h" ? "row" : "column"} ${axis === "h" ? row : col}`,
          road_class: roadClass,
          length_m: 100,
          free_flow_speed: 20 + 10 * (5 - roadClass),
          lines: [[[lat, lng], [lat + dLat, lng + dLng]]],
        });
      }
    }
  }
  return roads;
}

const LEVELS = [[0.75, "free"], [0.5, "moderate"], [0.25, "heavy"], [0, "severe"]];
const levelOf = (ratio) => LEVELS.find(([floor]) => ratio >= floor)[1];

/**
 * One tick of a busy city: every road at a new speed. With `changing` = 1 each road jumps to a random speed (its
 * congestion level changes for ~70 % of roads: the worst case); with a smaller share, that share of roads jumps and
 * the others drift by a few per cent, so their level rarely changes — closer to real traffic, where most roads keep
 * their colour from one tick to the next.
 */
function tick(roads, ratios, changing) {
  return roads.map((road, i) => {
    ratios[i] = Math.random() < changing ? 0.1 + 0.9 * Math.random() : Math.min(1, Math.max(0.1, ratios[i] * (0.97 + 0.06 * Math.random())));
    const speed = Math.round(road.free_flow_speed * ratios[i] * 10) / 10;
    return { road_id: road.road_id, current_speed: speed, congestion_level: levelOf(ratios[i]), predicted_speed_10min: speed, predicted_speed_20min: speed, predicted_speed_30min: speed };
  });
}

/**
 * Starts the server on a free loopback port; returns its URL and a stop function. `changing` is the share of roads
 * whose speed jumps each tick (see tick).
 */
export async function serveSyntheticCity({ webRoot, roads, changing = 1, stale = 660 }) {
  const ratios = roads.map(() => 0.1 + 0.9 * Math.random());
  const current = tick(roads, ratios, 1).map((update, i) => ({
    ...update, road_name: roads[i].road_name, jam_factor: 1, last_updated: new Date().toISOString(),
  }));
  const json = {
    "/roads": JSON.stringify(roads),
    "/traffic/current": JSON.stringify(current),
    "/dashboard/config": JSON.stringify({ tile_url: null, tile_attribution: "", stale_after_seconds: stale, system_status_available: false }),
    "/hubs/traffic/negotiate": JSON.stringify({
      negotiateVersion: 1, connectionId: "synthetic", connectionToken: "synthetic",
      availableTransports: [{ transport: "WebSockets", transferFormats: ["Text", "Binary"] }],
    }),
  };

  const server = createServer(async (request, response) => {
    const path = new URL(request.url, "http://localhost").pathname;
    if (json[path]) {
      response.writeHead(200, { "content-type": "application/json" }).end(json[path]);
      return;
    }
    const file = join(webRoot, normalize(path === "/" ? "/index.html" : path));
    try {
      const body = await readFile(file);
      response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });

  const timers = new Set();
  const hub = new WebSocketServer({ server, path: "/hubs/traffic" });
  hub.on("connection", (socket) => {
    socket.on("message", (data) => {
      // The SignalR JSON handshake; afterwards the client only sends pings.
      if (!String(data).includes('"protocol"')) return;
      socket.send(`{}${RECORD_SEPARATOR}`);
      const timer = setInterval(() => {
        socket.send(JSON.stringify({ type: 1, target: "trafficUpdated", arguments: [tick(roads, ratios, changing)] }) + RECORD_SEPARATOR);
      }, 1000);
      timers.add(timer);
      socket.on("close", () => {
        clearInterval(timer);
        timers.delete(timer);
      });
    });
  });

  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stop: async () => {
      timers.forEach(clearInterval);
      hub.clients.forEach((client) => client.terminate());
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
