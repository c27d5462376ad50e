// Only same-site paths: "//evil.example" and absolute URLs would make an open redirect.
export function safeCallbackPath(value: string | undefined | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}
