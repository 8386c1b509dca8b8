// The one Leaflet map of the dashboard (live map and route finder share it): every road as one canvas polyline
// (several parts when the road has several), restyled in place when its traffic changes; optional tiles.
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { levelAt, roadStyle } from "./congestion.js";
import { groupedCanvas } from "./groupedCanvas.js";
import { emit, on, store } from "./store.js";

let map;
let renderer;
const lines = new Map();
const pending = new Set();
let frame = 0;
let selectedId = null;
let mode = "map";
// A drag or zoom under way: restyles wait for its end, where the renderer redraws anyway (one redraw, not two, and
// none while the user's hand is on the map).
let gesture = false;

/** Creates the map in `container` and draws every road of the store. */
export function createMap(container) {
  // One stroke per style, not per road: what keeps 20,000 roads smooth (bench/dashboard-frames).
  renderer = groupedCanvas({ padding: 0.3, tolerance: 6 });
  map = L.map(container, { preferCanvas: true, renderer, zoomSnap: 0.25, attributionControl: Boolean(store.config.tile_url) });
  // Registered before any line adds the renderer to the map, so these run before its own moveend/zoomend redraw.
  map.on("movestart zoomstart", () => (gesture = true));
  map.on("moveend zoomend", () => {
    gesture = false;
    if (pending.size) flush();
  });
  if (store.config.tile_url) {
    L.tileLayer(store.config.tile_url, { attribution: store.config.tile_attribution ?? "", maxZoom: 19 }).addTo(map);
  }
  L.control.scale({ imperial: false }).addTo(map);
  map.on("click", (event) => emit("mapclick", event.latlng));

  for (const road of store.roads.values()) {
    const line = L.polyline(road.lines, { renderer, ...styleOf(road.road_id), interactive: true });
    line.on("click", (event) => {
      if (mode !== "map") return;
      L.DomEvent.stopPropagation(event);
      emit("roadclick", road.road_id);
    });
    line.addTo(map);
    lines.set(road.road_id, line);
  }

  fitAll();
  on("traffic", (ids) => queue(ids));
  on("horizon", () => queue(lines.keys()));
  return map;
}

export const getMap = () => map;

/** "map": clicks select roads; "route": clicks go to the route finder. */
export function setMode(next) {
  mode = next;
  container()?.classList.toggle("route-mode", next === "route");
}

const container = () => map?.getContainer();

export function fitAll() {
  const bounds = L.latLngBounds([]);
  lines.forEach((line) => bounds.extend(line.getBounds()));
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [12, 12] });
  else map.setView([21.0285, 105.8542], 13);
}

/** Levels change in batches: one restyle pass per animation frame however many updates arrived. */
function queue(ids) {
  for (const id of ids) pending.add(id);
  if (!frame && !gesture) frame = requestAnimationFrame(flush);
}

// Only the lines whose look changed are restyled, and the renderer redraws once for all of them.
function flush() {
  if (frame) cancelAnimationFrame(frame);
  frame = 0;
  const changes = [];
  for (const id of pending) {
    const line = lines.get(id);
    const style = line && styleOf(id);
    if (style && !sameLook(line.options, style)) changes.push([line, style]);
  }
  pending.clear();
  if (changes.length) renderer.restyle(changes);
}

// Whatever roadStyle sets (colour, width, dash, opacity) is already the line's.
const sameLook = (options, style) => Object.keys(style).every((key) => options[key] === style[key]);

function levelOf(id) {
  return levelAt(store.traffic.get(id), store.horizon, store.roads.get(id)?.free_flow_speed);
}

function styleOf(id) {
  const style = roadStyle(levelOf(id), store.roads.get(id)?.road_class);
  if (id === selectedId) style.weight += 4;
  return style;
}

/** Highlights a road and brings it into view. */
export function selectRoad(id, zoom = true) {
  const previous = selectedId;
  selectedId = id;
  if (previous) lines.get(previous)?.setStyle(styleOf(previous));
  const line = lines.get(id);
  if (!line) return;
  line.setStyle(styleOf(id)).bringToFront();
  if (zoom) map.fitBounds(line.getBounds(), { maxZoom: 16, padding: [40, 40] });
}

export function clearSelection() {
  const previous = selectedId;
  selectedId = null;
  if (previous) lines.get(previous)?.setStyle(styleOf(previous));
}

/** Road state for tests and screen readers: what each line shows right now. */
export function describeRoad(id) {
  const line = lines.get(id);
  if (!line) return null;
  return { level: levelOf(id), color: line.options.color, dashArray: line.options.dashArray, weight: line.options.weight };
}

export const lineCount = () => lines.size;
export const lineIds = () => [...lines.keys()];

/** The middle point of a road's longest part, where a road picked by name starts or ends a route. */
export function roadMidpoint(id) {
  const road = store.roads.get(id);
  const part = road?.lines?.reduce((a, b) => (b.length > a.length ? b : a), []) ?? [];
  const point = part[Math.floor(part.length / 2)];
  return point ? { lat: point[0], lng: point[1] } : null;
}

/** Is any part of the road inside the current view (toasts are only for the user's map area)? */
export function roadInView(id) {
  const line = lines.get(id);
  return !map || !line ? true : map.getBounds().intersects(line.getBounds());
}

export function invalidate() {
  map?.invalidateSize();
}
