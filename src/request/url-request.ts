// What a URL-set entry asks for beyond its path: the method, a JSON body already serialized, headers.
// Plain path entries have none of this (a GET), so the request layer's common case stays untouched.

export interface UrlRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** The serialized JSON body; `headers` then carry its content-type. */
  body?: string;
  /** Lower-case names; sent with every try, the harness's own headers added on top. */
  headers?: Record<string, string>;
}
