import { existsSync } from 'node:fs';
import path from 'node:path';

// DejaVu Sans (shipped in node_modules by dejavu-fonts-ttf) has every letter of the five languages: ą č ę ė į š ų ū ž,
// ä ö ü ß, é è ç œ, ñ. PDF's standard fonts stop at Latin-1. Read from the install, never fetched.
const FONT_DIR = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');

export const STATEMENT_FONTS = { regular: path.join(FONT_DIR, 'DejaVuSans.ttf'), bold: path.join(FONT_DIR, 'DejaVuSans-Bold.ttf') };

export function assertStatementFonts(): void {
  for (const file of Object.values(STATEMENT_FONTS)) {
    if (!existsSync(file)) throw new Error(`statement font missing: ${file} (npm install puts it there)`);
  }
}
