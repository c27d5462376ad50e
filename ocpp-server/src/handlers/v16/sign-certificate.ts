import { signChargerCsr, type CsrOutcome } from '../../../../domain/certificates/charger-csr';
import { enqueueCommand } from '../../../../domain/commands/enqueue';
import { recentCsrRequests, recordCsrOutcome } from '../../../../domain/data/charger-traffic/charger-certificates';
import { recordSecurityExtensionSupport } from '../../../../domain/data/charger-traffic/security-extension';
import type { CommandPayloads } from '../../../../domain/commands/actions';
import type { HandlerContext } from '../types';
import type { V16Handler } from './types';

// A charger renews its certificate rarely and retries a refusal a few times; past this many requests in an hour it is
// refused without signing, and only the first refusal is recorded, so a looping charger fills neither the table nor
// the CA's log.
const CSR_LIMIT = { requests: 10, windowSec: 3_600 };

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
// certificateType: the use a 2.0.1 charger named (A02), sent back with the chain; 1.6 names none.
export async function answerCsr(ctx: HandlerContext, csr: string, use: Omit<CommandPayloads['CertificateSigned'], 'certificateChain'> = {}): Promise<'Accepted' | 'Rejected'> {
  const { charger, db, log } = ctx;
  const recent = await recentCsrRequests(db, charger.chargerId, CSR_LIMIT.windowSec);
  if (recent.requests >= CSR_LIMIT.requests) {
    if (recent.newestOutcome !== 'tooManyRequests') await recordCsrOutcome(db, charger, { isSigned: false, reason: 'tooManyRequests' });
    log.warn({ requests: recent.requests }, 'certificate signing request refused: too many in the last hour');
    return 'Rejected';
  }
  const outcome = await signedOrRefused(ctx, csr);
  await recordCsrOutcome(db, charger, outcome);
  await recordSecurityExtensionSupport(db, { chargerId: charger.chargerId, isSupported: true, evidence: 'SignCertificate' });
  if (!outcome.isSigned) {
    log.warn({ reason: outcome.reason }, 'certificate signing request refused');
    return 'Rejected';
  }
  const certificateChain = outcome.signed.chainPem;
  setImmediate(() => {
    enqueueCommand(db, { ...charger, action: 'CertificateSigned', payload: { certificateChain, ...use } }).catch((error: unknown) =>
      log.error({ err: error }, 'CertificateSigned not queued'),
    );
  });
  return 'Accepted';
}

export const signCertificate: V16Handler<'SignCertificate'> = async (ctx, request) => ({ status: await answerCsr(ctx, request.csr) });
