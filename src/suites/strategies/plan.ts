// The rows of a strategies run: every URL set × strategy × k, with absolute URLs on the target.
import type { LoadedFixture } from '../../run/fixtures.ts';
import { strategies, type StrategyName } from '../../strategies/index.ts';
import type { UrlRequest } from '../../request/url-request.ts';

export interface StrategyRow {
  fixture: string;
  urls: readonly string[];
  /** Method, body and headers by URL index, when the URL set has request entries. */
  requests?: readonly (UrlRequest | null)[];
  strategy: StrategyName;
  concurrency: number | null;
}

export function planRows(fixtures: readonly LoadedFixture[], names: readonly StrategyName[], concurrency: readonly number[] | null, baseUrl: string): StrategyRow[] {
  return fixtures.flatMap((fixture) => {
    // Origin + path, never URL resolution: a path can only ever name a resource on the target.
    const origin = new URL(baseUrl).origin;
    const urls = fixture.paths.map((path) => `${origin}${path}`);
    const requests = fixture.requests ? { requests: fixture.requests } : {};
    // A bench file names its own strategies; a URL file takes the run's.
    return (fixture.strategies ?? names).flatMap((name): StrategyRow[] =>
      strategies[name].takesConcurrency
        ? (concurrency ?? fixture.concurrency).map((k) => ({ fixture: fixture.name, urls, ...requests, strategy: name, concurrency: k }))
        : [{ fixture: fixture.name, urls, ...requests, strategy: name, concurrency: null }],
    );
  });
}

export function rowLabel(row: Pick<StrategyRow, 'fixture' | 'strategy' | 'concurrency'>): string {
  return `${row.fixture}/${row.strategy}${row.concurrency === null ? '' : `(${row.concurrency})`}`;
}

