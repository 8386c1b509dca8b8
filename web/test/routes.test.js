import { describe, expect, test } from "vitest";
import { describeRoutes, formatDelta, formatDistance, formatEta, mainRoads, rerouteScheduler, routeStyle, shouldReroute } from "../src/routes.js";

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

describe("rerouteScheduler", () => {
  const fakeClock = () => {
    const clock = { t: 0, pending: [] };
    clock.timers = {
      setTimeout: (fn, ms) => clock.pending.push({ fn, at: clock.t + ms, id: clock.pending.length + 1 }) && clock.pending.length,
      clearTimeout: (id) => { const entry = clock.pending.find((p) => p.id === id); if (entry) entry.fn = null; },
    };
    clock.advance = (ms) => {
      const end = clock.t + ms;
      for (;;) {
        const due = clock.pending.filter((p) => p.fn && p.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        clock.t = due.at;
        const fn = due.fn;
        due.fn = null;
        fn();
      }
      clock.t = end;
    };
    return clock;
  };

  test("asks once, a second after the last update of a burst", () => {
    const clock = fakeClock();
    let runs = 0;
    const scheduler = rerouteScheduler(() => runs++, { timers: clock.timers, now: () => clock.t });
    scheduler.schedule();
    clock.advance(400);
    scheduler.schedule();
    clock.advance(999);
    expect(runs).toBe(0);
    clock.advance(1);
    expect(runs).toBe(1);
    clock.advance(5000);
    expect(runs).toBe(1);
  });

  test("keeps asking while updates never stop, at most the longest wait apart", () => {
    const clock = fakeClock();
    const runsAt = [];
    const scheduler = rerouteScheduler(() => runsAt.push(clock.t), { timers: clock.timers, now: () => clock.t });
    for (let i = 0; i < 20; i++) {
      scheduler.schedule();
      clock.advance(500);
    }
    expect(runsAt).toEqual([3000, 6000, 9000]);
  });

  test("cancel drops the pending request", () => {
    const clock = fakeClock();
    let runs = 0;
    const scheduler = rerouteScheduler(() => runs++, { timers: clock.timers, now: () => clock.t });
    scheduler.schedule();
    scheduler.cancel();
    clock.advance(5000);
    expect(runs).toBe(0);
  });
});
