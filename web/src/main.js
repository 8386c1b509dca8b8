// Boots the dashboard: theme and language, the road map and first snapshot, the live connection, the pages
// (hash routes #/map, #/route, #/analytics, #/alerts, #/system) and a small read-only hook for the browser tests.
import "./styles.css";
import { api } from "./api.js";
import { connectHub } from "./hub.js";
import { applyLabels, getLang, setLang, t } from "./i18n.js";
import { createMap, describeRoad, invalidate, lineCount, lineIds } from "./livemap.js";
import { applySnapshot, on, store } from "./store.js";
import { mountToasts, toastStack } from "./toastView.js";
import * as mapPage from "./pages/mapPage.js";
import * as routePage from "./pages/routePage.js";
import * as analyticsPage from "./pages/analyticsPage.js";
import * as alertsPage from "./pages/alertsPage.js";
import * as systemPage from "./pages/systemPage.js";

const pages = { map: mapPage, route: routePage, analytics: analyticsPage, alerts: alertsPage, system: systemPage };
const THEME_KEY = "traffic.theme";
let current = null;

const hook = {
  ready: false,
  page: null,
  lineCount,
  roadIds: lineIds,
  road: describeRoad,
  routes: () => routePage.drawnRoutes(),
  routeEndpoints: () => routePage.routeEndpoints(),
  updates: () => ({ ...store.received }),
  toasts: () => toastStack.visible().map((toast) => ({ road_id: toast.roadId, event_id: toast.alert.event_id, count: toast.count })),
};
// Read-only view of what the page shows, for the browser tests (canvas lines have no DOM to inspect).
window.__dashboard = hook;

function applyTheme(theme) {
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

function currentTheme() {
  return document.documentElement.dataset.theme ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
}

function setupChrome() {
  applyTheme(localStorage.getItem(THEME_KEY));
  document.getElementById("theme").addEventListener("click", () => {
    const next = currentTheme() === "dark" ? "light" : "dark";
    localStorage.setItem(THEME_KEY, next);
    applyTheme(next);
  });
  const lang = document.getElementById("lang");
  const showLang = () => (lang.textContent = getLang() === "vi" ? "EN" : "VI");
  lang.addEventListener("click", () => {
    setLang(getLang() === "vi" ? "en" : "vi");
    showLang();
  });
  document.documentElement.lang = getLang();
  showLang();
  applyLabels();
}

function showConnection(state) {
  const badge = document.getElementById("connection");
  badge.dataset.state = state;
  badge.dataset.i18n = `conn.${state}`;
  badge.textContent = t(`conn.${state}`);
}

function route() {
  const [name, arg] = location.hash.replace(/^#\/?/, "").split("/");
  const next = pages[name] ? name : "map";
  const onMap = next === "map" || next === "route";
  if (current && current !== next) pages[current].unmount?.();
  document.getElementById("map-area").hidden = !onMap;
  document.getElementById("page").hidden = onMap;
  document.querySelectorAll(".tabs a").forEach((a) => a.setAttribute("aria-current", a.dataset.page === next ? "page" : "false"));
  current = next;
  hook.page = next;
  if (onMap) invalidate();
  const target = onMap ? document.getElementById("side") : document.getElementById("page");
  pages[next].mount(target, arg ? decodeURIComponent(arg) : undefined);
}

async function boot() {
  setupChrome();
  const [config, roads, snapshot] = await Promise.allSettled([api.config(), api.roads(), api.current()]);
  if (config.status === "fulfilled") Object.assign(store.config, config.value);
  if (roads.status === "fulfilled") for (const road of roads.value) store.roads.set(road.road_id, road);
  // Leaflet needs a sized container to fit the roads: show the map area while it is created, route() decides after.
  document.getElementById("map-area").hidden = false;
  createMap(document.getElementById("map"));
  if (snapshot.status === "fulfilled") applySnapshot(snapshot.value);
  mountToasts(document.getElementById("toasts"));
  connectHub(showConnection);
  on("showroad", (id) => (location.hash = `#/map/${encodeURIComponent(id)}`));
  addEventListener("hashchange", route);
  route();
  hook.ready = true;
}

boot();
