import { describe, expect, test } from "vitest";
import { strokeGroups } from "../src/strokeGroups.js";

const line = (id, color, weight = 3, dashArray = null) => ({ id, _parts: [[]], options: { color, weight, opacity: 0.9, dashArray, fill: false } });
const marker = (id) => ({ id, options: { fill: true } });
const ids = (layers) => layers.map((layer) => layer.id);

describe("stroke groups of the canvas renderer", () => {
  test("lines of one style are stroked together, in the order their first line was drawn", () => {
    const { groups } = strokeGroups([line("a", "green"), line("b", "red"), line("c", "green"), line("d", "red"), line("e", "blue")]);
    expect(groups.map(ids)).toEqual([["a", "c"], ["b", "d"], ["e"]]);
  });

  test("width and dash are part of the style", () => {
    const { groups } = strokeGroups([line("a", "red", 3), line("b", "red", 7), line("c", "red", 3, "4 4")]);
    expect(groups.map(ids)).toEqual([["a"], ["b"], ["c"]]);
  });

  test("a line added later keeps its own group after the roads' groups, so it stays on top", () => {
    const { groups } = strokeGroups([line("road", "green"), line("route", "#0072b2", 8), line("road2", "green")]);
    expect(groups.map(ids)).toEqual([["road", "road2"], ["route"]]);
  });

  test("markers and filled shapes are drawn one by one after the lines", () => {
    const { groups, others } = strokeGroups([marker("origin"), line("a", "green"), marker("destination")]);
    expect(groups.map(ids)).toEqual([["a"]]);
    expect(ids(others)).toEqual(["origin", "destination"]);
  });
});
