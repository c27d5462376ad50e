import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { APP_PAGES } from './app-pages';
import { ENGLISH, prepareWalk } from './walk';

test.use(ENGLISH);

const SCREENSHOTS = 'docs/screenshots';
const SIZES = [
  { name: 'Phone', width: 360, height: 740 },
  { name: 'Desktop', width: 1280, height: 800 },
];

// /chargers/[chargerId]/why → chargers-chargerId-why; / → home.
const fileStem = (route: string) => route.replace(/[[\]]/g, '').split('/').filter(Boolean).join('-') || 'home';

type Shot = { route: string; title: string; stem: string };

function galleryMarkdown(shots: Shot[]) {
  const sections = shots.map(({ route, title, stem }) =>
    [
      `## ${title}`,
      '',
      `\`${route}\``,
      '',
      '<table><tr>',
      ...SIZES.map(({ name, width }) => `<th>${name}, ${width} px</th>`),
      '</tr><tr>',
      ...SIZES.map(({ width }) => `<td valign="top"><img src="screenshots/${stem}-${width}.png" alt="${title} at ${width} px" width="${width === 360 ? 240 : 560}"></td>`),
      '</tr></table>',
      '',
    ].join('\n'),
  );
  return [
    '# Screenshot gallery',
    '',
    'Every page of Chargewatch, in English, on a 360 px phone and a 1280 px desktop: an owner with a simulated charger',
    'that has finished a session, a card and an open invitation. Made by `npm run gallery` (see the README).',
    '',
    ...sections,
  ].join('\n');
}

test('a screenshot of every page at phone and desktop width', async ({ browser }) => {
  // Three users, a charge and some fifty full-page screenshots: a guard against a hang, never a measure of speed.
  test.setTimeout(30 * 60_000);
  const walk = await prepareWalk(browser, { ownerName: 'Marta Lindqvist', inviteeName: 'Jonas Petrauskas', tag: 'marta' });
  try {
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    const shots: Shot[] = [];
    for (const entry of APP_PAGES) {
      const page = walk.pages[entry.as];
      const stem = fileStem(entry.route);
      for (const { width, height } of SIZES) {
        await page.setViewportSize({ width, height });
        await page.goto(entry.path(walk.ids));
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        await page.evaluate(() => document.fonts.ready);
        // A window as tall as the page rather than a full-page capture, which would paint the phone's fixed tab bar
        // in the middle of the page, where the first screen ended.
        const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
        if (pageHeight > height) await page.setViewportSize({ width, height: pageHeight });
        await page.screenshot({ path: `${SCREENSHOTS}/${stem}-${width}.png`, animations: 'disabled', caret: 'hide' });
      }
      // The page's own title ("Sessions · Chargewatch"), or its heading where it has none.
      const documentTitle = await page.title();
      const title = documentTitle.includes(' · ') ? documentTitle.slice(0, documentTitle.lastIndexOf(' · ')) : (await page.getByRole('heading', { level: 1 }).first().innerText()).trim();
      shots.push({ route: entry.route, title, stem });
    }
    writeFileSync('docs/gallery.md', galleryMarkdown(shots));
  } finally {
    walk.simulator.kill('SIGTERM');
  }
});
