/**
 * The one rule for a node's base URL, wherever one is taken from (an endpoint registered on chain, a blob source, a
 * node's own `--endpoint`): an http(s) URL with a host, no credentials, query or fragment, and nothing the URL parser
 * drops or rewrites silently. The raw text is checked for `?` and `#` (`new URL('http://a/#')` has an empty hash, and
 * a path appended after one would be cut off: the `#` trick), whitespace, control characters and backslashes. A
 * path is kept as the base of the node's API; paths under it are built with the URL API, never by concatenation.
 */

export function parseEndpointUrl(text: string): URL | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused here
  if (/[?#\\\s\u0000-\u001f\u007f]/.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return undefined;
  return url;
}

/** `path` (from the API's root, e.g. `/v1/models`) under an endpoint's base URL. */
export function endpointPath(base: URL, path: string): URL {
  const url = new URL(base.href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`;
  return url;
}
