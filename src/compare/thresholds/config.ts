// fanout-bench.config.json: validated once here; every error names the file and the field.
import { z } from 'zod';
import { readJsonFile } from '../../util/read-json.ts';
import { InputError, describeZodError } from '../../util/input-error.ts';
import type { ThresholdRules } from './evaluate.ts';
import { parseThreshold, type ThresholdRule } from './parse.ts';

const ConfigFile = z.strictObject({
  $schema: z.string().optional(),
  /** Metric-id glob → k6-style rules, e.g. {"strategies/lesson/pool/k=2/undici/wallMs": ["p50 < 2100"]}. */
  thresholds: z.record(z.string().min(1), z.array(z.string()).min(1)),
});

export interface BenchConfig {
  thresholds: ThresholdRules;
}

export function parseConfig(json: unknown, file: string): BenchConfig {
  const parsed = ConfigFile.safeParse(json);
  if (!parsed.success) throw new InputError(`${file}: ${describeZodError(parsed.error)}`);
  const thresholds = Object.entries(parsed.data.thresholds).map(([pattern, expressions]) => ({
    pattern,
    rules: expressions.map((expression, index): ThresholdRule => {
      const result = parseThreshold(expression);
      if (!result.ok) throw new InputError(`${file}: thresholds["${pattern}"][${index}]: ${result.error}`);
      return result.rule;
    }),
  }));
  return { thresholds };
}

export async function loadConfig(file: string): Promise<BenchConfig> {
  const json = await readJsonFile(file, `config ${file}`);
  return parseConfig(json, file);
}
