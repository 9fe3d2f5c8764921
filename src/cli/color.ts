// Whether to colour what goes to a stream: only a terminal, and never with NO_COLOR set (no-color.org).
export const wantsColor = (stream: Pick<NodeJS.WriteStream, 'isTTY'>, env: NodeJS.ProcessEnv = process.env): boolean =>
  stream.isTTY === true && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
