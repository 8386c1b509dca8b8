// A search box over road names (diacritics-insensitive) with a keyboard-usable result list.
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { searchRoads } from "./search.js";
import { store } from "./store.js";

let counter = 0;

/** Calls onPick(road) when a result is chosen (click, or Enter on the first result). */
export function roadSearch(onPick) {
  const id = `road-search-${++counter}`;
  const input = h("input", { id, type: "search", autocomplete: "off", "data-i18n-placeholder": "search.placeholder", placeholder: t("search.placeholder") });
  const results = h("ul.search-results", { role: "list" });
  const pick = (road) => {
    results.replaceChildren();
    input.value = road.road_name;
    onPick(road);
  };
  const update = () => {
    const hits = searchRoads(store.roads.values(), input.value);
    results.replaceChildren(
      ...(input.value.trim() && !hits.length ? [h("li.none", {}, t("search.none"))] : []),
      ...hits.map((road) => h("li", {}, h("button", { type: "button", dataset: { roadId: road.road_id }, onclick: () => pick(road) }, road.road_name))),
    );
  };
  input.addEventListener("input", update);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      const first = searchRoads(store.roads.values(), input.value)[0];
      if (first) pick(first);
    }
  });
  return h("div.road-search", {}, h("label", { for: id, "data-i18n": "search.road" }, t("search.road")), input, results);
}
