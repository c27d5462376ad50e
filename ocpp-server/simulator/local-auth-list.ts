import { createRPCError } from '../src/ocpp/rpc';
import type { IdTagInfo, SendLocalListRequest, SendLocalListResponse } from '../src/ocpp/v16';

// How the simulated charger treats the Local Auth List Management profile (OCPP 1.6 §3.5.3): `supported` (the
// default), or `notImplemented` (it knows none of the profile's keys, leaves it out of SupportedFeatureProfiles and
// answers its calls with a NotImplemented CALLERROR, as chargers built without it do), or `listedButNotImplemented`
// (the same, but its SupportedFeatureProfiles names the profile all the same, as some firmware does).
export type LocalListOptions = { support?: 'supported' | 'notImplemented' | 'listedButNotImplemented'; maxLength?: number; sendMaxLength?: number };

export type LocalListEntry = IdTagInfo;
export type ReceivedLocalList = { listVersion: number; updateType: SendLocalListRequest['updateType']; size: number; status: SendLocalListResponse['status'] };

const DEFAULT_MAX_LENGTH = 100;
const DEFAULT_SEND_MAX_LENGTH = 50;

// The charger's own list: entries keyed by idTag in upper case (IdToken is CiString20Type, compared without case).
export class LocalAuthList {
  version = 0;
  readonly entries = new Map<string, LocalListEntry>();
  // Every SendLocalList received and the answer given, oldest first.
  readonly received: ReceivedLocalList[] = [];

  // While held (holdUpdates), a SendLocalList waits for its answer: a slow charger, to race the platform against.
  private hold: Promise<void> | null = null;

  constructor(readonly options: LocalListOptions = {}) {}

  holdUpdates(): () => void {
    let release = () => {};
    this.hold = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.hold = null;
      release();
    };
  }

  async updatesFlow() {
    await this.hold;
  }

  get isSupported() {
    return (this.options.support ?? 'supported') === 'supported';
  }

  get isListedInProfiles() {
    return this.options.support !== 'notImplemented';
  }

  get maxLength() {
    return this.options.maxLength ?? DEFAULT_MAX_LENGTH;
  }

  get sendMaxLength() {
    return this.options.sendMaxLength ?? DEFAULT_SEND_MAX_LENGTH;
  }

  // The 1.6 §9.4 configuration keys of the profile, as GetConfiguration reports them.
  configurationKeys(): [string, string][] {
    if (!this.isSupported) return [];
    return [
      ['LocalAuthListEnabled', 'true'],
      ['LocalAuthListMaxLength', String(this.maxLength)],
      ['SendLocalListMaxLength', String(this.sendMaxLength)],
    ];
  }

  reportVersion() {
    if (!this.isSupported) throw createRPCError('NotImplemented', 'GetLocalListVersion');
    return this.version;
  }

  // An update is taken whole or not at all. A differential needs a version above the one held (§7.44 UpdateStatus).
  apply(request: SendLocalListRequest): SendLocalListResponse['status'] {
    if (!this.isSupported) throw createRPCError('NotImplemented', 'SendLocalList');
    const updates = request.localAuthorizationList ?? [];
    const status = this.update(request, updates);
    this.received.push({ listVersion: request.listVersion, updateType: request.updateType, size: updates.length, status });
    return status;
  }

  private update(request: SendLocalListRequest, updates: NonNullable<SendLocalListRequest['localAuthorizationList']>): SendLocalListResponse['status'] {
    if (updates.length > this.sendMaxLength) return 'Failed';
    if (request.updateType === 'Differential' && request.listVersion <= this.version) return 'VersionMismatch';
    const next = request.updateType === 'Full' ? new Map<string, LocalListEntry>() : new Map(this.entries);
    for (const { idTag, idTagInfo } of updates) {
      if (idTagInfo) next.set(idTag.toUpperCase(), idTagInfo);
      else next.delete(idTag.toUpperCase());
    }
    if (next.size > this.maxLength) return 'Failed';
    this.entries.clear();
    for (const [idTag, info] of next) this.entries.set(idTag, info);
    this.version = request.listVersion;
    return 'Accepted';
  }

  // Offline, the charger decides from its list alone: an unknown card is refused (AllowOfflineTxForUnknownId false),
  // an Accepted one past its expiryDate is Expired (§3.5.3).
  authorize(idTag: string, now = new Date()): IdTagInfo['status'] {
    const entry = this.entries.get(idTag.toUpperCase());
    if (!entry) return 'Invalid';
    if (entry.status === 'Accepted' && entry.expiryDate && new Date(entry.expiryDate) <= now) return 'Expired';
    return entry.status;
  }
}

// A charger that cannot reach its central system (the network is down) until `reconnect`.
export async function goOffline(charger: { client: { close(options: { force: boolean }): Promise<unknown> } }) {
  await charger.client.close({ force: true });
}

export async function reconnect(charger: { client: { connect(): Promise<unknown> } }) {
  await charger.client.connect();
}
