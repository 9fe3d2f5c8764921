// `fanout-bench serve`: the delay server standalone, for any client, until Ctrl-C.
import { InputError } from '../input-error.ts';
import { DELAY_SERVER_DEFAULTS, startDelayServer } from '../server/index.ts';
import { nonNegativeInt, nonNegativeNumber, positiveNumber } from './flags.ts';
import { parseFlags } from './parse.ts';
import type { CommandIO } from './run-command.ts';

export const SERVE_HELP = `Usage: fanout-bench serve [flags]

Runs the httpbin-compatible delay server until Ctrl-C. Point any client at the
printed URL: /get, /delay/{s}, /status/{codes}, /anything, /bytes/{n}, /stream/{n}.

  --port N          port to listen on (default: ${DELAY_SERVER_DEFAULTS.port}, any free port)
  --host H          address to bind (default: ${DELAY_SERVER_DEFAULTS.host})
  --expose          allow --host to be a non-loopback address
  --time-scale F    multiply every delay (default: ${DELAY_SERVER_DEFAULTS.timeScale})
  --max-delay S     clamp longer delays to S seconds (default: ${DELAY_SERVER_DEFAULTS.maxDelayS})
  --seed N          seed for weighted /status and /bytes (default: ${DELAY_SERVER_DEFAULTS.seed})
  --help            this text
`;

export const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);

export async function serveCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseFlags('serve', args, {
    port: { type: 'string' },
    host: { type: 'string' },
    expose: { type: 'boolean' },
    'time-scale': { type: 'string' },
    'max-delay': { type: 'string' },
    seed: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(SERVE_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new InputError(`serve: unexpected argument "${positionals[0]}" (see fanout-bench serve --help)`);
  const host = values.host ?? DELAY_SERVER_DEFAULTS.host;
  if (!isLoopback(host) && !values.expose) {
    throw new InputError(`--host: ${host} is not a loopback address; add --expose to bind it anyway`);
  }
  const port = values.port === undefined ? 0 : nonNegativeInt('port', values.port);
  if (port > 65_535) throw new InputError(`--port: expected 0–65535, got ${port}`);
  const server = await startDelayServer({
    port,
    host,
    timeScale: values['time-scale'] === undefined ? 1 : positiveNumber('time-scale', values['time-scale']),
    maxDelayS: values['max-delay'] === undefined ? DELAY_SERVER_DEFAULTS.maxDelayS : nonNegativeNumber('max-delay', values['max-delay']),
    seed: values.seed === undefined ? DELAY_SERVER_DEFAULTS.seed : nonNegativeInt('seed', values.seed),
  }).catch((error: unknown) => {
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
