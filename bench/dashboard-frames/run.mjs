// Frame times of the dashboard's live map in Debian's headless Chromium (driven by playwright-core, never a
// downloaded browser), against a running silo: requestAnimationFrame deltas while trafficUpdated messages arrive
// (idle), while the user drags the map (pan) and while the wheel zooms in and out (zoom). Prints per phase the
// frames, p50/p95/max frame time, long frames (> 50 ms, the RAIL budget for a response) and the updates received.
// A measuring script, not a test: the figures depend on the machine's load, so print them next to `uptime`.
//
// Usage: node run.mjs [url=http://localhost:8080] [seconds per phase=20]   against a running silo
//        node run.mjs --synthetic [roads=20000] [seconds per phase=20] [changing=1]
//            no silo: the built page and an N-road city updating every second (synthetic.mjs); `changing` is the share
//            of roads whose speed jumps each tick (1: every road, the worst case; 0.05: most keep their colour)
// FRAMES_WEB_ROOT=DIR serves another build of the page with --synthetic (an A/B of two builds, side by side).
// FRAMES_PROFILE=1 adds a fourth, separately timed idle phase under the CPU profiler and prints where the main
// thread's time went (profile.mjs); the three measured phases run without the profiler.
import { openMapPage, webRoot } from "./mapPage.mjs";
import { startProfile, selfTimes } from "./profile.mjs";
import { gridRoads, serveSyntheticCity } from "./synthetic.mjs";

const synthetic = process.argv[2] === "--synthetic";
const syntheticRoads = synthetic ? Number(process.argv[3] ?? 20000) : 0;
const seconds = Number((synthetic ? process.argv[4] : process.argv[3]) ?? 20);
const changing = synthetic ? Number(process.argv[5] ?? 1) : 0;
const city = synthetic
  ? await serveSyntheticCity({ webRoot: webRoot(), roads: gridRoads(syntheticRoads), changing })
  : null;
const url = city?.url ?? process.argv[2] ?? process.env.TRAFFIC_URL ?? "http://localhost:8080";
const profiled = process.env.FRAMES_PROFILE === "1";
const LONG_FRAME_MS = 50;

// Records requestAnimationFrame deltas for `ms` milliseconds; returns them with the update counts of the window.
// The counts are the page's own (window.__dashboard.updates): its live worker's WebSocket is out of the page's reach,
// and parsing each 3 MB message again here would have added the harness's cost to the page's frames.
function recordFrames(ms) {
  const received = () => window.__dashboard.updates();
  const before = received();
  return new Promise((resolve) => {
    const deltas = [];
    const start = performance.now();
    let last = start;
    const step = (now) => {
      deltas.push(now - last);
      last = now;
      if (now - start < ms) requestAnimationFrame(step);
      else {
        const after = received();
        resolve({ deltas, messages: after.messages - before.messages, roads: after.roads - before.roads });
      }
    };
    requestAnimationFrame(step);
  });
}

// Drags of 30 % of the width, four one way and four back: the renderer keeps its canvas while a pan stays inside the
// area it drew (30 % padding), so about every other drag here leaves that area and costs a full redraw, as a user
// exploring the city would; a back-and-forth of one drag would never leave it and would flatter the renderer.
async function drag(page, box, until) {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (let i = 0; Date.now() < until; i++) {
    const dx = (i % 8 < 4 ? 1 : -1) * box.width * 0.3;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + dx, cy + dx / 3, { steps: 20 });
    await page.mouse.up();
  }
}

async function zoom(page, box, until) {
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; Date.now() < until; i++) {
    await page.mouse.wheel(0, i % 4 < 2 ? -240 : 240);
    await page.waitForTimeout(400);
  }
}

function summary(phase, { deltas, messages, roads }) {
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const long = deltas.filter((d) => d > LONG_FRAME_MS);
  return {
    phase,
    frames: deltas.length,
    "p50 ms": at(0.5).toFixed(1),
    "p95 ms": at(0.95).toFixed(1),
    "max ms": sorted[sorted.length - 1].toFixed(0),
    [`long (>${LONG_FRAME_MS} ms)`]: long.length,
    "time in long frames": `${((100 * long.reduce((a, b) => a + b, 0)) / deltas.reduce((a, b) => a + b, 0)).toFixed(0)} %`,
    "updates received": `${messages} msgs, ${roads} roads`,
  };
}

const { browser, page } = await openMapPage(url);
try {
  const lines = await page.evaluate(() => window.__dashboard.lineCount());
  const box = await page.locator("#map").boundingBox();
  // Let the first snapshot's restyle and the first ticks settle before measuring.
  await page.waitForTimeout(3000);

  const results = [];
  const ms = seconds * 1000;
  results.push(summary("idle, updates arriving", await page.evaluate(recordFrames, ms)));
  const [panned] = await Promise.all([page.evaluate(recordFrames, ms), drag(page, box, Date.now() + ms - 500)]);
  results.push(summary("panning (drag)", panned));
  const [zoomed] = await Promise.all([page.evaluate(recordFrames, ms), zoom(page, box, Date.now() + ms - 500)]);
  results.push(summary("zooming (wheel)", zoomed));

  let hotspots = null;
  if (profiled) {
    const stopProfile = await startProfile(page);
    await page.waitForTimeout(ms);
    hotspots = selfTimes(await stopProfile());
  }

  console.log(`${lines} road lines on the map, ${seconds} s per phase, ${synthetic ? `synthetic city of ${syntheticRoads} roads updating every second, ${Math.round(changing * 100)} % of them jumping to a new speed` : url}`);
  console.table(results);
  if (hotspots) {
    console.log(`Main thread by function (self time) over ${seconds} s of updates arriving, under the profiler:`);
    console.table(hotspots);
  }
} finally {
  await browser.close();
  await city?.stop();
}
