import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRootCertificate } from './root-certificate';

const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/certificates/${name}`, import.meta.url), 'utf8');

describe('a root certificate for a charger', () => {
  it('is named by the hashes of its issuer name and key and its serial number, as openssl reads them', () => {
    const read = readRootCertificate(fixture('root.pem'));
    expect(read).toMatchObject({
      ok: true,
      value: {
        subject: 'O=Chargewatch Test, CN=Chargewatch Test Root',
        // Worked out with `openssl asn1parse` on the DER: sha-256 of the issuer Name, and of the key's BIT STRING.
        hashData: {
          hashAlgorithm: 'SHA256',
          issuerNameHash: '4a7f215fe21667f48b1e9c4faab4de0cfe4060defd1262f8eea78f65351339bc',
          issuerKeyHash: '679efad962bfe7b2aa5d4ab1385e638fa21faed538fea1aaee320cdd99d6330e',
          serialNumber: '5012ede507886dd8aac715b547ee6794bd94fec7',
        },
      },
    });
  });

  it('refuses what is not one readable, unexpired CA certificate signed by itself', () => {
    const root = fixture('root.pem');
    expect(readRootCertificate(fixture('leaf.pem'))).toEqual({ ok: false, problem: 'certificateNotRoot' });
    expect(readRootCertificate('hello')).toEqual({ ok: false, problem: 'certificateUnreadable' });
    expect(readRootCertificate(root.replace('MII', 'MIX'))).toEqual({ ok: false, problem: 'certificateUnreadable' });
    expect(readRootCertificate(`${root}\n${root}`)).toEqual({ ok: false, problem: 'certificateUnreadable' });
    expect(readRootCertificate(root, new Date('2200-01-01'))).toEqual({ ok: false, problem: 'certificateExpired' });
    expect(readRootCertificate(`${root}${' '.repeat(6000)}x`)).toEqual({ ok: false, problem: 'certificateTooLong' });
  });
});
