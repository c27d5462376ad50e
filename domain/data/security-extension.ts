import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { chargers, securityExtensionSupport } from '../../db/schema';

// Whether the charger is known to lack the security whitepaper's messages: only then does the page offer the plain
// 1.6 ones alone (nothing known yet: both are offered, and the charger's answer settles it). A charger that now speaks
// 2.0.1 has them built in, whatever it showed when it spoke 1.6.
export async function lacksSecurityExtension(db: Executor, { accountId, chargerId }: { accountId: string; chargerId: string }) {
  const [row] = await db
    .select({ isSupported: securityExtensionSupport.isSupported })
    .from(securityExtensionSupport)
    .innerJoin(chargers, eq(chargers.id, securityExtensionSupport.chargerId))
    .where(and(eq(securityExtensionSupport.chargerId, chargerId), eq(chargers.accountId, accountId), sql`${chargers.ocppVersion} is distinct from 'ocpp2.0.1'`));
  return row?.isSupported === false;
}
