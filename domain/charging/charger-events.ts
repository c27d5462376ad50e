// What the OCPP server NOTIFYs on `charger_events` after each committed change; the web app LISTENs and
// fans the events out to the browsers of that account.
export const CHARGER_EVENTS_CHANNEL = 'charger_events';

export const CHARGER_EVENT_KINDS = [
  'connected',
  'disconnected',
  'boot',
  'heartbeat',
  'status',
  'authorize',
  'transaction-started',
  'transaction-stopped',
  'meter-values',
  'data-transfer',
  'diagnostics-status',
  'firmware-status',
  'security-event',
  'session-unconfirmed',
  'provisioning',
  'connection-refused',
  'reservation',
  'local-list',
  // A RemoteStartTransaction answered, refused or timed out: "why isn't it charging?" says so.
  'remote-start',
  // A SignCertificate signed or refused (security whitepaper §4.1).
  'certificate',
  // A 2.0.1 charger's device model replaced by a complete report, or a variable set.
  'device-model',
] as const;

export type ChargerEventKind = (typeof CHARGER_EVENT_KINDS)[number];

export type ChargerEvent = { accountId: string; chargerId: string; kind: ChargerEventKind };

// The web app NOTIFYs this channel with a charger id, in the transaction that removes the charger or changes its
// password; the OCPP server closes the socket it holds for that charger, whose upgrade check no longer holds.
export const CHARGER_REVOKED_CHANNEL = 'charger_revoked';

// The web app NOTIFYs this channel with a charger id when the owner changes its meter settings; the OCPP server
// holding its socket provisions it again.
export const CHARGER_PROVISION_CHANNEL = 'charger_provision';

// The web app NOTIFYs this channel with an account id, in the transaction of a change to who may charge on its
// chargers (a card added, blocked, removed, a member removed); the OCPP server sends the change to the chargers it holds.
export const LOCAL_LIST_CHANGED_CHANNEL = 'local_list_changed';
