// A bench file's shape: the user's own fan-out code (variants) and built-in strategies over one URL set.
// `export default defineBench({...})` in bench/*.bench.ts; defineBench only checks the type.
import type { StrategyName } from '../strategies/index.ts';
import type { PriceTable } from '../model/prices.ts';

/** One entry of a URL set: a path (or URL), or a request with a method, a JSON body and headers. */
export type UrlEntry =
  | string
  | {
      /** Default GET, or POST when a body is given. */
      method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
      path: string;
      /** Sent as JSON (content-type application/json unless `headers` name another). */
      body?: unknown;
      /** e.g. an `authorization` or `x-api-key` naming the simulated LLM API's rate-limit bucket. */
      headers?: Record<string, string>;
    };

/** What a variant is handed for each run. */
export interface VariantContext {
  /** Origin of the run's server, e.g. http://127.0.0.1:41234 — point an SDK's baseURL here. */
  baseUrl: string;
  /** The bench's URLs, absolute on the run's server. */
  urls: string[];
  /** Aborted when the run is interrupted or the variant runs past its timeout. */
  signal: AbortSignal;
  /** 0-based run number (warm-up runs included). */
  iteration: number;
}

/** The user's fan-out code: any HTTP client, no wrapper; every request it makes is recorded. */
export type Variant = (context: VariantContext) => Promise<unknown>;

/** The schedule a variant promises, so its exact ideal makespan can be shown as for the built-ins. */
export type IdealSchedule = 'all' | 'sequential' | { pool: number } | { batched: number };

export interface VariantSpec {
  run: Variant;
  ideal?: IdealSchedule;
}

export interface BenchDefinition {
  /** Names the bench in tables, reports and metric ids (bench/<name>/<variant>/wallMs). */
  name: string;
  description?: string;
  /** Paths on the run's server (or URLs, of which only path and query are kept), or requests such as
   *  `{ path: '/v1/chat/completions', body: {...} }` for the built-in strategies; variants get the URLs. */
  urls?: UrlEntry[];
  /** A URL-set file (JSON, as under fixtures/), relative to the bench file; instead of `urls`. */
  fixture?: string;
  variants?: Record<string, Variant | VariantSpec>;
  /** Built-in strategies measured beside the variants. */
  strategies?: StrategyName[];
  /** k for pool and batched. */
  concurrency?: number[];
  /** This bench gets a delay server of its own (the run's time scale and seed) with these settings,
   *  e.g. a tight token-per-minute limit on the simulated LLM API. */
  server?: BenchServerOptions;
  /** USD per million input and output tokens per model, e.g. { 'gpt-4o-mini': { inputPerMTok: 0.15,
   *  outputPerMTok: 0.6 } }: streamed answers' rows get a cost. `run --prices FILE` wins per model. */
  prices?: PriceTable;
}

export interface BenchServerOptions {
  /** Multiplies the run's --time-scale for this bench's server (e.g. 0.1 for a bench of slow LLM calls). */
  timeScale?: number;
  llm?: {
    /** Requests per minute per API key; 0 = unlimited. The minute follows the time scale. */
    rpm?: number;
    /** Tokens per minute per API key; 0 = unlimited. */
    tpm?: number;
    /** Latency preset for model names that name none: fast, chat or reasoning. */
    preset?: 'fast' | 'chat' | 'reasoning';
  };
}

/** A typed identity: gives a bench file's default export its type. */
export function defineBench<const T extends BenchDefinition>(definition: T): T {
  return definition;
}
