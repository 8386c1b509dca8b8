// Bundles src/ into the silo's static files (silo/wwwroot): content-hashed JS and CSS under assets/, an index.html
// that names them, and .br/.gz siblings of every text file so the silo can serve them precompressed.
import { build } from "esbuild";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, "..", "silo", "wwwroot");
const assets = join(outdir, "assets");

await rm(outdir, { recursive: true, force: true });
await mkdir(assets, { recursive: true });

const common = {
  bundle: true,
  target: ["es2022"],
  minify: true,
  sourcemap: false,
  entryNames: "[name]-[hash]",
  outdir: assets,
  metafile: true,
  legalComments: "none",
  logLevel: "warning",
};
const outputsOf = (result) => Object.keys(result.metafile.outputs).map((file) => join(process.cwd(), file));

// The workers first (classic scripts: every browser that runs the page runs them): the page needs their hashed names.
const buildWorker = async (name) =>
  outputsOf(await build({ ...common, entryPoints: [join(here, "src", name)], format: "iife" })).find((file) => file.endsWith(".js"));
const liveWorker = await buildWorker("liveWorker.js");
const renderWorker = await buildWorker("renderWorker.js");

const result = await build({
  ...common,
  entryPoints: [join(here, "src", "main.js")],
  format: "esm",
  assetNames: "[name]-[hash]",
  loader: { ".png": "file", ".svg": "file" },
  define: {
    __LIVE_WORKER_URL__: JSON.stringify(`assets/${basename(liveWorker)}`),
    __RENDER_WORKER_URL__: JSON.stringify(`assets/${basename(renderWorker)}`),
  },
});

const outputs = [...outputsOf(result), liveWorker, renderWorker];
const script = outputs.find((file) => file.endsWith(".js"));
const style = outputs.find((file) => file.endsWith(".css"));
const template = await readFile(join(here, "src", "index.html"), "utf8");
const html = template
  .replace("%SCRIPT%", `assets/${basename(script)}`)
  .replace("%STYLE%", `assets/${basename(style)}`);
await writeFile(join(outdir, "index.html"), html);

let bytes = 0;
for (const file of [...outputs, join(outdir, "index.html")]) {
  if (!/\.(js|css|html|svg)$/.test(file)) continue;
  const content = await readFile(file);
  await writeFile(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  await writeFile(`${file}.gz`, gzipSync(content, { level: 9 }));
  bytes += content.length;
}
console.log(`dashboard built into ${relative(process.cwd(), outdir)} (${Math.round(bytes / 1024)} KiB before compression)`);
