import { describe, expect, it } from "vitest";
import { CATCH_UP_MARGIN_MS, catchUpSince, createSeenAlerts } from "../src/alertCatchUp.js";

describe("alert catch-up", () => {
  it("asks from a margin before the newest alert seen, so a lagging partition's older alerts are included", () => {
    const newest = new Date("2026-11-29T08:30:00Z");
    expect(catchUpSince(newest).toISOString()).toBe(new Date(newest.getTime() - CATCH_UP_MARGIN_MS).toISOString());
    expect(catchUpSince(newest).getTime()).toBeLessThan(new Date("2026-11-29T08:20:00Z").getTime());
    expect(catchUpSince(null)).toBeNull();
  });

  it("lets each event id through once, live or from a catch-up", () => {
    const seen = createSeenAlerts();
    expect(seen.isNew("a")).toBe(true);
    expect(seen.isNew("b")).toBe(true);
    expect(seen.isNew("a")).toBe(false);
  });

  it("forgets the oldest ids beyond its limit", () => {
    const seen = createSeenAlerts(2);
    seen.isNew("a");
    seen.isNew("b");
    seen.isNew("c");
    expect(seen.isNew("b")).toBe(false);
    expect(seen.isNew("a")).toBe(true);
  });
});
