// The simulated LLM API's numeric options, checked without zod: at server start and in createLlmState.
/** The numeric options' checks (cheap, no zod): at start, and again inside createLlmState. */
export function checkLlmOptions(options: { rpm?: number | undefined; tpm?: number | undefined; maxOutputTokens?: number | undefined }): void {
  for (const [name, value, least] of [['llm.rpm', options.rpm, 0], ['llm.tpm', options.tpm, 0], ['llm.maxOutputTokens', options.maxOutputTokens, 1]] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < least)) {
      throw new RangeError(`${name} must be a ${least === 1 ? 'positive' : 'non-negative'} integer, got ${value}`);
    }
  }
}
