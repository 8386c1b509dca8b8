import { describe, expect, test } from "vitest";
import { classWidth, levelAt, levelFromRatio, roadStyle } from "../src/congestion.js";
import { createToastStack } from "../src/toasts.js";

describe("congestion styling", () => {
  test("levels follow the product's speed-ratio thresholds", () => {
    expect([0.9, 0.75, 0.6, 0.3, 0.1].map(levelFromRatio)).toEqual(["free", "free", "moderate", "heavy", "severe"]);
  });

  test("a horizon recolours from the predicted speed over free flow", () => {
    const state = { congestion_level: "free", predicted_speed_10min: 45, predicted_speed_20min: 20, predicted_speed_30min: null };
    expect(levelAt(state, 0, 50)).toBe("free");
    expect(levelAt(state, 10, 50)).toBe("free");
    expect(levelAt(state, 20, 50)).toBe("heavy");
    expect(levelAt(state, 30, 50)).toBe("unknown");
    expect(levelAt(undefined, 0, 50)).toBe("unknown");
  });

  test("congested roads are dashed or wider, not only a different colour", () => {
    const free = roadStyle("free", 3);
    const moderate = roadStyle("moderate", 3);
    const severe = roadStyle("severe", 3);
    expect(free.dashArray).toBeNull();
    expect(moderate.dashArray).not.toBeNull();
    expect(severe.weight).toBeGreaterThan(free.weight);
    expect(classWidth(1)).toBeGreaterThan(classWidth(5));
  });
});

describe("toast stack", () => {
  const alert = (road_id, severity = "warning") => ({ road_id, severity, message: `jam on ${road_id}` });

  test("repeats for a road merge into one toast with a counter, newest on top", () => {
    const stack = createToastStack();
    stack.add(alert("a"));
    stack.add(alert("b", "critical"));
    stack.add(alert("a"));
    expect(stack.visible().map((t) => [t.roadId, t.count])).toEqual([["a", 2], ["b", 1]]);
  });

  test("info alerts and muted stacks raise nothing", () => {
    const stack = createToastStack();
    expect(stack.add(alert("a", "info"))).toBe(false);
    stack.muted = true;
    expect(stack.add(alert("b"))).toBe(false);
    expect(stack.visible()).toEqual([]);
  });

  test("at most a few are visible; dismiss and dismiss-all", () => {
    const stack = createToastStack({ maxVisible: 2 });
    ["a", "b", "c", "d"].forEach((id) => stack.add(alert(id)));
    expect(stack.visible().map((t) => t.roadId)).toEqual(["d", "c"]);
    expect(stack.hiddenCount()).toBe(2);
    stack.dismiss("d");
    expect(stack.visible().map((t) => t.roadId)).toEqual(["c", "b"]);
    stack.dismissAll();
    expect(stack.visible()).toEqual([]);
  });
});
