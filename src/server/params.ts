// Parsing of path parameters; anything malformed is a BadRequest (400), never a 500.
import { BadRequest } from './respond.ts';
import type { Random } from '../stats/random.ts';

const DECIMAL = /^\d+(\.\d+)?$|^\.\d+$/;

export function parseSeconds(raw: string): number {
  if (!DECIMAL.test(raw)) throw new BadRequest(`delay must be a non-negative number of seconds, got "${raw}"`);
  return Number(raw);
}

export function parseCount(raw: string, what: string, max: number): number {
  if (!/^\d+$/.test(raw)) throw new BadRequest(`${what} must be a non-negative integer, got "${raw}"`);
  const n = Number(raw);
  if (n > max) throw new BadRequest(`${what} must be at most ${max}, got ${n}`);
  return n;
}

export interface WeightedCode {
  code: number;
  weight: number;
}

/** `404`, or a weighted list `200:0.7,503:0.3` (weight defaults to 1). Final responses only: 200–599. */
export function parseStatusCodes(raw: string): WeightedCode[] {
  const choices = raw.split(',').map((part): WeightedCode => {
    const [codeText = '', weightText] = part.split(':');
    if (!/^\d{3}$/.test(codeText)) throw new BadRequest(`invalid status code "${codeText}"`);
    const code = Number(codeText);
    if (code < 200 || code > 599) throw new BadRequest(`status code must be in [200, 599], got ${code}`);
    const weight = weightText === undefined ? 1 : Number(weightText);
    if (!Number.isFinite(weight) || weight < 0 || (weightText !== undefined && !DECIMAL.test(weightText))) {
      throw new BadRequest(`invalid weight "${weightText}" for status ${code}`);
    }
    return { code, weight };
  });
  if (choices.reduce((sum, c) => sum + c.weight, 0) <= 0) throw new BadRequest('status weights must not all be zero');
  return choices;
}

export function pickWeighted(choices: WeightedCode[], random: Random): number {
  const total = choices.reduce((sum, c) => sum + c.weight, 0);
  let point = random() * total;
  for (const choice of choices) {
    point -= choice.weight;
    if (point < 0) return choice.code;
  }
  return choices[choices.length - 1]!.code;
}
