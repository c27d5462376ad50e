import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { chargers, securityExtensionSupport } from '../../../db/schema';
import { UNSUPPORTED_ANSWERS } from '../../reservations/support';
import { upsertFeatureSupport, type FeatureSupport } from './feature-support';

// The whitepaper's calls; a charger's answer to any of them shows whether it implements the extension.
export const SECURITY_EXTENSION_ACTIONS: readonly string[] = ['GetLog', 'ExtendedTriggerMessage', 'SignedUpdateFirmware', 'InstallCertificate', 'GetInstalledCertificateIds', 'DeleteCertificate', 'CertificateSigned'];
// The configuration key every charger implementing the whitepaper has (security whitepaper §5.1).
export const SECURITY_PROFILE_KEY = 'SecurityProfile';

export async function recordSecurityExtensionSupport(db: Executor, support: FeatureSupport) {
  await upsertFeatureSupport(db, securityExtensionSupport, support);
}

// Any .conf says yes; a NotImplemented or NotSupported CALLERROR (the dispatcher writes `Code: message`) says no;
// a timeout or a lost connection says nothing. So does a 2.0.1 charger's answer: these are its own calls there, and
// its NotSupported says nothing of the 1.6 whitepaper.
export async function recordSupportShownByAnswer(
  db: Executor,
  { chargerId, action, status, error }: { chargerId: string; action: string; status: string; error: string | null },
) {
  if (!SECURITY_EXTENSION_ACTIONS.includes(action)) return;
  const [charger] = await db.select({ ocppVersion: chargers.ocppVersion }).from(chargers).where(eq(chargers.id, chargerId));
  if (charger?.ocppVersion === 'ocpp2.0.1') return;
  const code = error?.split(':')[0] ?? '';
  if (status === 'failed' && (UNSUPPORTED_ANSWERS as readonly string[]).includes(code)) {
    await recordSecurityExtensionSupport(db, { chargerId, isSupported: false, evidence: `${action}: ${code}` });
  } else if (status === 'accepted' || status === 'rejected') {
    await recordSecurityExtensionSupport(db, { chargerId, isSupported: true, evidence: action });
  }
}
