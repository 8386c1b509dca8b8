// Alert history from GET /notifications (newest first, cursor paging) with type, severity and road filters; new alerts
// from the hub are added on top while the page is open. Clicking an alert shows its road on the map.
import { api } from "../api.js";
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { emit, on, store } from "../store.js";

const TYPES = ["heavy_congestion", "sudden_jam", "severe_traffic", "cleared"];
const SEVERITIES = ["critical", "warning", "info"];
let filters = { alert_type: "", severity: "", road_id: "" };
let cursor = null;
let body;
let more;
let status;
let off = null;

export function mount(target) {
  unmount();
  body = h("tbody");
  status = h("p.status", { role: "status" });
  more = h("button", { type: "button", id: "alerts-more", hidden: true, onclick: () => load(false), "data-i18n": "alerts.more" }, t("alerts.more"));
  target.replaceChildren(
    h("h2", { "data-i18n": "alerts.title" }, t("alerts.title")),
    h("form.filters", { onsubmit: (event) => event.preventDefault() },
      select("alert_type", "alerts.type", TYPES),
      select("severity", "alerts.severity", SEVERITIES),
      roadSelect()),
    h("div.table-wrap", {}, h("table.alerts", {},
      h("thead", {}, h("tr", {}, ...["alerts.time", "alerts.severity", "alerts.type", "alerts.road", "alerts.message"].map((key) => h("th", { scope: "col", "data-i18n": key }, t(key))))),
      body)),
    status,
    more,
  );
  off = on("alert", (alert) => {
    if (matches(alert)) body.prepend(row(alert));
  });
  load(true);
}

export function unmount() {
  off?.();
  off = null;
}

function select(name, labelKey, values) {
  const id = `filter-${name}`;
  const el = h("select", { id, onchange: () => { filters[name] = el.value; load(true); } },
    h("option", { value: "", "data-i18n": "alerts.any" }, t("alerts.any")),
    ...values.map((value) => h("option", { value, selected: filters[name] === value }, value)));
  return h("label", { for: id }, h("span", { "data-i18n": labelKey }, t(labelKey)), el);
}

function roadSelect() {
  const roads = [...store.roads.values()].sort((a, b) => a.road_name.localeCompare(b.road_name));
  const el = h("select", { id: "filter-road_id", onchange: () => { filters.road_id = el.value; load(true); } },
    h("option", { value: "", "data-i18n": "alerts.any" }, t("alerts.any")),
    ...roads.map((road) => h("option", { value: road.road_id, selected: filters.road_id === road.road_id }, road.road_name)));
  return h("label", { for: "filter-road_id" }, h("span", { "data-i18n": "alerts.road" }, t("alerts.road")), el);
}

function matches(alert) {
  return (!filters.alert_type || alert.alert_type === filters.alert_type)
    && (!filters.severity || alert.severity === filters.severity)
    && (!filters.road_id || alert.road_id === filters.road_id);
}

async function load(fresh) {
  if (fresh) {
    cursor = null;
    body.replaceChildren();
  }
  status.textContent = "";
  try {
    const page = await api.notifications({ ...filters, limit: 50, cursor });
    body.append(...page.items.map(row));
    cursor = page.next_cursor ?? null;
    more.hidden = !cursor;
    if (!body.children.length) status.textContent = t("alerts.none");
  } catch (error) {
    more.hidden = true;
    status.textContent = error.status === 404 ? t("alerts.unavailable") : t("error.load", { e: error.message });
  }
}

function row(alert) {
  const name = alert.road_name ?? store.roads.get(alert.road_id)?.road_name ?? alert.road_id;
  return h("tr", { dataset: { eventId: alert.event_id, severity: alert.severity } },
    h("td", {}, new Date(alert.timestamp).toLocaleString()),
    h("td", {}, h("span", { class: `sev ${alert.severity}` }, alert.severity)),
    h("td", {}, alert.alert_type),
    h("td", {}, h("button.link", { type: "button", onclick: () => emit("showroad", alert.road_id) }, name)),
    h("td", {}, alert.message));
}
