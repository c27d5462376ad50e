import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client';
import { chargerCommands, deviceReportParts, deviceVariables } from '../../../db/schema';
import type { DeviceVariableRef } from '../../commands/actions';
import type { ChargerRef } from './chargers';
import { notifyChargerEvent } from './notify';

// One attribute of a device model variable, as a report or a set names it.
export type DeviceAttributeKey = DeviceVariableRef;

export type DeviceAttribute = DeviceAttributeKey & {
  value: string | null;
  mutability: string;
  dataType: string | null;
  unit: string | null;
  minLimit: number | null;
  maxLimit: number | null;
  valuesList: string | null;
};

export type ReportPart = { requestId: number; seqNo: number; isLast: boolean; generatedAt: Date; attributes: DeviceAttribute[] };

// A series the charger never finished (it rebooted, the last part was lost) is dropped after a day.
const STALE_PART_MS = 86_400_000;

const keyOf = (attribute: DeviceAttributeKey) =>
  [attribute.componentName, attribute.componentInstance, attribute.evseId, attribute.connectorId, attribute.variableName, attribute.variableInstance, attribute.attributeType].join('\u0000');

// A report the platform asked as ConfigurationInventory holds only the configurable variables: it updates those and
// keeps the rest. Any other (FullInventory, or one the charger sent unasked) describes the whole model.
async function isPartialReport(tx: Executor, chargerId: string, requestId: number) {
  const [asked] = await tx
    .select({ reportBase: sql<string>`${chargerCommands.payload}->>'reportBase'` })
    .from(chargerCommands)
    .where(and(eq(chargerCommands.chargerId, chargerId), eq(chargerCommands.action, 'GetBaseReport'), sql`${chargerCommands.payload}->>'requestId' = ${String(requestId)}`))
    .limit(1);
  return asked !== undefined && asked.reportBase !== 'FullInventory';
}

async function replaceModel(tx: Executor, ref: ChargerRef, { requestId, reportedAt, attributes }: { requestId: number; reportedAt: Date; attributes: DeviceAttribute[] }) {
  // The last attribute named wins when a charger repeats one across parts.
  const unique = [...new Map(attributes.map((attribute) => [keyOf(attribute), attribute])).values()];
  const rows = unique.map((attribute) => ({ ...attribute, chargerId: ref.chargerId, reportedAt }));
  const isPartial = await isPartialReport(tx, ref.chargerId, requestId);
  if (!isPartial) await tx.delete(deviceVariables).where(eq(deviceVariables.chargerId, ref.chargerId));
  for (let start = 0; start < rows.length; start += 500) {
    await tx
      .insert(deviceVariables)
      .values(rows.slice(start, start + 500))
      .onConflictDoUpdate({
        target: [deviceVariables.chargerId, deviceVariables.componentName, deviceVariables.componentInstance, deviceVariables.evseId, deviceVariables.connectorId, deviceVariables.variableName, deviceVariables.variableInstance, deviceVariables.attributeType],
        set: { value: sql`excluded.value`, mutability: sql`excluded.mutability`, dataType: sql`excluded.data_type`, unit: sql`excluded.unit`, minLimit: sql`excluded.min_limit`, maxLimit: sql`excluded.max_limit`, valuesList: sql`excluded.values_list`, reportedAt },
      });
  }
}

// Stores one NotifyReport part (a resent one changes nothing) and, once every part from 0 to the last is in, puts the
// report in place of the charger's model in one transaction, so the page never shows a model half written. A lock of
// the charger's reports (not its row, which heartbeats update) is held while parts are counted: two last parts
// arriving together complete the report once.
export async function recordReportPart(db: Database, ref: ChargerRef, part: ReportPart): Promise<'stored' | 'completed'> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`device-report:${ref.chargerId}`}))`);
    await tx.delete(deviceReportParts).where(and(eq(deviceReportParts.chargerId, ref.chargerId), lt(deviceReportParts.receivedAt, new Date(Date.now() - STALE_PART_MS))));
    await tx
      .insert(deviceReportParts)
      .values({ chargerId: ref.chargerId, requestId: part.requestId, seqNo: part.seqNo, isLast: part.isLast, generatedAt: part.generatedAt, reportData: part.attributes })
      .onConflictDoNothing();
    const series = and(eq(deviceReportParts.chargerId, ref.chargerId), eq(deviceReportParts.requestId, part.requestId));
    // The parts' numbers first; their contents are read only once the series is whole.
    const received = await tx.select({ seqNo: deviceReportParts.seqNo, isLast: deviceReportParts.isLast, generatedAt: deviceReportParts.generatedAt }).from(deviceReportParts).where(series).orderBy(deviceReportParts.seqNo);
    const last = received.find((candidate) => candidate.isLast);
    if (!last || received.length !== last.seqNo + 1 || received.some((candidate, index) => candidate.seqNo !== index)) return 'stored';
    const parts = await tx.select({ reportData: deviceReportParts.reportData }).from(deviceReportParts).where(series).orderBy(deviceReportParts.seqNo);
    const attributes = parts.flatMap((candidate) => candidate.reportData as DeviceAttribute[]);
    await replaceModel(tx, ref, { requestId: part.requestId, reportedAt: last.generatedAt, attributes });
    await tx.delete(deviceReportParts).where(series);
    await notifyChargerEvent(tx, { ...ref, kind: 'device-model' });
    return 'completed';
  });
}

const matches = (key: DeviceAttributeKey) =>
  and(
    eq(deviceVariables.componentName, key.componentName),
    eq(deviceVariables.componentInstance, key.componentInstance),
    eq(deviceVariables.evseId, key.evseId),
    eq(deviceVariables.connectorId, key.connectorId),
    eq(deviceVariables.variableName, key.variableName),
    eq(deviceVariables.variableInstance, key.variableInstance),
    eq(deviceVariables.attributeType, key.attributeType),
  );

export type SetResult = DeviceAttributeKey & { status: string; value: string };

// The charger's answer to a SetVariables, beside each attribute it names; an Accepted value is the value now.
export async function recordSetResults(db: Database, ref: ChargerRef, results: SetResult[]) {
  if (results.length === 0) return;
  await db.transaction(async (tx) => {
    const setAt = new Date();
    for (const result of results) {
      const value = result.status === 'Accepted' ? { value: result.value } : {};
      await tx
        .update(deviceVariables)
        .set({ lastSetStatus: result.status, lastSetAt: setAt, ...value })
        .where(and(eq(deviceVariables.chargerId, ref.chargerId), matches(result)));
    }
    await notifyChargerEvent(tx, { ...ref, kind: 'device-model' });
  });
}
