// What a command is handed: the streams it may print to and the run's abort signal.
export interface CommandIO {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  signal: AbortSignal;
}

export type Command = (args: string[], io: CommandIO) => Promise<number>;
