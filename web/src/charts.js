// Chart.js with only the parts the dashboard draws (tree-shaken), plus the matrix chart for the heatmap.
import { BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, ScatterController, Tooltip } from "chart.js";
import { MatrixController, MatrixElement } from "chartjs-chart-matrix";

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, PointElement, ScatterController, Tooltip, MatrixController, MatrixElement);

/** Reads the theme's colours so charts follow light/dark. */
export function themeColors() {
  const style = getComputedStyle(document.documentElement);
  return { text: style.getPropertyValue("--fg").trim() || "#222", grid: style.getPropertyValue("--grid").trim() || "#ddd" };
}

/** A chart on a fresh canvas in `holder`, with an accessible summary; the previous chart there is destroyed. */
export function chartIn(holder, config, summary) {
  Chart.getChart(holder.querySelector("canvas"))?.destroy();
  const canvas = document.createElement("canvas");
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", summary);
  holder.replaceChildren(canvas);
  const colors = themeColors();
  Chart.defaults.color = colors.text;
  Chart.defaults.borderColor = colors.grid;
  return new Chart(canvas, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options } });
}

export { Chart };
