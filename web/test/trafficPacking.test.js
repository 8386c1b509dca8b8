import { describe, expect, test } from "vitest";
import { packUpdates, transferables, unpackInto } from "../src/trafficPacking.js";

const roadIds = ["a", "b", "c"];
const indexOf = new Map(roadIds.map((id, i) => [id, i]));
const update = (road_id, speed, level) => ({
  road_id, current_speed: speed, congestion_level: level,
  predicted_speed_10min: speed - 1, predicted_speed_20min: speed - 2, predicted_speed_30min: speed - 3,
});

describe("packing trafficUpdated for the trip from the live worker", () => {
  test("a round trip gives each known road the message's speeds and level", () => {
    const traffic = new Map();
    const ids = unpackInto(packUpdates([update("c", 40, "free"), update("a", 12.5, "severe")], indexOf), roadIds, traffic);
    expect(ids).toEqual(["c", "a"]);
    expect(traffic.get("c")).toEqual({ ...update("c", 40, "free") });
    expect(traffic.get("a")).toEqual({ ...update("a", 12.5, "severe") });
    expect(traffic.has("b")).toBe(false);
  });

  test("a merge keeps what the snapshot gave and the message does not carry", () => {
    const traffic = new Map([["b", { road_id: "b", jam_factor: 4.2, last_updated: "t", current_speed: 50, congestion_level: "free" }]]);
    unpackInto(packUpdates([update("b", 9, "heavy")], indexOf), roadIds, traffic);
    expect(traffic.get("b")).toMatchObject({ jam_factor: 4.2, last_updated: "t", current_speed: 9, congestion_level: "heavy" });
  });

  test("a missing number comes back as null and an unexpected level as unknown", () => {
    const traffic = new Map();
    unpackInto(packUpdates([{ road_id: "a", current_speed: 30, congestion_level: "gridlock" }], indexOf), roadIds, traffic);
    expect(traffic.get("a")).toMatchObject({ current_speed: 30, predicted_speed_10min: null, congestion_level: "unknown" });
  });

  test("a road the page does not know travels whole and is still merged", () => {
    const traffic = new Map();
    const packed = packUpdates([update("a", 20, "moderate"), update("new", 33, "free")], indexOf);
    expect(packed.indices.length).toBe(1);
    expect(packed.others).toEqual([update("new", 33, "free")]);
    expect(unpackInto(packed, roadIds, traffic)).toEqual(["a", "new"]);
    expect(traffic.get("new")).toEqual(update("new", 33, "free"));
  });

  test("the typed arrays' buffers are what is transferred", () => {
    const packed = packUpdates([update("a", 20, "moderate")], indexOf);
    expect(transferables(packed)).toEqual([packed.indices.buffer, packed.numbers.buffer, packed.levels.buffer]);
  });
});
