// `run --prices FILE`: a JSON price table, {"model": {"inputPerMTok": 0.15, "outputPerMTok": 0.6}, …},
// read and checked once; a bad file is one line naming the flag, the file and the field.
import { PriceTableSchema, type PriceTable } from '../../model/prices.ts';
import { InputError, describeZodError } from '../../util/input-error.ts';
import { readJsonFile } from '../../util/read-json.ts';

export async function readPriceFile(file: string): Promise<PriceTable> {
  const json = await readJsonFile(file, `--prices ${file}`);
  const parsed = PriceTableSchema.safeParse(json);
  if (!parsed.success) {
    throw new InputError(`--prices ${file}: ${describeZodError(parsed.error)} (expected {"model": {"inputPerMTok": N, "outputPerMTok": N}, …}, USD per million tokens)`);
  }
  return parsed.data;
}
