// What run.mjs and trace.mjs share: the build of the page a synthetic city serves, and Debian's headless Chromium
// (never a downloaded browser) opened on the live map once the dashboard has booted.
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

/** The built dashboard: FRAMES_WEB_ROOT (another build, for an A/B) or silo/wwwroot. */
export const webRoot = () => process.env.FRAMES_WEB_ROOT ?? fileURLToPath(new URL("../../silo/wwwroot", import.meta.url));

/** Launches Chromium and opens `${url}/#/map` at 1280 × 800; returns { browser, page } (close the browser). */
export async function openMapPage(url) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${url}/#/map`, { timeout: 120_000 });
    await page.waitForFunction(() => window.__dashboard?.ready, null, { timeout: 120_000 });
    return { browser, page };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
