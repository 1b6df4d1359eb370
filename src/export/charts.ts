/**
 * Small server-rendered SVG charts: bars, stacked bars and lines from plain numbers. No library, no
 * script, no CDN; every text is escaped, and colours and fonts are presentation attributes (never
 * `style`), so the charts render under the web page's strict CSP (style-src 'self').
 */

export interface Series {
  readonly name: string;
  readonly values: readonly number[];
}

export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  /** A sentence a screen reader says instead of the picture. */
  readonly summary: string;
}

/** Colour-blind-safe palette (Okabe–Ito), in series order. */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"];
const INK = "#1f2933";
const GRID = "#d9dee3";
const FONT = "system-ui, sans-serif";

export function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

const n = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

/** A "nice" axis maximum: 1, 2, 5 × 10^k at or above the largest value. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((s) => s * power >= max) ?? 10;
  return step * power;
}

function text(x: number, y: number, content: string, attrs: Record<string, string | number> = {}): string {
  const extra = Object.entries({ "font-family": FONT, "font-size": 12, fill: INK, ...attrs })
    .map(([k, v]) => `${k}="${escapeXml(String(v))}"`)
    .join(" ");
  return `<text x="${n(x)}" y="${n(y)}" ${extra}>${escapeXml(content)}</text>`;
}

function frame(spec: ChartSpec, width: number, height: number, body: string[]): string {
  const label = escapeXml(`${spec.title}: ${spec.summary}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" id="chart-${escapeXml(spec.id)}" class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${label}">`,
    `<title>${escapeXml(spec.title)}</title>`,
    `<desc>${escapeXml(spec.summary)}</desc>`,
    ...body,
    "</svg>",
  ].join("");
}

function legend(series: readonly { name: string }[], x: number, y: number): string[] {
  return series.map((s, i) => {
    const top = y + i * 18;
    return `<rect x="${x}" y="${top}" width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"/>${text(x + 18, top + 10, s.name)}`;
  });
}

function yAxis(left: number, top: number, plotHeight: number, plotWidth: number, max: number): string[] {
  const out: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const value = (max * i) / 4;
    const y = top + plotHeight - (plotHeight * i) / 4;
    out.push(
      `<line x1="${left}" y1="${n(y)}" x2="${left + plotWidth}" y2="${n(y)}" stroke="${GRID}" stroke-width="1"/>`,
    );
    out.push(text(left - 6, y + 4, n(value), { "text-anchor": "end", "font-size": 11 }));
  }
  return out;
}

/**
 * Vertical bars per category (one series) or lines (several series), categories along the x axis
 * (months). `kind: "line"` draws one polyline per series with a dot per value.
 */
export function columnChart(
  spec: ChartSpec,
  categories: readonly string[],
  series: readonly Series[],
  kind: "bar" | "line" = "bar",
): string {
  const legendWidth = series.length > 1 ? 170 : 0;
  const width = Math.max(420, 60 + categories.length * 46 + legendWidth);
  const height = 260;
  const [left, top, bottom] = [44, 16, 40];
  const plotWidth = width - left - 16 - legendWidth;
  const plotHeight = height - top - bottom;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const step = categories.length > 0 ? plotWidth / categories.length : plotWidth;
  const body = yAxis(left, top, plotHeight, plotWidth, max);
  const yOf = (v: number) => top + plotHeight - (plotHeight * v) / max;
  // Every k-th label only, so thirteen months do not print on top of each other.
  const every = Math.max(1, Math.ceil((categories.length * 52) / plotWidth));
  categories.forEach((c, i) => {
    if (i % every !== 0 && i !== categories.length - 1) return;
    body.push(text(left + step * i + step / 2, height - bottom + 16, c, { "text-anchor": "middle", "font-size": 11 }));
  });
  if (kind === "bar") {
    const barWidth = Math.max(4, (step * 0.7) / Math.max(1, series.length));
    series.forEach((s, si) => {
      s.values.forEach((v, i) => {
        const x = left + step * i + step * 0.15 + barWidth * si;
        const y = yOf(v);
        body.push(
          `<rect class="bar" x="${n(x)}" y="${n(y)}" width="${n(barWidth)}" height="${n(top + plotHeight - y)}" fill="${PALETTE[si % PALETTE.length]}"><title>${escapeXml(`${s.name}, ${categories[i]}: ${n(v)}`)}</title></rect>`,
        );
      });
    });
  } else {
    series.forEach((s, si) => {
      const colour = PALETTE[si % PALETTE.length];
      const points = s.values.map((v, i) => `${n(left + step * i + step / 2)},${n(yOf(v))}`);
      body.push(
        `<polyline class="line" points="${points.join(" ")}" fill="none" stroke="${colour}" stroke-width="2"/>`,
      );
      s.values.forEach((v, i) => {
        body.push(
          `<circle cx="${n(left + step * i + step / 2)}" cy="${n(yOf(v))}" r="3" fill="${colour}"><title>${escapeXml(`${s.name}, ${categories[i]}: ${n(v)}`)}</title></circle>`,
        );
      });
    });
  }
  if (series.length > 1) body.push(...legend(series, width - legendWidth + 8, top));
  return frame(spec, width, height, body);
}

/**
 * Horizontal stacked bars: one row per label, one segment per series (e.g. a framework's requests
 * by region, a control's answered / partly / not answered).
 */
export function stackedBarChart(
  spec: ChartSpec,
  labels: readonly string[],
  series: readonly Series[],
  options: { labelWidth?: number } = {},
): string {
  const labelWidth = options.labelWidth ?? 180;
  const legendHeight = 22;
  const rowHeight = 24;
  const width = 640;
  const height = 24 + legendHeight + Math.max(1, labels.length) * rowHeight + 24;
  const left = labelWidth + 8;
  const plotWidth = width - left - 50;
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const body: string[] = [];
  series.forEach((s, si) => {
    const x = left + si * 120;
    body.push(
      `<rect x="${x}" y="6" width="12" height="12" fill="${PALETTE[si % PALETTE.length]}"/>${text(x + 18, 16, s.name)}`,
    );
  });
  labels.forEach((label, i) => {
    const y = 24 + legendHeight + i * rowHeight;
    body.push(text(left - 8, y + 15, label.length > 34 ? `${label.slice(0, 33)}…` : label, { "text-anchor": "end" }));
    let x = left;
    series.forEach((s, si) => {
      const v = s.values[i] ?? 0;
      if (v <= 0) return;
      const w = (plotWidth * v) / max;
      body.push(
        `<rect class="bar" x="${n(x)}" y="${y + 3}" width="${n(w)}" height="${rowHeight - 6}" fill="${PALETTE[si % PALETTE.length]}"><title>${escapeXml(`${label}, ${s.name}: ${n(v)}`)}</title></rect>`,
      );
      x += w;
    });
    body.push(text(x + 6, y + 15, n(totals[i] ?? 0), { "font-size": 11 }));
  });
  if (labels.length === 0) body.push(text(left, 24 + legendHeight + 15, "Nothing in this period"));
  return frame(spec, width, height, body);
}
