const BASE = 'http://callback.invalid';

const isOffSite = (path: string) => path.startsWith('//') || path.startsWith('/\\');

// Only same-site paths: "//evil.example" and absolute URLs would make an open redirect. Browsers
// drop tabs and line breaks from a URL, so "/\t/evil.example" is refused too. The path comes back as
// the URL parser writes it, percent-encoded: a Location header carries ASCII only, and one holding
// "/\u3000/" is a 500. Resolving dot segments can turn "/..//evil.example" into "//evil.example", so
// the written form is checked again.
export function safeCallbackPath(value: string | undefined | null): string | null {
  if (!value || !value.startsWith('/') || /\p{Cc}/u.test(value) || isOffSite(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  const path = url.pathname + url.search + url.hash;
  return url.origin === BASE && !isOffSite(path) ? path : null;
}
