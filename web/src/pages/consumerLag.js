// The consumer-lag part of GET /system/status as an accessible table: one row per consumer group and topic, the lag
// (uncommitted messages) or "unknown" while the broker does not answer. Rows carry data-group/data-topic/data-lag so
// tests and scripts read what the table shows.
import { h } from "../dom.js";
import { t } from "../i18n.js";

/** The lag cell's text: a count, or the translated "unknown". */
export function lagText(lag) {
  return Number.isFinite(lag) ? lag.toLocaleString() : t("system.lag.unknown");
}

export function consumerLagTable(report) {
  const columns = ["system.lag.group", "system.lag.topic", "system.lag.partitions", "system.lag.lag"];
  const rows = (report?.groups ?? []).map((group) =>
    h("tr", { dataset: { group: group.group, topic: group.topic, lag: Number.isFinite(group.lag) ? String(group.lag) : "unknown" } },
      h("td", {}, group.group), h("td", {}, group.topic), h("td", {}, group.partitions ? String(group.partitions) : "—"),
      h("td", {}, lagText(group.lag))));
  return h("section.consumer-lag", { dataset: { state: report?.state ?? "unknown" } },
    h("h3", { "data-i18n": "system.lag.title" }, t("system.lag.title")),
    report?.state === "unknown" && report.reason ? h("p.status", {}, report.reason) : null,
    h("div.table-wrap", {}, h("table.lag", {},
      h("thead", {}, h("tr", {}, ...columns.map((key) => h("th", { scope: "col", "data-i18n": key }, t(key))))),
      h("tbody", {}, ...rows))));
}
