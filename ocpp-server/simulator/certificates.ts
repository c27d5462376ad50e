import type { CertificateHashData, CertificateUse } from '../../domain/commands/actions';
import { sameCertificate } from '../../domain/certificates/hash-data';
import { readRootCertificate } from '../../domain/certificates/root-certificate';

// 1.6's uses, or 2.0.1's where they have no 1.6 name (V2GRootCertificate, MORootCertificate).
type Use = CertificateUse | (string & {});
type Installed = { type: Use; hashData: CertificateHashData };

// The root certificates the simulated charger trusts (1.6 security whitepaper). It refuses what is not a root
// certificate, and will not delete the last platform root while it has one: it would lose its way back.
export class SimulatorCertificates {
  private readonly installed: Installed[] = [];

  install(type: Use, pem: string): 'Accepted' | 'Rejected' {
    const read = readRootCertificate(pem);
    if (!read.ok) return 'Rejected';
    if (!this.installed.some((entry) => entry.type === type && sameCertificate(entry.hashData, read.value.hashData))) this.installed.push({ type, hashData: read.value.hashData });
    return 'Accepted';
  }

  ids(type: Use) {
    return this.installed.filter((entry) => entry.type === type).map((entry) => entry.hashData);
  }

  delete(hashData: CertificateHashData): 'Accepted' | 'Failed' | 'NotFound' {
    const index = this.installed.findIndex((entry) => sameCertificate(entry.hashData, hashData));
    if (index === -1) return 'NotFound';
    const { type } = this.installed[index]!;
    if (type === 'CentralSystemRootCertificate' && this.ids(type).length === 1) return 'Failed';
    this.installed.splice(index, 1);
    return 'Accepted';
  }
}
