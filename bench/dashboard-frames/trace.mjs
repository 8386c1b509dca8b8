// Where an update's frame time goes across the browser's threads, which the CPU profile of run.mjs (main thread
// JavaScript only) cannot show: a Chromium trace of the synthetic city's live map for a few seconds, summed per
// thread, then each long task (> 30 ms) split into its largest trace events. Canvas rasterisation shows up as
// LayerTreeHost::DoUpdateLayers on CrRendererMain; decoding updates as the DedicatedWorker thread.
//
// Usage: node trace.mjs [roads=20000] [seconds=5]
import { openMapPage, webRoot } from "./mapPage.mjs";
import { gridRoads, serveSyntheticCity } from "./synthetic.mjs";

const roads = Number(process.argv[2] ?? 20000);
const seconds = Number(process.argv[3] ?? 5);
const TASKS = new Set(["RunTask", "ThreadControllerImpl::RunTask"]);
const LONG_TASK_US = 30_000;

const city = await serveSyntheticCity({ webRoot: webRoot(), roads: gridRoads(roads) });
let events;
const { browser, page } = await openMapPage(city.url).catch(async (error) => {
  await city.stop();
  throw error;
});
try {
  await page.waitForTimeout(3000);
  await browser.startTracing(page, { categories: ["devtools.timeline", "toplevel", "blink", "cc", "v8"] });
  await page.waitForTimeout(seconds * 1000);
  events = JSON.parse(String(await browser.stopTracing())).traceEvents;
} finally {
  await browser.close();
  await city.stop();
}

const threadNames = new Map(events.filter((e) => e.ph === "M" && e.name === "thread_name").map((e) => [`${e.pid}/${e.tid}`, e.args.name]));
const threadOf = (e) => threadNames.get(`${e.pid}/${e.tid}`) ?? String(e.tid);
const complete = events.filter((e) => e.ph === "X" && e.dur);
const tasks = complete.filter((e) => TASKS.has(e.name));

const busy = new Map();
tasks.forEach((task) => busy.set(threadOf(task), (busy.get(threadOf(task)) ?? 0) + task.dur / 1000));
console.log(`${roads} roads updating every second, ${seconds} s traced`);
console.table([...busy].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([thread, ms]) => ({ thread, "busy ms": ms.toFixed(0) })));

const longTasks = tasks.filter((task) => task.dur > LONG_TASK_US).sort((a, b) => a.ts - b.ts);
console.log(`${longTasks.length} tasks over ${LONG_TASK_US / 1000} ms; the largest events inside each:`);
for (const task of longTasks) {
  const inside = new Map();
  for (const e of complete) {
    if (TASKS.has(e.name) || threadOf(e) !== threadOf(task) || e.ts < task.ts || e.ts >= task.ts + task.dur) continue;
    inside.set(e.name, Math.max(inside.get(e.name) ?? 0, e.dur / 1000));
  }
  const top = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name, ms]) => `${name} ${ms.toFixed(0)}`);
  console.log(`  ${threadOf(task)} ${(task.dur / 1000).toFixed(0)} ms: ${top.join(", ")}`);
}
