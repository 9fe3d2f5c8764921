// The fingerprint that must match for two reports to be compared like for like.
import type { Report } from '../model/report.ts';
import type { EnvironmentDifference } from './model.ts';

const nodeMajor = (version: string): string => /^v?(\d+)/.exec(version)?.[1] ?? version;

const fixtureUrls = (report: Report): string =>
  report.fixtures.map((f) => `${f.name}: ${f.urls.join(' ')}`).sort().join('; ');

const FINGERPRINT: ReadonlyArray<[field: string, read: (report: Report) => string]> = [
  ['node major', (r) => nodeMajor(r.environment.node)],
  ['CPU model', (r) => r.environment.cpuModel],
  ['CPU cores', (r) => String(r.environment.cpus)],
  ['time scale', (r) => String(r.config.timeScale)],
  ['client', (r) => r.config.client],
  ['strategies', (r) => r.config.strategies.join(',')],
  ['concurrency', (r) => r.config.concurrency?.join(',') ?? 'per URL set'],
  ['warm-up runs', (r) => String(r.config.warmup)],
  ['URL sets', fixtureUrls],
];

export function environmentDifferences(baseline: Report, current: Report): EnvironmentDifference[] {
  return FINGERPRINT.flatMap(([field, read]) => {
    const b = read(baseline);
    const c = read(current);
    return b === c ? [] : [{ field, baseline: b, current: c }];
  });
}
