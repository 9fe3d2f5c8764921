// URL-set files: validated once here, with errors that name the file and the field.
import { basename, extname } from 'node:path';
import { z } from 'zod';
import { InputError, describeZodError } from '../util/input-error.ts';
import { readJsonFile } from '../util/read-json.ts';
import type { BenchServerOptions, VariantSpec } from '../bench/definition.ts';
import type { StrategyName } from '../strategies/index.ts';
import { PriceTableSchema, type PriceTable } from '../model/prices.ts';

/** Absolute URLs keep only their path and query: every request goes to the local target, never to the
 *  host named. A path must not start with "//", which URL resolution would read as another host. */
const UrlEntry = z
  .string()
  .min(1)
  .refine((url) => (url.startsWith('/') && !url.startsWith('//')) || /^https?:\/\//.test(url), 'must be a path starting with a single "/" or an http(s) URL')
  .refine((url) => url.startsWith('/') || URL.canParse(url), 'is not a valid URL')
  .transform((url) => toPath(url))
  .refine((path) => !path.startsWith('//'), 'must not have a path starting with "//"');

const FixtureFile = z.union([
  z.array(UrlEntry).min(1),
  z.strictObject({
    name: z.string().min(1).optional(),
    description: z.string().optional(),
    urls: z.array(UrlEntry).min(1),
    concurrency: z.array(z.int().positive()).min(1).optional(),
    /** USD per million input/output tokens per model, for the cost of streamed LLM answers. */
    prices: PriceTableSchema.optional(),
  }),
]);

export interface LoadedFixture {
  name: string;
  description: string;
  /** Paths with their query, to be joined to the target's base URL. */
  paths: string[];
  /** k values used for pool/batched when the command line gives none. */
  concurrency: number[];
  file: string;
  /** A bench file's own strategies; absent for a URL file (the run's --strategies apply). */
  strategies?: StrategyName[];
  /** A bench file's variants: the user's code, run beside the strategies. */
  variants?: Record<string, VariantSpec>;
  /** A bench file's own delay server settings: it then runs against a server of its own. */
  server?: BenchServerOptions;
  /** Token prices per model from the URL-set file or bench file (run --prices wins per model). */
  prices?: PriceTable;
}

export const DEFAULT_CONCURRENCY = [2];

export async function loadFixture(file: string): Promise<LoadedFixture> {
  const json = await readJsonFile(file, `URL file ${file}`);
  return parseFixture(json, `URL file ${file}`, basename(file, extname(file)), file);
}

/** A URL set from JSON data (a file's, or one given in code); `source` names it in errors. */
export function parseFixture(json: unknown, source: string, fallbackName: string, file = ''): LoadedFixture {
  // The array or the object form by the JSON's shape, so an error names the field, not "Invalid input" of the union.
  const parsed = (Array.isArray(json) ? FixtureFile.options[0] : FixtureFile.options[1]).safeParse(json);
  if (!parsed.success) {
    throw new InputError(`${source}: ${describeZodError(parsed.error)} (expected an array of URLs or {"urls": [...]})`);
  }
  const data = Array.isArray(parsed.data) ? { urls: parsed.data } : parsed.data;
  return {
    name: ('name' in data && data.name) || fallbackName,
    description: ('description' in data && data.description) || '',
    paths: data.urls,
    concurrency: ('concurrency' in data && data.concurrency) || DEFAULT_CONCURRENCY,
    file,
    ...('prices' in data && data.prices ? { prices: data.prices } : {}),
  };
}

function toPath(url: string): string {
  if (url.startsWith('/')) return url;
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}
