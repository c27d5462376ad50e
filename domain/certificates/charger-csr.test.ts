import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signChargerCsr } from './charger-csr';
import { x509 } from './x509';
import { createCertificateAuthority, generateKeyPair, SIGNING } from './x509-issuer';

const authority = (await createCertificateAuthority('CSR test CA')).authority;

async function csr(commonName: string, keys?: CryptoKeyPair, signingAlgorithm: Algorithm | EcdsaParams = SIGNING) {
  const request = await x509.Pkcs10CertificateRequestGenerator.create({ name: new x509.Name([{ CN: [commonName] }]), keys: keys ?? (await generateKeyPair()), signingAlgorithm });
  return request.toString('pem');
}

describe('signing a charger CSR', () => {
  it('issues a client certificate for the charger’s identity, chained to the platform CA', async () => {
    const outcome = await signChargerCsr(authority, { csrPem: await csr('CP-7'), identity: 'CP-7' });
    if (!outcome.isSigned) throw new Error(`refused: ${outcome.reason}`);
    const certificate = new x509.X509Certificate(outcome.signed.certificatePem);
    expect(certificate.subjectName.getField('CN')).toEqual(['CP-7']);
    expect(await certificate.verify({ publicKey: authority.certificate.publicKey, signatureOnly: true })).toBe(true);
    expect(outcome.signed.chainPem).toContain(authority.certificatePem);
  });

  it('refuses a request whose signature was altered, one with an RSA key under 2048 bits, and garbage', async () => {
    const good = new x509.Pkcs10CertificateRequest(await csr('CP-7'));
    const raw = new Uint8Array(good.rawData);
    raw[raw.length - 2] = raw[raw.length - 2]! ^ 0xff;
    const altered = x509.PemConverter.encode(raw.buffer, 'CERTIFICATE REQUEST');
    expect(await signChargerCsr(authority, { csrPem: altered, identity: 'CP-7' })).toEqual({ isSigned: false, reason: 'badSignature' });

    const rsa = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 1024 };
    const weakKeys = (await webcrypto.subtle.generateKey(rsa, true, ['sign', 'verify'])) as CryptoKeyPair;
    expect(await signChargerCsr(authority, { csrPem: await csr('CP-7', weakKeys, rsa), identity: 'CP-7' })).toEqual({ isSigned: false, reason: 'weakKey' });

    expect(await signChargerCsr(authority, { csrPem: 'hello', identity: 'CP-7' })).toEqual({ isSigned: false, reason: 'unreadable' });
  });
});
