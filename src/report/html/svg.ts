// Small pure SVG helpers for the HTML report: scales, tick values, escaping and axes. Every chart is
// built from these, so a chart is a function from model data to a string and tests can read it.

/** Text for HTML and SVG, attributes included. */
export const esc = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** A coordinate rounded to 0.1 px: enough for the eye, and it keeps 10,000-mark pages small. */
export const px = (value: number): string => String(Math.round(value * 10) / 10);

export interface Scale {
  (value: number): number;
  domain: readonly [number, number];
  range: readonly [number, number];
  ticks(count: number): number[];
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const span = d1 - d0 || 1;
  const scale = (value: number): number => range[0] + ((value - d0) / span) * (range[1] - range[0]);
  return Object.assign(scale, { domain, range, ticks: (count: number) => niceTicks(d0, d1, count) });
}

/** Log10 scale; values at or below zero are drawn at the domain's lower end. */
export function logScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const lo = Math.log10(domain[0]);
  const span = Math.log10(domain[1]) - lo || 1;
  const scale = (value: number): number => range[0] + ((Math.log10(Math.max(value, domain[0])) - lo) / span) * (range[1] - range[0]);
  return Object.assign(scale, { domain, range, ticks: () => decadeTicks(domain[0], domain[1]) });
}

/** About `count` round ticks (steps of 1, 2 or 5 × 10^n) covering [min, max]. */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let i = Math.ceil(min / step); i * step <= max + step * 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** Powers of ten within [min, max]. */
export function decadeTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.ceil(Math.log10(min) - 1e-9); e <= Math.floor(Math.log10(max) + 1e-9); e++) ticks.push(Number((10 ** e).toPrecision(12)));
  return ticks;
}

/** The smallest power of ten at or above `value`, and the largest at or below: a log axis's ends. */
export const decadeAbove = (value: number): number => 10 ** Math.ceil(Math.log10(value) - 1e-9);
export const decadeBelow = (value: number): number => 10 ** Math.floor(Math.log10(value) + 1e-9);

export interface Plot {
  widthPx: number;
  heightPx: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A plot area with room for the axis labels below and left and a legend row above. */
export function plotArea(widthPx: number, heightPx: number, left = 72, bottom = 44): Plot {
  return { widthPx, heightPx, left, right: widthPx - 16, top: 28, bottom: heightPx - bottom };
}

export interface AxisSpec {
  scale: Scale;
  ticks: number[];
  format: (value: number) => string;
  label: string;
}

/** Grid lines, tick labels and both axis labels of a plot. */
export function axes(plot: Plot, x: AxisSpec, y: AxisSpec): string {
  const parts: string[] = ['<g class="axes">'];
  for (const t of x.ticks) {
    const at = px(x.scale(t));
    parts.push(`<line class="grid" x1="${at}" x2="${at}" y1="${plot.top}" y2="${plot.bottom}"/>`);
    parts.push(`<text class="tick" x="${at}" y="${plot.bottom + 16}" text-anchor="middle">${esc(x.format(t))}</text>`);
  }
  for (const t of y.ticks) {
    const at = px(y.scale(t));
    parts.push(`<line class="grid" x1="${plot.left}" x2="${plot.right}" y1="${at}" y2="${at}"/>`);
    parts.push(`<text class="tick" x="${plot.left - 6}" y="${at}" dy="0.32em" text-anchor="end">${esc(y.format(t))}</text>`);
  }
  parts.push(`<line class="axis" x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}"/>`);
  parts.push(`<line class="axis" x1="${plot.left}" x2="${plot.left}" y1="${plot.top}" y2="${plot.bottom}"/>`);
  parts.push(`<text class="label" x="${px((plot.left + plot.right) / 2)}" y="${plot.heightPx - 6}" text-anchor="middle">${esc(x.label)}</text>`);
  parts.push(
    `<text class="label" transform="translate(14 ${px((plot.top + plot.bottom) / 2)}) rotate(-90)" text-anchor="middle">${esc(y.label)}</text>`,
  );
  parts.push('</g>');
  return parts.join('');
}

/** The root element: scales with the page, described by the figure's caption. */
export const svgRoot = (plot: Pick<Plot, 'widthPx' | 'heightPx'>, labelId: string, body: string): string =>
  `<svg viewBox="0 0 ${plot.widthPx} ${px(plot.heightPx)}" role="img" aria-labelledby="${esc(labelId)}">${body}</svg>`;

/** A legend row of swatches above the plot, at the top right; a second row when the first is full. */
export function legend(items: Array<{ cls: string; label: string; shape?: 'box' | 'line' | 'dash' }>, plot: Plot): string {
  let x = plot.left;
  let y = 0;
  const parts: string[] = ['<g class="legend">'];
  for (const item of items) {
    if (x > plot.left && x + 18 + item.label.length * 6.5 > plot.widthPx) {
      x = plot.left;
      y += 14;
    }
    const shape = item.shape ?? 'box';
    if (shape === 'box') parts.push(`<rect class="${item.cls}" x="${x}" y="${y}" width="12" height="10"/>`);
    else parts.push(`<line class="${item.cls}${shape === 'dash' ? ' dashed' : ''}" x1="${x}" x2="${x + 14}" y1="${y + 5}" y2="${y + 5}"/>`);
    parts.push(`<text class="tick" x="${x + 18}" y="${y + 5}" dy="0.32em">${esc(item.label)}</text>`);
    x += 30 + item.label.length * 6.5;
  }
  parts.push('</g>');
  return parts.join('');
}
