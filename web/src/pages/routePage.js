// Route finder: origin and destination by map click or road name, departure now or at a time; the fastest route in
// blue and two alternatives in grey, each selectable; re-routed when a graphUpdated moves the best ETA by > 10 %.
import L from "leaflet";
import { api } from "../api.js";
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { getMap, roadMidpoint, setMode } from "../livemap.js";
import { roadSearch } from "../roadSearch.js";
import { describeRoutes, rerouteScheduler, routeStyle, shouldReroute } from "../routes.js";
import { on } from "../store.js";

let root;
let list;
let notice;
let departure;
let layer;
let markers = [];
let points = { origin: null, destination: null };
let shown = [];
let selected = 0;
const reroute = rerouteScheduler(() => recommend(true));
const subscriptions = [];

/** What is drawn, for the browser tests: one entry per route line. */
export function drawnRoutes() {
  return shown.map((route) => ({ best: route.best, eta_minutes: route.etaMinutes, points: route.latlngs.length, selected: route.index === selected }));
}

/** The origin and destination the page routed between, for the browser tests. */
export function routeEndpoints() {
  return { ...points };
}

export function mount(target) {
  unmount();
  root = target;
  setMode("route");
  layer ??= L.layerGroup();
  layer.addTo(getMap());
  list = h("ol.routes", { "aria-live": "polite" });
  notice = h("p.notice", { role: "status" });
  departure = h("input", { type: "datetime-local", id: "departure-time", "aria-label": t("route.at") });
  root.replaceChildren(
    h("p.help", { "data-i18n": "route.help" }, t("route.help")),
    h("div.endpoints", {},
      h("p", {}, h("strong", { "data-i18n": "route.origin" }, t("route.origin")), ": ", h("span#origin-text", {}, text(points.origin))),
      h("p", {}, h("strong", { "data-i18n": "route.destination" }, t("route.destination")), ": ", h("span#destination-text", {}, text(points.destination)))),
    roadSearch((road) => setPoint(roadMidpoint(road.road_id))),
    h("div.departure", {}, h("label", { for: "departure-time", "data-i18n": "route.departure" }, t("route.departure")), departure),
    h("div.buttons", {},
      h("button", { type: "button", id: "route-go", onclick: () => recommend(), "data-i18n": "route.go" }, t("route.go")),
      h("button", { type: "button", id: "route-clear", onclick: clear, "data-i18n": "route.clear" }, t("route.clear"))),
    notice,
    list,
  );
  subscriptions.push(on("mapclick", (latlng) => setPoint({ lat: latlng.lat, lng: latlng.lng })), on("graph", scheduleReroute));
  renderList();
}

export function unmount() {
  subscriptions.splice(0).forEach((off) => off());
  reroute.cancel();
  // Routes belong to this page; the live map shows traffic only.
  layer?.remove();
}

const text = (point) => (point ? `${point.lat.toFixed(5)}, ${point.lng.toFixed(5)}` : "—");

function setPoint(point) {
  if (!point) return;
  if (!points.origin || points.destination) {
    points = { origin: point, destination: null };
    shown = [];
    draw();
  } else {
    points.destination = point;
  }
  drawMarkers();
  root.querySelector("#origin-text").textContent = text(points.origin);
  root.querySelector("#destination-text").textContent = text(points.destination);
  if (points.origin && points.destination) recommend();
}

function drawMarkers() {
  markers.forEach((marker) => marker.remove());
  markers = [points.origin, points.destination].filter(Boolean).map((point, index) =>
    L.circleMarker([point.lat, point.lng], { radius: 8, color: "#000", weight: 2, fillColor: index ? "#d55e00" : "#009e73", fillOpacity: 1 }).addTo(layer));
}

function departureTime() {
  if (!departure.value) return "now";
  const at = new Date(departure.value);
  return Number.isNaN(at.getTime()) ? "now" : at.toISOString();
}

async function recommend(quiet = false) {
  if (!points.origin || !points.destination) return;
  try {
    const routes = describeRoutes(await api.recommend(points.origin, points.destination, departureTime()));
    if (quiet) {
      if (!shown.length || !shouldReroute(shown[0].etaMinutes, routes[0].etaMinutes)) return;
      notice.textContent = t("route.rerouted");
    } else notice.textContent = "";
    shown = routes;
    selected = 0;
    draw();
  } catch (error) {
    if (quiet) return;
    shown = [];
    draw();
    notice.textContent = `${t("route.failed")}: ${error.message}`;
  }
}

/** A quiet re-request after graph updates (see rerouteScheduler) compares the best ETA with the one shown. */
function scheduleReroute() {
  if (shown.length) reroute.schedule();
}

function draw() {
  layer.eachLayer((item) => {
    if (!markers.includes(item)) layer.removeLayer(item);
  });
  // Alternatives first, so the best (and the selected) route is drawn on top.
  const order = [...shown].sort((a, b) => Number(a.best) - Number(b.best) || Number(a.index === selected) - Number(b.index === selected));
  for (const route of order) {
    L.polyline(route.latlngs, { ...routeStyle(route.best, route.index === selected), interactive: false }).addTo(layer);
  }
  if (shown.length) getMap().fitBounds(L.latLngBounds(shown.flatMap((route) => route.latlngs)), { padding: [30, 30] });
  renderList();
}

function renderList() {
  list.replaceChildren(...shown.map((route) =>
    h("li", { dataset: { eta: route.etaMinutes, best: route.best } },
      h("button.route-card", { type: "button", "aria-pressed": String(route.index === selected), onclick: () => { selected = route.index; draw(); } },
        h("span.route-kind", { class: route.best ? "route-kind best" : "route-kind" }, route.best ? t("route.best") : t("route.alt")),
        h("span.eta", {}, route.eta),
        route.delta ? h("span.delta", {}, `${route.delta} ${t("route.vsFastest")}`) : null,
        h("span.distance", {}, route.distance),
        route.roads.length ? h("span.via", {}, `${t("route.via")} ${route.roads.join(", ")}`) : null,
        route.summary ? h("span.summary", {}, route.summary) : null))));
}

function clear() {
  points = { origin: null, destination: null };
  shown = [];
  markers.forEach((marker) => marker.remove());
  markers = [];
  notice.textContent = "";
  root.querySelector("#origin-text").textContent = text(null);
  root.querySelector("#destination-text").textContent = text(null);
  draw();
}
