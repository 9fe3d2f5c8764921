// `fanout-bench serve`: the delay server standalone, for any client, until Ctrl-C.
import { InputError } from '../util/input-error.ts';
import { DELAY_SERVER_DEFAULTS, startDelayServer } from '../server/index.ts';
import { isLoopbackHost } from '../run/safety.ts';
import { LLM_SERVE_FLAGS, LLM_SERVE_HELP, parseLlmServeFlags } from './llm-flags.ts';
import { atMost, MAX_DELAY_S, MAX_TIME_SCALE, nonNegativeInt, nonNegativeNumber, positiveInt, positiveNumber } from './flags.ts';
import { parseFlags } from './parse.ts';
import type { CommandIO } from './io.ts';

export const SERVE_HELP = `Usage: fanout-bench serve [flags]

Runs the httpbin-compatible delay server until Ctrl-C. Point any client at the
printed URL: /get, /delay/{s}, /status/{codes}, /anything, /bytes/{n}, /stream/{n},
and the faults /ratelimit, /reset, /hang, /drip, /malformed, /flaky (see README).

  --port N          port to listen on (default: ${DELAY_SERVER_DEFAULTS.port}, any free port)
  --host H          address to bind (default: ${DELAY_SERVER_DEFAULTS.host})
  --expose          allow --host to be a non-loopback address
  --time-scale F    multiply every delay (default: ${DELAY_SERVER_DEFAULTS.timeScale})
  --max-delay S     clamp longer delays to S seconds (default: ${DELAY_SERVER_DEFAULTS.maxDelayS})
  --seed N          seed for weighted /status, /bytes and /flaky (default: ${DELAY_SERVER_DEFAULTS.seed})
  --request-timeout-ms N   deadline from request to response end (default: ${DELAY_SERVER_DEFAULTS.requestTimeoutMs},
                           or the longest delay + 5 s); past it 503, or the connection is cut
  --headers-timeout-ms N   time a client gets to send its headers (default: ${DELAY_SERVER_DEFAULTS.headersTimeoutMs})
  --max-body-bytes N       larger request bodies get 413 (default: ${DELAY_SERVER_DEFAULTS.maxBodyBytes})
  --max-connections N      open connections beyond this are refused (default: ${DELAY_SERVER_DEFAULTS.maxConnections})
  --help            this text
${LLM_SERVE_HELP}`;

export async function serveCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseFlags('serve', args, {
    port: { type: 'string' },
    host: { type: 'string' },
    expose: { type: 'boolean' },
    'time-scale': { type: 'string' },
    'max-delay': { type: 'string' },
    seed: { type: 'string' },
    'request-timeout-ms': { type: 'string' },
    'headers-timeout-ms': { type: 'string' },
    'max-body-bytes': { type: 'string' },
    'max-connections': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    ...LLM_SERVE_FLAGS,
  });
  if (values.help) {
    io.stdout.write(SERVE_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new InputError(`serve: unexpected argument "${positionals[0]}" (see fanout-bench serve --help)`);
  const host = values.host ?? DELAY_SERVER_DEFAULTS.host;
  if (!isLoopbackHost(host) && !values.expose) {
    throw new InputError(`--host: ${host} is not a loopback address; add --expose to bind it anyway`);
  }
  const port = values.port === undefined ? 0 : nonNegativeInt('port', values.port);
  if (port > 65_535) throw new InputError(`--port: expected 0–65535, got ${port}`);
  const timeScale = values['time-scale'] === undefined ? 1 : atMost('time-scale', positiveNumber('time-scale', values['time-scale']), MAX_TIME_SCALE);
  const maxDelayS = values['max-delay'] === undefined ? DELAY_SERVER_DEFAULTS.maxDelayS : atMost('max-delay', nonNegativeNumber('max-delay', values['max-delay']), MAX_DELAY_S);
  if (maxDelayS * 1000 * timeScale + 5000 > 2 ** 31 - 1) {
    throw new InputError(`--max-delay × --time-scale: ${maxDelayS} s × ${timeScale} is beyond node's timer limit (about 24 days)`);
  }
  const limits = {
    ...(values['request-timeout-ms'] === undefined ? {} : { requestTimeoutMs: positiveInt('request-timeout-ms', values['request-timeout-ms']) }),
    headersTimeoutMs: values['headers-timeout-ms'] === undefined ? DELAY_SERVER_DEFAULTS.headersTimeoutMs : positiveInt('headers-timeout-ms', values['headers-timeout-ms']),
    maxBodyBytes: values['max-body-bytes'] === undefined ? DELAY_SERVER_DEFAULTS.maxBodyBytes : positiveInt('max-body-bytes', values['max-body-bytes']),
    maxConnections: values['max-connections'] === undefined ? DELAY_SERVER_DEFAULTS.maxConnections : positiveInt('max-connections', values['max-connections']),
  };
  const longestMs = maxDelayS * 1000 * timeScale;
  if (limits.requestTimeoutMs !== undefined && limits.requestTimeoutMs <= longestMs) {
    throw new InputError(`--request-timeout-ms: expected more than the longest delay (${longestMs} ms = --max-delay × 1000 × --time-scale), got ${limits.requestTimeoutMs}`);
  }
  if (limits.headersTimeoutMs > (limits.requestTimeoutMs ?? Math.max(DELAY_SERVER_DEFAULTS.requestTimeoutMs, longestMs + 5_000))) {
    throw new InputError(`--headers-timeout-ms: expected at most the request timeout, got ${limits.headersTimeoutMs}`);
  }
  const seed = values.seed === undefined ? DELAY_SERVER_DEFAULTS.seed : nonNegativeInt('seed', values.seed);
  if (seed > 2 ** 32 - 1) throw new InputError(`--seed: expected at most ${2 ** 32 - 1}, got ${seed}`);
  const llm = parseLlmServeFlags(values);
  const server = await startDelayServer({ port, host, timeScale, maxDelayS, seed, ...limits, llm }).catch((error: unknown) => {
    const code = (error as { code?: string }).code;
    throw new InputError(`serve: cannot listen on ${host}:${port} (${code ?? (error as Error).message})`);
  });
  io.stdout.write(`fanout-bench delay server listening on ${server.url}\n`);
  await new Promise<void>((resolve) => {
    if (io.signal.aborted) resolve();
    else io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await server.close();
  io.stderr.write('delay server closed\n');
  return 0;
}
