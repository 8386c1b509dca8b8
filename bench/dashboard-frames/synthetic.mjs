// A synthetic city for the frames bench, served to the page by Playwright instead of a silo: the built dashboard
// (silo/wwwroot) from disk, GET /roads and /traffic/current for N grid roads, and a SignalR hub that sends
// trafficUpdated for every road once a second. Everything in the page — SignalR client, store, live map, grouped
// canvas renderer — is the production code; only the server is replaced, so the figures are the browser's cost of
// N roads updating every second, not a silo's (a 20,000-road silo could not serve under this machine's load).
import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";

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

/** Every road at a new random speed: what one tick of a busy city sends. */
function tick(roads) {
  return roads.map((road) => {
    const ratio = 0.1 + 0.9 * Math.random();
    const speed = Math.round(road.free_flow_speed * ratio * 10) / 10;
    const level = LEVELS.find(([floor]) => ratio >= floor)[1];
    return { road_id: road.road_id, current_speed: speed, congestion_level: level, predicted_speed_10min: speed, predicted_speed_20min: speed, predicted_speed_30min: speed };
  });
}

/** Serves the page and its N-road city on `page` (all requests to `baseUrl`); returns a stop function for the ticks. */
export async function serveSyntheticCity(page, { baseUrl, webRoot, roads, stale = 660 }) {
  const current = tick(roads).map((update, i) => ({
    ...update, road_name: roads[i].road_name, jam_factor: 1, last_updated: new Date().toISOString(),
  }));
  const roadsBody = JSON.stringify(roads);
  const currentBody = JSON.stringify(current);
  const timers = [];

  await page.route(`${baseUrl}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    const file = join(webRoot, path === "/" ? "index.html" : path);
    try {
      await route.fulfill({ body: await readFile(file), contentType: TYPES[extname(file)] ?? "application/octet-stream" });
    } catch {
      await route.fulfill({ status: 404, body: "" });
    }
  });
  const json = (body) => (route) => route.fulfill({ body, contentType: "application/json" });
  await page.route(`${baseUrl}/roads`, json(roadsBody));
  await page.route(`${baseUrl}/traffic/current`, json(currentBody));
  await page.route(`${baseUrl}/dashboard/config`, json(JSON.stringify({ tile_url: null, tile_attribution: "", stale_after_seconds: stale, system_status_available: false })));
  await page.route(`${baseUrl}/hubs/traffic/negotiate*`, json(JSON.stringify({
    negotiateVersion: 1, connectionId: "synthetic", connectionToken: "synthetic",
    availableTransports: [{ transport: "WebSockets", transferFormats: ["Text", "Binary"] }],
  })));
  await page.routeWebSocket(/\/hubs\/traffic/, (socket) => {
    socket.onMessage((message) => {
      // The SignalR JSON handshake; afterwards the client only sends pings.
      if (!String(message).includes('"protocol"')) return;
      socket.send(`{}${RECORD_SEPARATOR}`);
      timers.push(setInterval(() => {
        socket.send(JSON.stringify({ type: 1, target: "trafficUpdated", arguments: [tick(roads)] }) + RECORD_SEPARATOR);
      }, 1000));
    });
  });
  return () => timers.forEach(clearInterval);
}
