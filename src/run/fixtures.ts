// URL-set files: validated once here, with errors that name the file and the field.
import { basename, extname } from 'node:path';
import { z } from 'zod';
import { InputError, describeZodError } from '../util/input-error.ts';
import { readJsonFile } from '../util/read-json.ts';
import type { BenchServerOptions, VariantSpec } from '../bench/definition.ts';
import type { StrategyName } from '../strategies/index.ts';
import { REQUEST_ID_HEADER, WARMUP_HEADER } from '../protocol/headers.ts';
import type { UrlRequest } from '../request/url-request.ts';
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

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
/** Set by the HTTP stacks themselves, or by the harness (warm-up marks, request ids): an entry may not set them. */
const RESERVED_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', WARMUP_HEADER, REQUEST_ID_HEADER]);

const HeaderName = z
  .string()
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'is not a valid header name')
  .refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()), 'is set by fanout-bench or the HTTP client, not by a URL set');

/** A request, not only a path: e.g. a chat completion, its body sent as JSON, its key naming a rate-limit bucket. */
const RequestEntry = z
  .strictObject({
    method: z.enum(METHODS).optional(),
    path: UrlEntry,
    body: z.custom<unknown>(isJsonValue, 'must be JSON: objects, arrays, strings, finite numbers, booleans and null').optional(),
    headers: z.record(HeaderName, z.string().refine((value) => !/[\r\n\0]/.test(value), 'must not contain line breaks')).optional(),
  })
  .refine((entry) => entry.body === undefined || (entry.method !== 'GET' && entry.method !== 'HEAD'), { message: 'a GET or HEAD request cannot have a body', path: ['body'] })
  .refine((entry) => new Set(Object.keys(entry.headers ?? {}).map((name) => name.toLowerCase())).size === Object.keys(entry.headers ?? {}).length, {
    message: 'names a header twice (header names ignore case)',
    path: ['headers'],
  })
  .transform((entry) => ({ path: entry.path, request: toUrlRequest(entry) }));

const Entry = z.union([UrlEntry.transform((path) => ({ path, request: null })), RequestEntry], {
  error: 'must be a path, an http(s) URL, or a request {"method", "path", "body", "headers"}',
});

const FixtureFile = z.union([
  z.array(Entry).min(1),
  z.strictObject({
    name: z.string().min(1).optional(),
    description: z.string().optional(),
    urls: z.array(Entry).min(1),
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
  /** Each entry's method, body and headers by index (null: a plain GET); absent when every entry is a path. */
  requests?: readonly (UrlRequest | null)[];
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
  const parsed = FixtureFile.safeParse(json);
  if (!parsed.success) {
    throw new InputError(`${source}: ${describeZodError(parsed.error)} (expected an array of URLs or requests, or {"urls": [...]})`);
  }
  const data = Array.isArray(parsed.data) ? { urls: parsed.data } : parsed.data;
  const requests = data.urls.map((entry) => entry.request);
  return {
    name: ('name' in data && data.name) || fallbackName,
    description: ('description' in data && data.description) || '',
    paths: data.urls.map((entry) => entry.path),
    ...(requests.some((request) => request !== null) ? { requests } : {}),
    concurrency: ('concurrency' in data && data.concurrency) || DEFAULT_CONCURRENCY,
    file,
    ...('prices' in data && data.prices ? { prices: data.prices } : {}),
  };
}

/** Plain data that JSON.stringify keeps as it is: no undefined, functions, NaN or class instances such as Date. */
function isJsonValue(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && Object.values(value).every(isJsonValue);
}

/** Method POST when a body is given, else GET; the body serialized once, sent as JSON unless the entry names its own content-type. */
function toUrlRequest(entry: { method?: string | undefined; body?: unknown; headers?: Record<string, string> | undefined }): UrlRequest {
  const headers = Object.fromEntries(Object.entries(entry.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  const hasBody = entry.body !== undefined;
  if (hasBody && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
  return {
    method: entry.method ?? (hasBody ? 'POST' : 'GET'),
    ...(hasBody ? { body: JSON.stringify(entry.body) } : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
  };
}

function toPath(url: string): string {
  if (url.startsWith('/')) return url;
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}
