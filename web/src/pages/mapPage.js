// Live map page: horizon switch, legend, freshness and connection, road search, and the road panel.
import { legendEntries } from "../congestion.js";
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { clearSelection, selectRoad, setMode } from "../livemap.js";
import { roadSearch } from "../roadSearch.js";
import { on, setHorizon, store } from "../store.js";
import { roadPanel } from "./roadPanel.js";

let root;
let detail;
let freshness;
let timer = 0;
const subscriptions = [];

export function mount(target, roadId) {
  unmount();
  root = target;
  setMode("map");
  freshness = h("p.freshness", { role: "status", "aria-live": "off" });
  detail = h("div.road-detail");
  root.replaceChildren(
    horizonSwitch(),
    freshness,
    legend(),
    roadSearch((road) => show(road.road_id)),
    detail,
  );
  tick();
  timer = setInterval(tick, 1000);
  subscriptions.push(on("roadclick", show));
  if (roadId) show(roadId);
}

export function unmount() {
  clearInterval(timer);
  subscriptions.splice(0).forEach((off) => off());
  clearSelection();
  detail?.replaceChildren();
}

function show(id) {
  selectRoad(id);
  roadPanel(detail, id, () => {
    clearSelection();
    detail.replaceChildren();
  });
}

function horizonSwitch() {
  const options = [0, 10, 20, 30].map((horizon) =>
    h("label", {},
      h("input", { type: "radio", name: "horizon", value: horizon, checked: store.horizon === horizon, onchange: () => setHorizon(horizon) }),
      h("span", { "data-i18n": `horizon.${horizon}` }, t(`horizon.${horizon}`))));
  return h("fieldset.horizon", {}, h("legend", { "data-i18n": "horizon.label" }, t("horizon.label")), ...options);
}

function legend() {
  const items = legendEntries().map((entry) =>
    h("li", {},
      swatch(entry),
      h("span", { "data-i18n": `level.${entry.level}` }, t(`level.${entry.level}`))));
  return h("div.legend", {}, h("h2", { "data-i18n": "legend.title" }, t("legend.title")), h("ul", {}, ...items));
}

function swatch(entry) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("width", "36");
  svg.setAttribute("height", "10");
  svg.setAttribute("aria-hidden", "true");
  const line = document.createElementNS("http://www.w3.org/2000/svg", "line");
  Object.entries({ x1: 0, y1: 5, x2: 36, y2: 5, stroke: entry.color, "stroke-width": 3 * entry.widthFactor }).forEach(([k, v]) => line.setAttribute(k, v));
  if (entry.dashArray) line.setAttribute("stroke-dasharray", entry.dashArray);
  svg.append(line);
  return svg;
}

function tick() {
  if (!store.lastDataAt) {
    freshness.textContent = t("updated.never");
    freshness.dataset.stale = "true";
    return;
  }
  const seconds = Math.max(0, Math.round((Date.now() - store.lastDataAt.getTime()) / 1000));
  const stale = seconds > (store.config.stale_after_seconds ?? 660);
  freshness.textContent = t("updated.ago", { n: seconds }) + (stale ? ` — ${t("updated.stale")}` : "");
  freshness.dataset.stale = String(stale);
}
