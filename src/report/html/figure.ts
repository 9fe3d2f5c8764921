// A chart as the page shows it: a titled figure with an SVG and a table as its text alternative.
// `marks` counts the data marks (elements of class "mark"), one per row or point the chart draws,
// so a browser test can hold the drawing to the report.
import { esc } from './svg.ts';

export interface Figure {
  /** Which chart drew it (data-chart), e.g. "waterfall". */
  chart: string;
  /** Unique within the page: the element id. */
  id: string;
  title: string;
  svg: string;
  marks: number;
  table: string;
  /** A sentence under the title: what is drawn and how to read it. */
  note?: string;
}

/** One chart kind: figures drawn from the input alone, none when its section is absent. */
export interface Chart<Input> {
  name: string;
  figures(input: Input): Figure[];
}

export function figureHtml(figure: Figure): string {
  const titleId = `${figure.id}-title`;
  return [
    `<figure class="chart" id="${esc(figure.id)}" data-chart="${esc(figure.chart)}" data-marks="${figure.marks}">`,
    `<figcaption id="${esc(titleId)}">${esc(figure.title)}</figcaption>`,
    figure.note ? `<p class="note">${esc(figure.note)}</p>` : '',
    figure.svg,
    figure.table,
    '</figure>',
  ].join('\n');
}

export interface Column {
  label: string;
  /** Right-aligned (numbers). */
  numeric?: boolean;
}

/** A plain HTML table; `caption` says what it is the text of. */
export function htmlTable(caption: string, columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const head = columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${esc(c.label)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell, i) => `<td${columns[i]?.numeric ? ' class="num"' : ''}>${esc(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** A table folded away by default: for long per-request listings. */
export const foldedTable = (summary: string, table: string): string => `<details><summary>${esc(summary)}</summary>\n${table}\n</details>`;

/** A chart's id fragment from free text (fixture names, endpoints). */
export const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
