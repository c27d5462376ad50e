import { signChargerCsr, type CsrOutcome } from '../../../../domain/certificates/charger-csr';
import { enqueueCommand } from '../../../../domain/commands/enqueue';
import { recordCsrOutcome } from '../../../../domain/data/charger-traffic/charger-certificates';
import { recordSecurityExtensionSupport } from '../../../../domain/data/charger-traffic/security-extension';
import type { HandlerContext } from '../types';
import type { V16Handler } from './types';

async function signedOrRefused({ authority, identity, log }: HandlerContext, csrPem: string): Promise<CsrOutcome> {
  const ca = await authority.get().catch((error: unknown) => {
    log.error({ err: error }, 'platform CA unavailable');
    return null;
  });
  if (!ca) return { isSigned: false, reason: 'noAuthority' };
  return signChargerCsr(ca, { csrPem, identity });
}

// Security whitepaper §4.1 (A02/A03): the CSR is checked before answering, so a bad one is answered Rejected; a good
// one is Accepted and its certificate goes back as CertificateSigned on the command bus, once this answer is out
// (the whitepaper orders the two), where the charger's answer to it is recorded like any command's.
export const signCertificate: V16Handler<'SignCertificate'> = async (ctx, request) => {
  const { charger, db, log } = ctx;
  const outcome = await signedOrRefused(ctx, request.csr);
  await recordCsrOutcome(db, charger, outcome);
  await recordSecurityExtensionSupport(db, { chargerId: charger.chargerId, isSupported: true, evidence: 'SignCertificate' });
  if (!outcome.isSigned) {
    log.warn({ reason: outcome.reason }, 'certificate signing request refused');
    return { status: 'Rejected' };
  }
  const certificateChain = outcome.signed.chainPem;
  setImmediate(() => {
    enqueueCommand(db, { ...charger, action: 'CertificateSigned', payload: { certificateChain } }).catch((error: unknown) =>
      log.error({ err: error }, 'CertificateSigned not queued'),
    );
  });
  return { status: 'Accepted' };
};
