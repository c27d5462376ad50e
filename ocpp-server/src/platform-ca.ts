import { readFileSync } from 'node:fs';
import type { Database } from '../../db/client';
import { createCertificateAuthority, loadCertificateAuthority, type CertificateAuthority } from '../../domain/certificates/x509-issuer';
import { seal, secretBoxKey, unseal } from '../../domain/crypto/secret-box';
import { getStoredAuthority, storeAuthorityOnce } from '../../domain/data/charger-traffic/platform-ca';
import type { Logger } from './logger';

// Where the platform CA comes from: PEM files a deployment gives (OCPP_CA_CERT, OCPP_CA_KEY), or the database row
// made at first need, its private key sealed under a key derived from AUTH_SECRET (HKDF, purpose 'platform-ca').
export type AuthoritySource = { files: { certPath: string; keyPath: string } | null; secret: string | null };

const AUTHORITY_NAME = 'Chargewatch charger CA';
const SEAL_PURPOSE = 'platform-ca';

async function fromDatabase(db: Database, secret: string): Promise<CertificateAuthority> {
  const key = secretBoxKey(secret, SEAL_PURPOSE);
  let stored = await getStoredAuthority(db);
  if (!stored) {
    const made = await createCertificateAuthority(AUTHORITY_NAME);
    stored = await storeAuthorityOnce(db, { certificate: made.authority.certificatePem, sealedPrivateKey: seal(made.privateKeyPem, key) });
  }
  const privateKeyPem = unseal(stored.sealedPrivateKey, key);
  if (!privateKeyPem) throw new Error('the platform CA key does not open with this AUTH_SECRET (it was sealed under another)');
  return loadCertificateAuthority({ certificatePem: stored.certificate, privateKeyPem });
}

// Null (and said once) when there is neither: profile 3 chargers are then refused and CSRs answered Rejected.
export function createAuthorityProvider({ db, source, log }: { db: Database; source: AuthoritySource; log: Logger }) {
  let loading: Promise<CertificateAuthority | null> | null = null;
  async function load() {
    if (source.files) {
      return loadCertificateAuthority({ certificatePem: readFileSync(source.files.certPath, 'utf8'), privateKeyPem: readFileSync(source.files.keyPath, 'utf8') });
    }
    if (source.secret) return fromDatabase(db, source.secret);
    log.warn('no platform CA: set AUTH_SECRET (or OCPP_CA_CERT and OCPP_CA_KEY) for charger certificates and security profile 3');
    return null;
  }
  return {
    // The CA's certificate alone, which TLS verifies client certificates against: read without opening the key, so a
    // key sealed under an earlier AUTH_SECRET costs the signing of new certificates, never the server's start.
    async certificatePem(): Promise<string | null> {
      if (source.files) return readFileSync(source.files.certPath, 'utf8');
      const stored = await getStoredAuthority(db);
      return stored ? stored.certificate : ((await this.get())?.certificatePem ?? null);
    },
    get(): Promise<CertificateAuthority | null> {
      // A failed load (the database away) is tried again at the next need.
      loading ??= load().catch((error: unknown) => {
        loading = null;
        throw error;
      });
      return loading;
    },
  };
}

export type AuthorityProvider = ReturnType<typeof createAuthorityProvider>;
