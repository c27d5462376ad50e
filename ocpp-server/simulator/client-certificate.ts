import { webcrypto } from 'node:crypto';
import { x509 } from '../../domain/certificates/x509';
import { generateKeyPair, privateKeyToPem, SIGNING } from '../../domain/certificates/x509-issuer';
import type { RpcClient } from '../src/ocpp/rpc';
import { callV16 } from '../src/ocpp/v16';

// How the simulator takes part in security profiles 2 and 3 (whitepaper §2, §4.1): the server it trusts over wss (its
// own CA, for a test server's certificate), the wss address it moves to when its SecurityProfile is raised, and
// whether it logs in again with a certificate it was sent.
export type ClientCertificateOptions = { serverCa?: string; secureUrl?: string; reconnectsWithCertificate?: boolean };

export type TlsLogin = { ca?: string; cert?: string; key?: string };

// The simulated charger's key pair (made at its first certificate request, kept for its life), the CSR it sends in
// SignCertificate with its identity as CN, and the chain a CertificateSigned brings, if it is for that key.
export class SimulatorClientCertificate {
  private keys: CryptoKeyPair | null = null;
  private chain: string | null = null;

  constructor(private readonly options: ClientCertificateOptions = {}) {}

  get certificateChain() {
    return this.chain;
  }

  get reconnectsWithCertificate() {
    return this.options.reconnectsWithCertificate ?? false;
  }

  private async keyPair() {
    this.keys ??= await generateKeyPair();
    return this.keys;
  }

  async csr(identity: string) {
    const csr = await x509.Pkcs10CertificateRequestGenerator.create({ name: new x509.Name([{ CN: [identity] }]), keys: await this.keyPair(), signingAlgorithm: SIGNING });
    return csr.toString('pem');
  }

  async request(client: RpcClient, identity: string) {
    return (await callV16(client, 'SignCertificate', { csr: await this.csr(identity) })).status;
  }

  // Whitepaper §4.1 (A02.FR.5): a chain whose leaf is not for this charger's key, or not readable, is Rejected.
  async accept(chainPem: string, identity: string): Promise<'Accepted' | 'Rejected'> {
    if (!this.keys) return 'Rejected';
    try {
      const leaf = new x509.X509Certificate(chainPem);
      const ownKey = Buffer.from(await webcrypto.subtle.exportKey('spki', this.keys.publicKey));
      if (!ownKey.equals(Buffer.from(leaf.publicKey.rawData)) || leaf.subjectName.getField('CN')[0] !== identity) return 'Rejected';
    } catch {
      return 'Rejected';
    }
    this.chain = chainPem;
    return 'Accepted';
  }

  // What a higher profile needs before the charger may take it: a wss address it trusts, and for 3 its own certificate.
  // A 1.6 charger moves to the wss address it was given; a 2.0.1 one to the address its new network profile names.
  meetsProfile(profile: number) {
    return this.meetsProfileAt(profile, this.options.secureUrl ?? null);
  }

  meetsProfileAt(profile: number, url: string | null) {
    if (profile < 2) return true;
    if (!url?.startsWith('wss://') || !this.options.serverCa) return false;
    return profile < 3 || this.chain !== null;
  }

  get secureUrl() {
    return this.options.secureUrl ?? null;
  }

  async tlsLogin(): Promise<TlsLogin> {
    const ca = this.options.serverCa ? { ca: this.options.serverCa } : {};
    if (!this.keys || !this.chain) return ca;
    return { ...ca, cert: this.chain, key: await privateKeyToPem(this.keys.privateKey) };
  }
}
