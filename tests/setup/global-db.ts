import type { TestProject } from 'vitest/node';
import { runMigrations } from '../../db/migrate';
import { provideTestDatabase } from '../../scripts/lib/database';

// `npm test` passes TEST_DATABASE_URL (one fresh database per run); `npx vitest` alone makes its own.
export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const database = await provideTestDatabase(() => {});
    url = database.url;
    stop = database.stop;
    await runMigrations(url);
  }
  project.provide('databaseUrl', url);
  return stop;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
