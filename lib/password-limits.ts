// Apart from lib/validation.ts because forms in the browser show them: importing that module would build its zod
// object schemas in the page, and zod probes for eval while building one, which the Content-Security-Policy reports.
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
