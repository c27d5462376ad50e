import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { chargers } from './chargers';

// An OCPP 2.0.1 charger's device model as its last complete report described it (2.0.1 Part 2 §B07/B08): one row per
// variable attribute. A missing component instance or variable instance is '' and a component of the station as a
// whole has EVSE 0 (2.0.1 numbers EVSEs from 1), so that an attribute is named by one unique key.
export const deviceVariables = pgTable(
  'device_variables',
  {
    id: uuid().primaryKey().defaultRandom(),
    chargerId: uuid()
      .notNull()
      .references(() => chargers.id, { onDelete: 'cascade' }),
    componentName: text().notNull(),
    componentInstance: text().notNull().default(''),
    evseId: integer().notNull().default(0),
    connectorId: integer().notNull().default(0),
    variableName: text().notNull(),
    variableInstance: text().notNull().default(''),
    // Actual, Target, MinSet or MaxSet (AttributeEnumType).
    attributeType: text().notNull().default('Actual'),
    value: text(),
    // ReadOnly, WriteOnly or ReadWrite (MutabilityEnumType); a WriteOnly value is never reported.
    mutability: text().notNull().default('ReadWrite'),
    // DataEnumType, and the limits the value must keep (for a string, maxLimit is its length); null: not reported.
    dataType: text(),
    unit: text(),
    minLimit: doublePrecision(),
    maxLimit: doublePrecision(),
    valuesList: text(),
    // The charger's answer to the last SetVariables of this attribute (SetVariableStatusEnumType), and when.
    lastSetStatus: text(),
    lastSetAt: timestamp({ withTimezone: true }),
    reportedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('device_variables_attribute_idx').on(
      t.chargerId,
      t.componentName,
      t.componentInstance,
      t.evseId,
      t.connectorId,
      t.variableName,
      t.variableInstance,
      t.attributeType,
    ),
  ],
);

// The parts of a NotifyReport series received so far (2.0.1 §B07.FR.03: seqNo from 0, tbc on all but the last). They
// may arrive in any order and be resent; the model is replaced only once every part up to the last is here.
export const deviceReportParts = pgTable(
  'device_report_parts',
  {
    chargerId: uuid()
      .notNull()
      .references(() => chargers.id, { onDelete: 'cascade' }),
    requestId: integer().notNull(),
    seqNo: integer().notNull(),
    isLast: boolean().notNull(),
    generatedAt: timestamp({ withTimezone: true }).notNull(),
    reportData: jsonb().$type<unknown[]>().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.chargerId, t.requestId, t.seqNo] }), index('device_report_parts_received_idx').on(t.receivedAt)],
);

export type DeviceVariable = typeof deviceVariables.$inferSelect;
export type NewDeviceVariable = typeof deviceVariables.$inferInsert;
