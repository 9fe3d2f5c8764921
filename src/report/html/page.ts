// The page around the figures: one self-contained HTML document (styles inlined, no script, no
// fetches), light and dark by prefers-color-scheme, colours from the Okabe–Ito palette.
import { esc } from './svg.ts';
import { figureHtml, type Figure } from './figure.ts';

export interface PageSection {
  title: string;
  figures: Figure[];
  /** Lines of plain text under the section title (errors, notes). */
  notes?: string[];
}

export interface Page {
  title: string;
  /** Facts about the run, shown under the title. */
  facts: string[];
  sections: PageSection[];
}

/** Okabe & Ito's palette, safe for the common colour-vision deficiencies; series take it in this order. */
export const SERIES_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', 'var(--fg)'] as const;

/** The class of the i-th series (s0…s7, then round again). */
export const seriesClass = (i: number): string => `s${i % SERIES_COLOURS.length}`;

const STYLE = `
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #ffffff; --muted: #5c5c5c; --grid: #e4e4e4; --wait: #c9c9c9; --band: #f4f4f4; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e6e6; --bg: #121212; --muted: #a8a8a8; --grid: #333333; --wait: #555555; --band: #1d1d1d; } }
body { margin: 0 auto; max-width: 1000px; padding: 16px; background: var(--bg); color: var(--fg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--grid); }
.facts, .note, caption { color: var(--muted); } .facts { margin: 0; padding: 0; list-style: none; }
figure { margin: 16px 0 24px; } figcaption { font-weight: 600; font-size: 15px; } .note { margin: 2px 0 6px; }
svg { width: 100%; height: auto; display: block; font: 12px system-ui, sans-serif; }
svg text { fill: var(--fg); } svg .tick { fill: var(--muted); font-size: 11px; } svg .label { font-size: 12px; }
svg .grid { stroke: var(--grid); stroke-width: 1; } svg .axis { stroke: var(--muted); stroke-width: 1; }
svg .band { fill: var(--band); }
svg .wait { fill: var(--wait); } svg .ok { fill: #0072B2; } svg .fail { fill: #D55E00; } svg .retry { fill: #E69F00; }
svg .fb { stroke: var(--fg); stroke-width: 1.5; } svg .ideal { stroke: var(--fg); stroke-width: 1.5; stroke-dasharray: 5 3; fill: none; }
svg .dashed { stroke-dasharray: 6 4; } svg .little { stroke-dasharray: 1.5 4; stroke-linecap: round; } svg .knee { stroke: #D55E00; stroke-width: 2; stroke-dasharray: 2 3; }
svg .legend line { stroke-width: 2.5; } svg .whisker { stroke: var(--fg); stroke-width: 1.2; } svg .sample { fill: var(--fg); fill-opacity: 0.7; }
svg .line { fill: none; stroke-width: 2; } svg .zone { fill: var(--grid); fill-opacity: 0.6; }
svg .leaked { fill: #CC79A7; } svg .ideal.bound { stroke-dasharray: 1.5 3; stroke-linecap: round; stroke-width: 2.5; }
svg .range { stroke-width: 2.5; } svg .predicted { fill: none; stroke: var(--fg); stroke-width: 1.5; }
${SERIES_COLOURS.map((c, i) => `svg .s${i} { fill: ${c}; stroke: ${c}; } svg .line.s${i} { fill: none; }`).join('\n')}
svg .regressed { fill: #D55E00; stroke: #D55E00; } svg .improved { fill: #009E73; stroke: #009E73; } svg .unchanged { fill: var(--muted); stroke: var(--muted); }
table { border-collapse: collapse; margin: 8px 0; font-size: 12.5px; } caption { text-align: left; font-size: 12px; }
th, td { padding: 2px 8px; border-bottom: 1px solid var(--grid); text-align: left; } .num { text-align: right; font-variant-numeric: tabular-nums; }
details summary { cursor: pointer; color: var(--muted); }
`;

export function pageHtml(page: Page): string {
  const body: string[] = [`<h1>${esc(page.title)}</h1>`, `<ul class="facts">${page.facts.map((f) => `<li>${esc(f)}</li>`).join('')}</ul>`];
  for (const section of page.sections) {
    body.push(`<section>`, `<h2>${esc(section.title)}</h2>`);
    for (const note of section.notes ?? []) body.push(`<p class="note">${esc(note)}</p>`);
    for (const figure of section.figures) body.push(figureHtml(figure));
    body.push('</section>');
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may load from anywhere: the page is read from disk, CI artefacts and mail.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(page.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
