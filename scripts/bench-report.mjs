// The arithmetic and the markdown of `npm run bench` (scripts/bench.mjs): medians, the linear fit over the grid, and
// the tables it prints and writes to bench/results.json.

/** Least-squares line through [x, y] points, with R² to show how straight the growth is. */
export function linearFit(points) {
  const n = points.length;
  const mx = points.reduce((sum, [x]) => sum + x, 0) / n;
  const my = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const sxx = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  const sxy = points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = my - slope * mx;
  const ssRes = points.reduce((sum, [x, y]) => sum + (y - intercept - slope * x) ** 2, 0);
  const ssTot = points.reduce((sum, [, y]) => sum + (y - my) ** 2, 0);
  return { intercept: round3(intercept), perResource: slope, r2: ssTot === 0 ? 1 : round3(1 - ssRes / ssTot) };
}

export function renderMarkdown(report) {
  const m = report.machine;
  const f = (value, digits = 2) => value.toFixed(digits);
  const lines = [
    `Machine: ${m.cpus} CPUs (${m.cpuModel}), ${f(m.memoryGb, 1)} GB RAM, Node ${m.node}, cdktf ${m.cdktf}, ${m.platform}; ` +
      `load average ${f(m.loadAverage1m.before)} before, ${f(m.loadAverage1m.after)} after; ${report.generatedAt}.`,
    `App: ${report.app.stacks} stacks, ${report.app.resources} resources (what \`npm run synth\` builds: every environment of the default blueprint).`,
    "",
    "| measurement | runs | median s | min s | max s | CPU s (median) | peak RSS MB |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...report.results.map(
      (r) =>
        `| ${r.label}${r.vitestDurationMedian !== undefined ? ` (vitest's own duration ${f(r.vitestDurationMedian)} s)` : ""} | ${r.runs} | ${f(r.median)} | ${f(r.min)} | ${f(r.max)} | ${f(r.cpuMedian)} | ${f(r.peakRssMb, 0)} |`,
    ),
    "",
    `${[
      report.ratios.stockOverOurs !== undefined
        ? `stock CDKTF / ours: **${f(report.ratios.stockOverOurs, 1)}x** wall, ${f(report.ratios.stockOverOursCpu, 1)}x CPU; ` +
          `the CLI running our app / ours: ${f(report.ratios.cliOverOurs, 1)}x (${f(report.ratios.cliOverOursWithoutNpm, 1)}x without npm's start-up)`
        : undefined,
      `ours / floor: **${f(report.ratios.oursOverFloor)}x** wall, ${f(report.ratios.oursOverFloorCpu)}x CPU (${f(report.ratios.oursWithoutNpmOverFloor)}x without npm's start-up)`,
    ]
      .filter(Boolean)
      .join("; ")}.`,
  ];
  if (report.grid.length > 0) {
    lines.push(
      "",
      `Synth at size (plain \`node\` running main.ts's build and synth bundled over generated configs, median of ${report.options.gridRuns}):`,
      "",
      "| environments | services/env | stacks | resources | median s | min s | max s | CPU s (median) | peak RSS MB |",
      "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
      ...report.grid.map(
        (c) =>
          `| ${c.environments} | ${c.services} | ${c.stacks} | ${c.resources} | ${f(c.median)} | ${f(c.min)} | ${f(c.max)} | ${f(c.cpuMedian)} | ${f(c.peakRssMb, 0)} |`,
      ),
    );
  }
  if (report.gridFit) {
    const { seconds, cpuSeconds, peakRssMb } = report.gridFit;
    const line = (fit) => `${f(fit.intercept)} s + ${f(fit.perResource * 1000)} ms per resource (R² ${f(fit.r2, 3)})`;
    lines.push(
      "",
      `Linear fit over the grid: wall time = ${line(seconds)}; CPU time = ${line(cpuSeconds)}; ` +
        `peak RSS = ${f(peakRssMb.intercept, 0)} MB + ${f(peakRssMb.perResource * 1000, 1)} MB per 1000 resources (R² ${f(peakRssMb.r2, 3)}).`,
    );
  }
  for (const note of report.notes) lines.push("", `Note: ${note}.`);
  return lines.join("\n");
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function round3(value) {
  return Math.round(value * 1000) / 1000;
}
