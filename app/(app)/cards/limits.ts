// Shared by the schemas and the card forms. Kept apart from schemas.ts so the forms' client bundle
// does not load zod, whose start-up probe for eval is reported as a Content-Security-Policy violation.
export const LABEL_MAX = 60;
