// Analytics: hourly average speed (line), weekday × hour heatmap (matrix), most congested roads (bar; a click shows
// the road on the map) and model accuracy per horizon and version, over a chosen period. Every chart has a table
// or data attributes beside it so tests and screen readers can read it.
import { api } from "../api.js";
import { chartIn } from "../charts.js";
import { fmt, h } from "../dom.js";
import { t } from "../i18n.js";
import { emit } from "../store.js";

const PERIODS = { "24h": 24, "7d": 24 * 7, "28d": 24 * 28 };
let period = "7d";
let root;
// Which load may still draw: a newer load, or leaving the page, makes an answer that arrives late a no-op (the test
// tour left the page before its data came, and the late answer looked for sections another page had replaced).
let generation = 0;

export function mount(target) {
  root = target;
  const picker = h("fieldset.period", {},
    h("legend", { "data-i18n": "analytics.period" }, t("analytics.period")),
    ...Object.keys(PERIODS).map((key) =>
      h("label", {}, h("input", { type: "radio", name: "period", value: key, checked: key === period, onchange: () => { period = key; load(); } }),
        h("span", { "data-i18n": `analytics.${key}` }, t(`analytics.${key}`)))));
  root.replaceChildren(
    h("h2", { "data-i18n": "nav.analytics" }, t("nav.analytics")),
    picker,
    section("hourly", "analytics.hourly"),
    section("heatmap", "analytics.heatmap"),
    section("top", "analytics.top"),
    section("accuracy", "analytics.accuracy"),
  );
  load();
}

export function unmount() {
  generation++;
}

function section(id, key) {
  return h("section.card", { id: `analytics-${id}` }, h("h3", { "data-i18n": key }, t(key)), h("div.chart"), h("div.under"));
}

const parts = (id) => {
  const card = root.querySelector(`#analytics-${id}`);
  return { chart: card.querySelector(".chart"), under: card.querySelector(".under") };
};

async function load() {
  const hours = PERIODS[period];
  const to = new Date();
  const from = new Date(to.getTime() - hours * 3600000);
  const mine = ++generation;
  const [trends, accuracy] = await Promise.allSettled([api.trends(from.toISOString(), to.toISOString(), 10), api.accuracy(Math.min(hours, 24 * 7))]);
  if (mine !== generation) return;
  if (trends.status === "fulfilled") {
    hourly(trends.value.hourly_avg_speed ?? []);
    heatmap(trends.value.rush_hour_patterns ?? []);
    top(trends.value.top_congested_roads ?? []);
  } else ["hourly", "heatmap", "top"].forEach((id) => failed(id, trends.reason));
  if (accuracy.status === "fulfilled") modelAccuracy(accuracy.value ?? []);
  else failed("accuracy", accuracy.reason);
}

function failed(id, error) {
  const { chart, under } = parts(id);
  chart.replaceChildren();
  under.replaceChildren(h("p.error", {}, t("error.load", { e: error.message })));
}

function empty(id) {
  const { chart, under } = parts(id);
  chart.replaceChildren();
  under.replaceChildren(h("p.empty", { "data-i18n": "analytics.empty" }, t("analytics.empty")));
}

function hourly(unsorted) {
  if (!unsorted.length) return empty("hourly");
  const rows = [...unsorted].sort((a, b) => Date.parse(a.hour) - Date.parse(b.hour));
  const { chart, under } = parts("hourly");
  const labels = rows.map((row) => new Date(row.hour).toLocaleString([], { month: "2-digit", day: "2-digit", hour: "2-digit", hour12: false }));
  chartIn(chart, {
    type: "line",
    data: { labels, datasets: [{ label: "km/h", data: rows.map((row) => row.speed), borderColor: "#0072b2", pointRadius: 0, fill: false }] },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } },
  }, `${t("analytics.hourly")}: ${rows.length}`);
  under.replaceChildren();
  under.dataset.points = String(rows.length);
}

