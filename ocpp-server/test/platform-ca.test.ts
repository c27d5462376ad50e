import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { platformCertificateAuthority } from '../../db/schema';
import { createCertificateAuthority } from '../../domain/certificates/x509-issuer';
import { createLogger } from '../src/logger';
import { createAuthorityProvider, type AuthoritySource } from '../src/platform-ca';
import { TEST_AUTH_SECRET, testDb } from './helpers';

const { db, sql } = testDb();
afterAll(() => sql.end());
const provider = (source: AuthoritySource) => createAuthorityProvider({ db, source, log: createLogger('silent') });

describe('the platform CA', () => {
  it('is made once and stored with its key sealed: every process with the same AUTH_SECRET signs with it, another secret cannot', async () => {
    const first = await provider({ files: null, secret: TEST_AUTH_SECRET }).get();
    const second = await provider({ files: null, secret: TEST_AUTH_SECRET }).get();
    expect(second!.certificatePem).toBe(first!.certificatePem);
    const [stored] = await db.select().from(platformCertificateAuthority);
    expect(stored!.sealedPrivateKey).not.toContain('PRIVATE KEY');
    await expect(provider({ files: null, secret: 'another-secret-another-secret-another' }).get()).rejects.toThrow(/AUTH_SECRET/);
  });

  it('still gives its certificate to check chargers against when the key does not open under this AUTH_SECRET', async () => {
    const made = await provider({ files: null, secret: TEST_AUTH_SECRET }).get();
    expect(await provider({ files: null, secret: 'another-secret-another-secret-another' }).certificatePem()).toBe(made!.certificatePem);
  });

  it('comes from the PEM files a deployment gives, and is absent with neither files nor secret', async () => {
    const { authority, privateKeyPem } = await createCertificateAuthority('Deployment CA');
    const dir = mkdtempSync(path.join(tmpdir(), 'platform-ca-'));
    const files = { certPath: path.join(dir, 'ca.pem'), keyPath: path.join(dir, 'ca-key.pem') };
    writeFileSync(files.certPath, authority.certificatePem);
    writeFileSync(files.keyPath, privateKeyPem);
    expect((await provider({ files, secret: TEST_AUTH_SECRET }).get())!.certificatePem).toBe(authority.certificatePem);
    expect(await provider({ files: null, secret: null }).get()).toBeNull();
  });
});
