import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `npm run gallery` only: the walk that saves the screenshots, never part of the browser tests.
export default defineConfig({
  ...base,
  testMatch: 'gallery.capture.ts',
  workers: 1,
  reporter: 'list',
  use: { ...base.use, screenshot: 'off', trace: 'off' },
});
