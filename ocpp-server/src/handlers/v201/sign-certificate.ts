import { answerCsr } from '../v16/sign-certificate';
import type { V201Handler } from './types';

// A02/A03: as 1.6's SignCertificate (the platform CA signs, the chain follows as CertificateSigned), the chain named
// with the use the charger asked for (ChargingStationCertificate when it names none).
export const signCertificate: V201Handler<'SignCertificate'> = async (ctx, request) => ({
  status: await answerCsr(ctx, request.csr, request.certificateType ? { certificateType: request.certificateType } : {}),
});
