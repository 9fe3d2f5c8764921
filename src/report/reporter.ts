import type { Report } from '../model/report.ts';
import type { RenderOptions } from './color.ts';

/** A reporter turns a report into text. It never measures, prints or writes. */
export interface Reporter {
  name: string;
  description: string;
  render(report: Report, options?: RenderOptions): string;
}
