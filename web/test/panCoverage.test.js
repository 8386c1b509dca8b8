import { describe, expect, test } from "vitest";
import { panStaysInside } from "../src/panCoverage.js";

const p = (x, y) => ({ x, y });
// A 1000 × 600 view drawn with 30 % padding: the canvas covers -300..1300 × -180..780.
const drawn = { bounds: { min: p(-300, -180), max: p(1300, 780) }, zoom: 14, origin: p(5000, 3000) };
const view = (dx, dy, zoom = 14, origin = p(5000, 3000)) => ({ zoom, origin, min: p(dx, dy), max: p(1000 + dx, 600 + dy) });

describe("a pan that needs no canvas redraw", () => {
  test("a pan inside the padded area keeps the canvas", () => {
    expect(panStaysInside(drawn, view(250, -150))).toBe(true);
    expect(panStaysInside(drawn, view(-300, 180))).toBe(true);
  });

  test("a pan past the padding on any side redraws", () => {
    expect(panStaysInside(drawn, view(301, 0))).toBe(false);
    expect(panStaysInside(drawn, view(-301, 0))).toBe(false);
    expect(panStaysInside(drawn, view(0, 181))).toBe(false);
    expect(panStaysInside(drawn, view(0, -181))).toBe(false);
  });

  test("another zoom or pixel origin redraws even in place", () => {
    expect(panStaysInside(drawn, view(0, 0, 15))).toBe(false);
    expect(panStaysInside(drawn, view(0, 0, 14, p(5001, 3000)))).toBe(false);
  });

  test("nothing drawn yet redraws", () => {
    expect(panStaysInside(null, view(0, 0))).toBe(false);
    expect(panStaysInside({ ...drawn, origin: undefined }, view(0, 0))).toBe(false);
  });
});
