// Bench files: found by path or glob, imported (TypeScript through tsx, loaded only for a .ts file),
// and checked once here. Every problem is one line naming the file and what is wrong.
import { existsSync } from 'node:fs';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob, isDynamicPattern } from 'tinyglobby';
import { z } from 'zod';
import { loadFixture, parseFixture, type LoadedFixture } from '../run/fixtures.ts';
import { STRATEGY_NAMES, type StrategyName } from '../strategies/index.ts';
import { InputError, describeZodError } from '../util/input-error.ts';
import { PriceTableSchema } from '../model/prices.ts';
import type { BenchDefinition, IdealSchedule, VariantSpec } from './definition.ts';

export const BENCH_EXTENSIONS = ['.ts', '.mts', '.js', '.mjs'] as const;
const TYPESCRIPT = new Set(['.ts', '.mts']);

/** Files named by paths or globs, in the order given (a glob's matches sorted), each once. */
export async function findBenchFiles(patterns: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (isDynamicPattern(pattern)) {
      const matches = (await glob(pattern, { cwd, absolute: true, onlyFiles: true })).sort();
      if (matches.length === 0) throw new InputError(`bench files: nothing matches "${pattern}"`);
      files.push(...matches);
    } else {
      const file = isAbsolute(pattern) ? pattern : resolve(cwd, pattern);
      if (!existsSync(file)) throw new InputError(`bench file ${pattern}: does not exist`);
      files.push(file);
    }
  }
  for (const file of files) {
    if (!(BENCH_EXTENSIONS as readonly string[]).includes(extname(file))) {
      throw new InputError(`bench file ${file}: expected a ${BENCH_EXTENSIONS.join(', ')} file`);
    }
  }
  return [...new Set(files)];
}

const isFunction = (value: unknown): value is (...args: never[]) => unknown => typeof value === 'function';
const IdealSchema = z.union([
  z.literal('all'),
  z.literal('sequential'),
  z.strictObject({ pool: z.int().positive() }),
  z.strictObject({ batched: z.int().positive() }),
]);
const VariantSchema = z.union([
  z.custom<VariantSpec['run']>(isFunction, 'must be an async function or { run, ideal? }'),
  z.strictObject({ run: z.custom<VariantSpec['run']>(isFunction, 'run must be a function'), ideal: IdealSchema.optional() }),
]);
const BenchSchema = z
  .strictObject({
    name: z.string().min(1).regex(/^[\w.-]+$/, 'letters, digits, . _ - only (it is part of metric ids)'),
    description: z.string().optional(),
    // Each entry is checked with the URL sets' rules (parseFixture), naming its field.
    urls: z.array(z.unknown()).min(1).optional(),
    fixture: z.string().min(1).optional(),
    variants: z.record(z.string().min(1), VariantSchema).optional(),
    strategies: z.array(z.enum(STRATEGY_NAMES as [StrategyName, ...StrategyName[]])).optional(),
    concurrency: z.array(z.int().positive()).min(1).optional(),
    server: z
      .strictObject({
        timeScale: z.number().positive().max(1000).optional(),
        llm: z
          .strictObject({ rpm: z.int().nonnegative().optional(), tpm: z.int().nonnegative().optional(), preset: z.enum(['fast', 'chat', 'reasoning']).optional() })
          .optional(),
      })
      .optional(),
    prices: PriceTableSchema.optional(),
  })
  .refine((bench) => (bench.urls === undefined) !== (bench.fixture === undefined), 'give either "urls" or "fixture", not both or neither')
  .refine((bench) => (bench.strategies?.length ?? 0) + Object.keys(bench.variants ?? {}).length > 0, 'give at least one variant or strategy');

/** A bench file as a URL set with its variants and strategies. */
export async function loadBenchFile(file: string): Promise<LoadedFixture> {
  const exported = await importBench(file);
  const parsed = BenchSchema.safeParse(exported);
  if (!parsed.success) throw new InputError(`bench file ${file}: ${describeZodError(parsed.error)}`);
  const bench = parsed.data as BenchDefinition;
  const variants = Object.fromEntries(
    Object.entries(bench.variants ?? {}).map(([name, variant]) => [name, typeof variant === 'function' ? { run: variant } : variant]),
  ) as Record<string, { run: VariantSpec['run']; ideal?: IdealSchedule }>;
  const clash = Object.keys(variants).find((name) => (bench.strategies ?? []).includes(name as StrategyName));
  if (clash) throw new InputError(`bench file ${file}: variant "${clash}" has the name of a strategy it also runs; rename the variant`);
  // URLs inline or from a URL-set file beside the bench; the bench's own description and k values win.
  const named = bench.fixture ? await loadNamedFixture(file, bench.fixture) : null;
  const description = bench.description ?? named?.description;
  const concurrency = bench.concurrency ?? named?.concurrency;
  const set = { name: bench.name, urls: named?.paths ?? bench.urls ?? [], ...(description ? { description } : {}), ...(concurrency ? { concurrency } : {}) };
  const fixture = parseFixture(set, `bench file ${file}`, bench.name, file);
  // A named URL-set file's request entries (method, body, headers) stay with its paths.
  if (named?.requests) fixture.requests = named.requests;
  // Prices from the URL-set file, the bench's own winning per model.
  const prices = named?.prices || bench.prices ? { ...named?.prices, ...bench.prices } : undefined;
  return { ...fixture, strategies: bench.strategies ?? [], variants, ...(bench.server ? { server: bench.server } : {}), ...(prices ? { prices } : {}) };
}

async function loadNamedFixture(file: string, relative: string): Promise<LoadedFixture> {
  try {
    return await loadFixture(resolve(dirname(file), relative));
  } catch (error) {
    throw new InputError(`bench file ${file}: fixture: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function importBench(file: string): Promise<unknown> {
  const url = pathToFileURL(file).href;
  let module: { default?: unknown };
  try {
    if (TYPESCRIPT.has(extname(file))) {
      const { tsImport } = await import('tsx/esm/api');
      module = (await tsImport(url, import.meta.url)) as { default?: unknown };
    } else {
      module = (await import(url)) as { default?: unknown };
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`bench file ${file}: cannot be imported: ${message.split('\n')[0]}`);
  }
  // A .ts file in a package without "type": "module" loads as CommonJS: its default export sits one level down.
  const exported = module.default as { default?: unknown; __esModule?: boolean } | undefined;
  const value = exported !== null && typeof exported === 'object' && 'default' in exported && !('name' in exported) ? exported.default : exported;
  if (value === undefined) throw new InputError(`bench file ${file}: no default export (export default defineBench({...}))`);
  return value;
}
