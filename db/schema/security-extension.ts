import { pgTable } from 'drizzle-orm/pg-core';
import { featureSupportColumns } from './feature-support';

// Whether a charger implements the OCPP 1.6 security whitepaper's messages (GetLog, ExtendedTriggerMessage,
// SignedUpdateFirmware): from its SecurityProfile configuration key or its answer to one of those calls.
export const securityExtensionSupport = pgTable('security_extension_support', featureSupportColumns());
