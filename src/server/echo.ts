// The httpbin request echo: what /get, /anything and /delay return about the request.
import type { IncomingMessage } from 'node:http';

export interface RequestBody {
  text: string;
  contentType: string;
}

/** httpbin.org capitalises header names and keeps string values. */
export function echoHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = titleCase(req.rawHeaders[i] ?? '');
    const value = req.rawHeaders[i + 1] ?? '';
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  return headers;
}

function titleCase(name: string): string {
  return name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join('-');
}

/** Query args as httpbin shows them: a string, or a list when a key repeats. */
export function echoArgs(url: URL): Record<string, string | string[]> {
  const args: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    args[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return args;
}

export function echoRequest(req: IncomingMessage, url: URL, origin: string) {
  return {
    args: echoArgs(url),
    headers: echoHeaders(req),
    origin,
    url: url.toString(),
  };
}

/** The body part of the echo: `data`, `json`, `form`, `files`, as httpbin fills them. */
export function echoBody(body: RequestBody) {
  let json: unknown = null;
  let form: Record<string, string | string[]> = {};
  if (body.contentType.includes('application/x-www-form-urlencoded')) {
    form = echoArgs(new URL(`http://x/?${body.text}`));
  } else if (body.text !== '') {
    try {
      json = JSON.parse(body.text);
    } catch {
      json = null;
    }
  }
  return { data: form && Object.keys(form).length > 0 ? '' : body.text, files: {}, form, json };
}
