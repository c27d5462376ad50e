import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { connectors, deviceVariables, evseConnectors } from '../../../db/schema';
import { MAX_CONNECTORS } from '../../charging/limits';

export type EvseConnector = { evseId: number; evseConnectorId: number };
type Mapping = EvseConnector & { connectorId: number };
type EvseRef = EvseConnector & { chargerId: string };

const numbers = () => Array.from({ length: MAX_CONNECTORS }, (_, index) => index + 1);

// The number a connector not seen before gets. EVSE n's connector 1 is connector n, as it always was here (so the
// sessions and statuses already stored keep their connector), unless another connector took n. Any other connector
// of an EVSE (a tethered cable beside a socket) gets the lowest number above its EVSE's that no connector holds,
// leaving the numbers below to the EVSEs they name; past MAX_CONNECTORS there is none.
function numberFor(ref: EvseConnector, taken: Set<number>) {
  if (ref.evseConnectorId === 1 && !taken.has(ref.evseId)) return ref.evseId;
  return numbers().find((number) => number > ref.evseId && !taken.has(number)) ?? numbers().find((number) => !taken.has(number)) ?? null;
}

// The (EVSE, connector) of each connector the charger has named, by the platform's number.
export async function listEvseConnectors(db: Executor, chargerId: string): Promise<Mapping[]> {
  return db
    .select({ connectorId: evseConnectors.connectorId, evseId: evseConnectors.evseId, evseConnectorId: evseConnectors.evseConnectorId })
    .from(evseConnectors)
    .where(eq(evseConnectors.chargerId, chargerId));
}

const isOf = (ref: EvseConnector) => (mapping: Mapping) => mapping.evseId === ref.evseId && mapping.evseConnectorId === ref.evseConnectorId;

// A number held by a connector of another EVSE, or, for a connector other than an EVSE's first, by a connector this
// charger reported before it named EVSEs (a charger that spoke 1.6 under the same identity).
async function takenNumbers(db: Executor, ref: EvseRef, mappings: Mapping[]) {
  const taken = new Set(mappings.map((mapping) => mapping.connectorId));
  if (ref.evseConnectorId === 1) return taken;
  const reported = await db.select({ connectorId: connectors.connectorId }).from(connectors).where(eq(connectors.chargerId, ref.chargerId));
  for (const { connectorId } of reported) taken.add(connectorId);
  return taken;
}

// The platform's connector for a 2.0.1 charger's (EVSE, connector), given the first time it is named and kept from
// then on (a row per connector, so a reconnect or a restart finds the same). Two messages naming a new connector at
// once both get the number the first insert stored. Null: the charger already has MAX_CONNECTORS connectors.
export async function connectorOfEvseConnector(db: Executor, ref: EvseRef): Promise<number | null> {
  for (let attempt = 0; attempt <= MAX_CONNECTORS; attempt++) {
    const mappings = await listEvseConnectors(db, ref.chargerId);
    const known = mappings.find(isOf(ref));
    if (known) return known.connectorId;
    const connectorId = numberFor(ref, await takenNumbers(db, ref, mappings));
    if (connectorId === null) return null;
    const inserted = await db
      .insert(evseConnectors)
      .values({ ...ref, connectorId })
      .onConflictDoNothing()
      .returning({ connectorId: evseConnectors.connectorId });
    if (inserted.length > 0) return connectorId;
  }
  return null;
}

// Where a command for the platform's connector goes: the (EVSE, connector) it was given for, else EVSE n's connector 1
// for connector n (a connector the charger has not named yet is numbered so when it does).
export async function evseConnectorOf(db: Executor, { chargerId, connectorId }: { chargerId: string; connectorId: number }): Promise<EvseConnector> {
  const [mapping] = await db
    .select({ evseId: evseConnectors.evseId, evseConnectorId: evseConnectors.evseConnectorId })
    .from(evseConnectors)
    .where(and(eq(evseConnectors.chargerId, chargerId), eq(evseConnectors.connectorId, connectorId)));
  return mapping ?? { evseId: connectorId, evseConnectorId: 1 };
}

// The ConnectorType (2.0.1 Appendix 3, Connector component) the charger's device model reports for a connector
// that shares its EVSE with another; null for an EVSE's only connector, or a type not reported.
export async function reportedConnectorType(db: Executor, ref: EvseRef): Promise<string | null> {
  const siblings = await db
    .select({ connectorId: evseConnectors.connectorId })
    .from(evseConnectors)
    .where(and(eq(evseConnectors.chargerId, ref.chargerId), eq(evseConnectors.evseId, ref.evseId)));
  if (siblings.length < 2) return null;
  const [row] = await db
    .select({ value: deviceVariables.value })
    .from(deviceVariables)
    .where(
      and(
        eq(deviceVariables.chargerId, ref.chargerId),
        eq(deviceVariables.componentName, 'Connector'),
        eq(deviceVariables.evseId, ref.evseId),
        eq(deviceVariables.connectorId, ref.evseConnectorId),
        eq(deviceVariables.variableName, 'ConnectorType'),
        eq(deviceVariables.attributeType, 'Actual'),
      ),
    );
  return row?.value ?? null;
}
