// The road panel: name, speeds, jam factor, and the last 2 hours with the 10/20/30-minute forecast ahead, from
// GET /roads/{id}; the forecast error of the last 2 hours from its predicted_vs_actual rows.
import { api } from "../api.js";
import { chartIn } from "../charts.js";
import { fmt, h, hhmm } from "../dom.js";
import { t } from "../i18n.js";
import { store } from "../store.js";

let request = 0;

export async function roadPanel(holder, id, onClose) {
  const mine = ++request;
  const known = store.roads.get(id);
  holder.replaceChildren(h("p", { "data-i18n": "road.loading" }, t("road.loading")));
  let road;
  try {
    road = await api.road(id);
  } catch (error) {
    if (mine !== request) return;
    holder.replaceChildren(h("h2", {}, known?.road_name ?? id), h("p.error", {}, t("error.load", { e: error.message })));
    return;
  }
  if (mine !== request) return;

  const live = store.traffic.get(id);
  const current = road.current ?? null;
  const speed = live?.current_speed ?? current?.current_speed;
  const level = live?.congestion_level ?? current?.congestion_level ?? "unknown";
  const rows = [
    ["road.speed", fmt(speed, "km/h")],
    ["road.freeflow", fmt(road.free_flow_speed, "km/h")],
    ["road.jam", fmt(current?.jam_factor ?? live?.jam_factor, "", 1)],
    ["road.level", t(`level.${level}`)],
    ["road.class", String(road.road_class ?? "—")],
    ["road.length", fmt(road.length_m, "m", 0)],
  ];
  const errors = (road.predicted_vs_actual ?? []).filter((row) => Number.isFinite(row.actual_speed) && Number.isFinite(row.predicted_speed));
  const mae = errors.length ? errors.reduce((sum, row) => sum + Math.abs(row.predicted_speed - row.actual_speed), 0) / errors.length : NaN;
  const chartHolder = h("div.chart.small");
  holder.replaceChildren(
    h("div.panel-head", {},
      h("h2", { "data-road-id": id }, road.road_name),
      h("button.close", { type: "button", "aria-label": t("road.close"), onclick: onClose }, "×")),
    h("dl.facts", { dataset: { level } }, ...rows.flatMap(([key, value]) => [h("dt", { "data-i18n": key }, t(key)), h("dd", {}, value)])),
    h("h3", { "data-i18n": "road.history" }, t("road.history")),
    chartHolder,
    h("p.accuracy", {}, `${t("road.accuracy")}: ${fmt(mae, "km/h")}`),
  );
  drawHistory(chartHolder, road);
}

function drawHistory(holder, road) {
  const history = (road.history ?? []).map((row) => ({ x: Date.parse(row.timestamp), y: row.speed }));
  const prediction = road.prediction;
  const forecast = [];
  if (prediction) {
    const base = Date.parse(prediction.timestamp);
    if (history.length) forecast.push(history[history.length - 1]);
    [10, 20, 30].forEach((minutes) => {
      const value = prediction[`predicted_speed_${minutes}min`];
      if (Number.isFinite(value)) forecast.push({ x: base + minutes * 60000, y: value });
    });
  }
  const earlier = (road.predicted_vs_actual ?? []).map((row) => ({ x: Date.parse(row.target_time), y: row.predicted_speed }));
  const summary = `${road.road_name}: ${history.length} ${t("road.observed")}, ${forecast.length} ${t("road.predicted")}`;
  chartIn(holder, {
    type: "line",
    data: {
      datasets: [
        { label: t("road.observed"), data: history, borderColor: "#0072b2", pointRadius: 0, tension: 0.2 },
        { label: t("road.predicted"), data: forecast, borderColor: "#d55e00", borderDash: [6, 4], pointRadius: 3 },
        { type: "scatter", label: t("road.predictedEarlier"), data: earlier, borderColor: "#cc79a7", backgroundColor: "#cc79a7", pointRadius: 2 },
      ],
    },
    options: {
      parsing: false,
      scales: {
        x: { type: "linear", ticks: { callback: (value) => hhmm(value), maxTicksLimit: 6 } },
        y: { beginAtZero: true, title: { display: true, text: "km/h" } },
      },
      plugins: { legend: { labels: { boxWidth: 12 } } },
    },
  }, summary);
}
