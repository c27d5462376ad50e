// ocpp-rpc's index does not export the server-side client type its 'client' event carries.
export type { default as ServerClient } from 'ocpp-rpc/lib/server-client';

export type ChargerSession = { chargerId: string; accountId: string };
