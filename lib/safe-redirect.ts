// Only same-site paths: "//evil.example" and absolute URLs would make an open redirect. Browsers
// drop tabs and line breaks from a URL, so "/\t/evil.example" is refused too.
export function safeCallbackPath(value: string | undefined | null): string | null {
  if (!value || !value.startsWith('/') || /\p{Cc}/u.test(value)) return null;
  if (value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}
