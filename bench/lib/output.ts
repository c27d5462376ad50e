import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const OUTPUT_DIR = path.resolve('.bench');

// Each run overwrites the latest figures and keeps a timestamped copy beside them.
export async function writeReport(name: string, report: unknown, markdown: string) {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const json = `${JSON.stringify(report, null, 2)}\n`;
  await writeFile(path.join(OUTPUT_DIR, `${name}.json`), json);
  await writeFile(path.join(OUTPUT_DIR, `${name}-${stamp}.json`), json);
  await writeFile(path.join(OUTPUT_DIR, `${name}.md`), `${markdown}\n`);
  return path.join(OUTPUT_DIR, `${name}.md`);
}

export function markdownTable(header: string[], rows: (string | number)[][]) {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

// The end of every benchmark's command: its table on the terminal, its figures under .bench/, and an exit that does
// not wait for connections a run left open.
export async function printAndExit(name: string, report: object, markdown: string): Promise<never> {
  console.log(`\n${markdown}`);
  const written = await writeReport(name, { measuredAt: new Date().toISOString(), ...report }, markdown);
  console.log(`\nwritten to ${written} and .bench/${name}.json`);
  process.exit(0);
}
