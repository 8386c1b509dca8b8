// The operator's glance: GET /system/status — the consumer lag as a table, the rest (silos, outbox backlog, champion
// model, last ingestion tick) as nested lists whatever its exact fields — and /health/ready; a silo without the
// endpoint says so instead of failing.
import { api } from "../api.js";
import { consumerLagTable } from "./consumerLag.js";
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { store } from "../store.js";

export async function mount(target) {
  const holder = h("div.system");
  const health = h("div.health");
  target.replaceChildren(h("h2", { "data-i18n": "system.title" }, t("system.title")), health, holder);
  fetch("/health/ready", { headers: { Accept: "application/json" } })
    .then(async (response) => {
      const text = await response.text();
      let status = response.ok ? "Healthy" : `HTTP ${response.status}`;
      try {
        status = JSON.parse(text).status ?? status;
      } catch {
        // Plain-text health answer.
      }
      health.replaceChildren(h("p", {}, h("strong", { "data-i18n": "system.health" }, t("system.health")), `: ${status}`));
    })
    .catch(() => health.replaceChildren());
  if (!store.config.system_status_available) {
    holder.dataset.available = "false";
    holder.replaceChildren(h("p.empty", { "data-i18n": "system.unavailable" }, t("system.unavailable")));
    return;
  }
  try {
    const { consumer_lag: consumerLag, ...rest } = await api.systemStatus();
    holder.replaceChildren(consumerLagTable(consumerLag), render(rest, 0));
    holder.dataset.available = "true";
  } catch (error) {
    holder.dataset.available = "false";
    holder.replaceChildren(h("p.empty", {}, error.status === 404 ? t("system.unavailable") : t("error.load", { e: error.message })));
  }
}

const label = (key) => key.replace(/_/g, " ");

/** Objects as definition lists, arrays as lists of cards, scalars as text; deep nesting is cut at 4 levels. */
function render(value, depth) {
  if (value === null || value === undefined) return "—";
  if (Array.isArray(value)) return h("ul.cards", {}, ...value.map((item) => h("li.card", {}, render(item, depth + 1))));
  if (typeof value === "object") {
    if (depth > 4) return JSON.stringify(value);
    return h("dl.facts", {}, ...Object.entries(value).flatMap(([key, item]) => [h("dt", {}, label(key)), h("dd", {}, render(item, depth + 1))]));
  }
  return String(value);
}
