import { describe, expect, test } from "vitest";
import { createLiveConnection, retryDelay } from "../src/connection.js";

/** A stand-in for HubConnection that lets the test fire its lifecycle callbacks and fail starts. */
function fakeHub(failures = 0) {
  const handlers = {};
  return {
    starts: 0,
    failures,
    start() {
      this.starts++;
      return this.starts <= this.failures ? Promise.reject(new Error("refused")) : Promise.resolve();
    },
    onreconnecting: (fn) => (handlers.reconnecting = fn),
    onreconnected: (fn) => (handlers.reconnected = fn),
    onclose: (fn) => (handlers.close = fn),
    fire: (name, arg) => handlers[name](arg),
  };
}

function harness(hub) {
  const states = [];
  const resyncs = [];
  const scheduled = [];
  let clock = new Date("2026-11-28T10:00:00Z");
  const live = createLiveConnection({
    hub,
    onState: (state) => states.push(state),
    resync: async (since) => resyncs.push(since),
    schedule: (fn, ms) => scheduled.push({ fn, ms }),
    now: () => clock,
  });
  return { live, states, resyncs, scheduled, tick: (ms) => (clock = new Date(clock.getTime() + ms)) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("createLiveConnection", () => {
  test("goes live on a successful first start without a resync", async () => {
    const h = harness(fakeHub());
    await h.live.start();
    expect(h.states).toEqual(["connecting", "live"]);
    expect(h.resyncs).toEqual([]);
  });

  test("a drop and automatic reconnect resyncs from the newest alert seen", async () => {
    const hub = fakeHub();
    const h = harness(hub);
    await h.live.start();
    h.live.noteAlert("2026-11-28T09:58:00Z");
    h.live.noteAlert("2026-11-28T09:55:00Z");
    hub.fire("reconnecting");
    expect(h.live.state).toBe("reconnecting");
    await hub.fire("reconnected");
    expect(h.states).toEqual(["connecting", "live", "reconnecting", "live"]);
    expect(h.resyncs).toEqual([new Date("2026-11-28T09:58:00Z")]);
  });

  test("without any alert seen, resync asks from the moment the connection dropped", async () => {
    const hub = fakeHub();
    const h = harness(hub);
    await h.live.start();
    hub.fire("reconnecting");
    h.tick(30000);
    await hub.fire("reconnected");
    expect(h.resyncs).toEqual([new Date("2026-11-28T10:00:00Z")]);
  });

  test("a failed first start is retried with growing delays until it succeeds", async () => {
    const hub = fakeHub(2);
    const h = harness(hub);
    await h.live.start();
    expect(h.live.state).toBe("reconnecting");
    expect(h.scheduled.map((s) => s.ms)).toEqual([1000]);
    await h.scheduled[0].fn();
    expect(h.scheduled.map((s) => s.ms)).toEqual([1000, 2000]);
    await h.scheduled[1].fn();
    expect(h.live.state).toBe("live");
    expect(hub.starts).toBe(3);
  });

  test("a close after SignalR gave up restarts the connection and resyncs", async () => {
    const hub = fakeHub();
    const h = harness(hub);
    await h.live.start();
    hub.fire("close");
    expect(h.live.state).toBe("reconnecting");
    await h.scheduled[0].fn();
    await flush();
    expect(h.live.state).toBe("live");
    expect(h.resyncs).toHaveLength(1);
  });

  test("retry delays grow and stay at the last value", () => {
    expect([0, 1, 2, 3, 4, 9].map((n) => retryDelay(n))).toEqual([0, 1000, 2000, 5000, 10000, 10000]);
  });
});
