// The run's defaults, in one place: the CLI's flags and the library's runBench fall back to these.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClientName } from '../clients/index.ts';

/** fixtures/ ships beside dist/ and src/ in the package. */
export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));
export const DEFAULT_URL_FILES = ['lesson.json', 'agent.json'].map((name) => join(FIXTURES_DIR, name));

export const RUN_DEFAULTS = {
  client: 'undici' as ClientName,
  iterations: 3,
  warmup: 1,
  timeScale: 1,
  timeoutMs: 10_000,
  out: 'results',
};
