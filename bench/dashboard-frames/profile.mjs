// Where the page's main thread spends its time while updates arrive: a V8 CPU profile over the DevTools protocol,
// summed by function (self time). "(program)" is native work outside JavaScript — style, layout, paint and canvas
// rasterisation on the main thread — and "(idle)" is time the thread had nothing to do.

/** Starts the profiler on `page`; the returned function stops it and gives the profile. */
export async function startProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  // 200 µs sampling: fine enough for ~1 ms functions without drowning the page in samples.
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  return async () => {
    const { profile } = await cdp.send("Profiler.stop");
    await cdp.detach();
    return profile;
  };
}

/** The `top` functions by self time, with their share of the profile's wall time. */
export function selfTimes(profile, top = 15) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const file = url ? url.slice(url.lastIndexOf("/") + 1) : "";
    const key = file ? `${functionName || "(anonymous)"} ${file}:${lineNumber + 1}` : functionName;
    byFunction.set(key, (byFunction.get(key) ?? 0) + dt);
  });
  return [...byFunction.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, ms]) => ({ function: fn, "self ms": ms.toFixed(0), share: `${((100 * ms) / total).toFixed(1)} %` }));
}
