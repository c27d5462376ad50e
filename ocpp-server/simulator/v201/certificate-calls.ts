import type { CertificateUse } from '../../../domain/commands/actions';
import { SimulatorCertificates } from '../certificates';
import { SimulatorClientCertificate } from '../client-certificate';
import type { SimulatedCharger201 } from './simulated-charger-201';

// The certificate store keeps 1.6's names where 2.0.1 has the same root under another one.
const STORED_AS: Record<string, CertificateUse> = { CSMSRootCertificate: 'CentralSystemRootCertificate' };
const storedAs = (use: string) => STORED_AS[use] ?? use;
const USES = ['V2GRootCertificate', 'MORootCertificate', 'CSMSRootCertificate', 'ManufacturerRootCertificate'] as const;

// How the 2.0.1 station keeps root certificates (M05, M03, M04) and its own certificate (A02): the same store and
// key pair as the 1.6 simulator, answered in 2.0.1 shape.
export function answerCertificates(charger: SimulatedCharger201, certificates: SimulatorCertificates, own: SimulatorClientCertificate) {
  charger.answer('InstallCertificate', async (params) => ({ status: certificates.install(storedAs(params.certificateType), params.certificate) }));
  charger.answer('GetInstalledCertificateIds', async (params) => {
    const uses = params.certificateType?.length ? params.certificateType : USES;
    const chain = uses.flatMap((certificateType) => certificates.ids(storedAs(certificateType)).map((certificateHashData) => ({ certificateType, certificateHashData })));
    return chain.length > 0 ? { status: 'Accepted', certificateHashDataChain: chain } : { status: 'NotFound' };
  });
  charger.answer('DeleteCertificate', async (params) => ({ status: certificates.delete(params.certificateHashData) }));
  charger.answer('CertificateSigned', async (params) => ({ status: await own.accept(params.certificateChain, charger.options.identity) }));
}
