import { describe, expect, test } from "vitest";
import { describeRoutes, formatDelta, formatDistance, formatEta, mainRoads, routeStyle, shouldReroute } from "../src/routes.js";

const point = (lat, lng, road_name) => ({ lat, lng, road_name });

const response = {
  recommended_route: {
    waypoints: [point(21.0, 105.8, "Kim Mã"), point(21.0, 105.81, "Kim Mã"), point(21.0, 105.82, "Láng"), point(21.0, 105.821, "")],
    distance_km: 2.2,
    eta_minutes: 9.6,
    congestion_summary: "Heavy on Kim Mã, +3 min",
  },
  alternatives: [
    { waypoints: [point(21.0, 105.8, "A"), point(21.01, 105.8, "B")], distance_km: 0.85, eta_minutes: 12.4, congestion_summary: "" },
    { waypoints: [point(21.0, 105.8, "C"), point(21.02, 105.8, "D")], distance_km: 3.0, eta_minutes: 9.8, congestion_summary: "" },
  ],
  graph_version: "v1",
};

describe("formatting", () => {
  test("ETA in minutes, hours past 60", () => {
    expect(formatEta(0.2)).toBe("1 min");
    expect(formatEta(9.6)).toBe("10 min");
    expect(formatEta(65)).toBe("1 h 05 min");
  });

  test("delta against the fastest is +N min, empty when it rounds to zero", () => {
    expect(formatDelta(12.4, 9.6)).toBe("+3 min");
    expect(formatDelta(9.8, 9.6)).toBe("");
  });

  test("distance in metres below a kilometre", () => {
    expect(formatDistance(0.85)).toBe("850 m");
    expect(formatDistance(2.25)).toBe("2.3 km");
  });
});

describe("describeRoutes", () => {
  test("lists the best route first with no delta and alternatives with theirs", () => {
    const routes = describeRoutes(response);
    expect(routes.map((route) => route.best)).toEqual([true, false, false]);
    expect(routes.map((route) => route.delta)).toEqual(["", "+3 min", ""]);
    expect(routes.map((route) => route.etaMinutes)).toEqual([9.6, 12.4, 9.8]);
    expect(routes[0].latlngs).toEqual([[21.0, 105.8], [21.0, 105.81], [21.0, 105.82], [21.0, 105.821]]);
    expect(routes[0].summary).toBe("Heavy on Kim Mã, +3 min");
  });

  test("main roads are the longest stretches in travel order", () => {
    const waypoints = [point(21, 105.80, "Short"), point(21, 105.801, "Long"), point(21, 105.83, "Mid"), point(21, 105.84, "Tiny"), point(21, 105.8405, "")];
    expect(mainRoads(waypoints, 2)).toEqual(["Long", "Mid"]);
  });

  test("the best route is blue, alternatives grey, the selected one thicker", () => {
    expect(routeStyle(true, false).color).toBe("#0072b2");
    expect(routeStyle(false, false).color).toBe("#7f7f7f");
    expect(routeStyle(false, true).weight).toBeGreaterThan(routeStyle(false, false).weight);
  });
});

describe("shouldReroute", () => {
  test("only a change of more than 10 % replaces the shown route", () => {
    expect(shouldReroute(10, 10.9)).toBe(false);
    expect(shouldReroute(10, 11.5)).toBe(true);
    expect(shouldReroute(10, 8.5)).toBe(true);
    expect(shouldReroute(0, 5)).toBe(true);
  });
});
