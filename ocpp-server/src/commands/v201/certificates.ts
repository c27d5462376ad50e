import type { CertificateUse, CommandPayloads } from '../../../../domain/commands/actions';
import type { GetInstalledCertificateIdsResponse, InstallCertificateUseEnumType } from '../../ocpp/v201';

// The platform names root certificates as 1.6's security whitepaper does; 2.0.1 calls the platform's own root the
// CSMSRootCertificate and keeps ManufacturerRootCertificate.
const USE_201: Record<CertificateUse, InstallCertificateUseEnumType> = {
  CentralSystemRootCertificate: 'CSMSRootCertificate',
  ManufacturerRootCertificate: 'ManufacturerRootCertificate',
};

export const installCertificateRequest = ({ certificateType, certificate }: CommandPayloads['InstallCertificate']) => ({
  certificateType: USE_201[certificateType],
  certificate,
});

export const installedIdsRequest = ({ certificateType }: CommandPayloads['GetInstalledCertificateIds']) => ({ certificateType: [USE_201[certificateType]] });

// M03: each certificate comes as a chain entry; the platform lists the roots by their hash data, as 1.6 answers.
export function installedIdsAs16({ status, certificateHashDataChain }: GetInstalledCertificateIdsResponse) {
  const hashData = (certificateHashDataChain ?? []).map((entry) => entry.certificateHashData);
  return status === 'Accepted' ? { status, certificateHashData: hashData } : { status };
}