function heatmap(rows) {
  if (!rows.length) return empty("heatmap");
  const { chart, under } = parts("heatmap");
  const speeds = rows.map((row) => row.avg_speed);
  const min = Math.min(...speeds);
  const max = Math.max(...speeds);
  // Slow cells dark red-purple, fast cells pale: a sequential scale readable without colour vision.
  const shade = (speed) => {
    const share = max > min ? (speed - min) / (max - min) : 1;
    return `rgba(139, 0, 87, ${(0.9 - share * 0.8).toFixed(2)})`;
  };
  chartIn(chart, {
    type: "matrix",
    data: {
      datasets: [{
        label: "km/h",
        data: rows.map((row) => ({ x: row.hour, y: row.weekday, v: row.avg_speed })),
        backgroundColor: (context) => shade(context.raw?.v ?? min),
        width: ({ chart: c }) => (c.chartArea ? c.chartArea.width / 24 - 1 : 10),
        height: ({ chart: c }) => (c.chartArea ? c.chartArea.height / 7 - 1 : 10),
      }],
    },
    options: {
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (context) => `${fmt(context.raw.v, "km/h")}` } } },
      scales: {
        x: { type: "linear", min: -0.5, max: 23.5, offset: false, ticks: { stepSize: 3 }, grid: { display: false } },
        y: { type: "linear", min: 0.5, max: 7.5, reverse: true, offset: false, ticks: { stepSize: 1, callback: (value) => weekday(value) }, grid: { display: false } },
      },
    },
  }, t("analytics.heatmap"));
  under.replaceChildren();
  under.dataset.cells = String(rows.length);
}

function weekday(iso) {
  // ISO weekday 1 = Monday; 2026-11-23 was a Monday.
  const date = new Date(Date.UTC(2026, 10, 22 + iso));
  return Number.isInteger(iso) && iso >= 1 && iso <= 7 ? date.toLocaleDateString([], { weekday: "short", timeZone: "UTC" }) : "";
}

function top(rows) {
  if (!rows.length) return empty("top");
  const { chart, under } = parts("top");
  const c = chartIn(chart, {
    type: "bar",
    data: { labels: rows.map((row) => row.road_name), datasets: [{ label: "%", data: rows.map((row) => row.congested_share * 100), backgroundColor: "#d55e00" }] },
    options: {
      indexAxis: "y",
      plugins: { legend: { display: false } },
      scales: { x: { beginAtZero: true, max: 100 } },
      onClick: (_event, elements) => {
        if (elements.length) emit("showroad", rows[elements[0].index].road_id);
      },
    },
  }, t("analytics.top"));
  c.canvas.style.cursor = "pointer";
  // The same roads as buttons: keyboard users and tests reach the road without hitting a bar.
  under.replaceChildren(h("ol.top-roads", {}, ...rows.map((row) =>
    h("li", {}, h("button.link", { type: "button", dataset: { roadId: row.road_id }, onclick: () => emit("showroad", row.road_id) },
      `${row.road_name} — ${fmt(row.congested_share * 100, "%", 0)}, ${fmt(row.avg_speed, "km/h")}`)))));
}

function modelAccuracy(rows) {
  if (!rows.length) return empty("accuracy");
  const { chart, under } = parts("accuracy");
  const versions = [...new Set(rows.map((row) => row.model_version))];
  const horizons = [...new Set(rows.map((row) => row.horizon_minutes))].sort((a, b) => a - b);
  const palette = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9"];
  chartIn(chart, {
    type: "bar",
    data: {
      labels: horizons.map((minutes) => `+${minutes} min`),
      datasets: versions.map((version, index) => ({
        label: version,
        backgroundColor: palette[index % palette.length],
        data: horizons.map((minutes) => rows.find((row) => row.model_version === version && row.horizon_minutes === minutes)?.mae ?? null),
      })),
    },
    options: { scales: { y: { beginAtZero: true, title: { display: true, text: "MAE km/h" } } } },
  }, t("analytics.accuracy"));
  under.replaceChildren(h("div.table-wrap", {}, h("table", {},
    h("thead", {}, h("tr", {}, ...["analytics.model", "analytics.horizon"].map((key) => h("th", { "data-i18n": key }, t(key))), h("th", {}, "MAE"), h("th", {}, "RMSE"), h("th", { "data-i18n": "analytics.count" }, t("analytics.count")))),
    h("tbody", {}, ...rows.map((row) => h("tr", {}, h("td", {}, row.model_version), h("td", {}, `+${row.horizon_minutes}`), h("td", {}, fmt(row.mae)), h("td", {}, fmt(row.rmse)), h("td", {}, String(row.count))))))));
}
