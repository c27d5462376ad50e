// The page shown when the root layout fails is prerendered, so under the nonce-based script policy
// its scripts never run: everything it offers must work as plain HTML.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import GlobalError from '@/app/global-error';
import { LOCALES } from '@/lib/i18n/locales';

const html = renderToStaticMarkup(createElement(GlobalError, { error: new Error('root layout failed') }));

describe('the global error page', () => {
  it('is a whole document whose ways out are plain links: reload this page, or go to the dashboard', () => {
    expect(html).toMatch(/^<html lang="en">(<head><\/head>)?<body[^>]*>/);
    expect(html).not.toMatch(/<button|<form|onclick/i);
    expect(html.match(/<a href=""/g)).toHaveLength(LOCALES.length);
    expect(html.match(/<a href="\/dashboard"/g)).toHaveLength(LOCALES.length);
  });

  it('says so in every language the app speaks, each marked with its language', () => {
    for (const locale of LOCALES) expect(html).toContain(`<section lang="${locale}"`);
    expect(html).toContain('Reload the page');
    expect(html).toContain('Įkelti puslapį iš naujo');
    expect(html).not.toContain('root layout failed');
  });
});
