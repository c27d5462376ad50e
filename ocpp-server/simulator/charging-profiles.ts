import { compositeLimitAt, compositeSchedule, type CompositeContext } from '../../domain/smart-charging/composite';
import type { ChargingRateUnit, Electrical, InstalledProfile } from '../../domain/smart-charging/profile';
import { createRPCError } from '../src/ocpp/rpc';
import type {
  ClearChargingProfileRequest,
  ClearChargingProfileResponse,
  GetCompositeScheduleRequest,
  GetCompositeScheduleResponse,
  SetChargingProfileRequest,
  SetChargingProfileResponse,
} from '../src/ocpp/v16';

export type SmartChargingOptions = {
  // Implements the Smart Charging profile (the default); false: leaves it out of SupportedFeatureProfiles, answers
  // SetChargingProfile NotSupported and the other two NotImplemented.
  isSupported?: boolean;
  // Answers every SetChargingProfile Rejected, as a charger does that keeps its own limits.
  rejectsProfiles?: boolean;
  maxStackLevel?: number;
  maxProfilesInstalled?: number;
  // The units its schedules may be in (both by default); a profile in another is Rejected.
  rateUnits?: ChargingRateUnit[];
};

const RATE_UNIT_WORDS: Record<ChargingRateUnit, string> = { A: 'Current', W: 'Power' };

type ProfilesCharger = {
  readonly connectorCount: number;
  // The transaction running on a connector and when it began, for TxProfiles and Relative schedules.
  session(connectorId: number): { transactionId: number | null; startedAt: Date } | null;
  // What the charger draws with no profile in effect.
  readonly hardwareMaxW: number;
  // The phases it is wired to and their voltage.
  readonly electrical: Electrical;
};

// The Smart Charging profile as a charge point runs it (OCPP 1.6 §3.13, §5.5, §5.7, §5.16): installed profiles,
// replaced by id or by purpose and stack level on the same connector, and the composite limit they make.
export class SimulatorChargingProfiles {
  private installed: InstalledProfile[] = [];

  constructor(
    private readonly charger: ProfilesCharger,
    private readonly options: SmartChargingOptions = {},
  ) {}

  get isSupported() {
    return this.options.isSupported ?? true;
  }

  get maxStackLevel() {
    return this.options.maxStackLevel ?? 8;
  }

  get rateUnits(): ChargingRateUnit[] {
    return this.options.rateUnits ?? ['A', 'W'];
  }

  configurationKeys(): [string, string][] {
    if (!this.isSupported) return [];
    return [
      ['ChargeProfileMaxStackLevel', String(this.maxStackLevel)],
      ['ChargingScheduleAllowedChargingRateUnit', this.rateUnits.map((unit) => RATE_UNIT_WORDS[unit]).join(',')],
      ['MaxChargingProfilesInstalled', String(this.options.maxProfilesInstalled ?? 10)],
    ];
  }

  private refuseUnlessSupported() {
    if (!this.isSupported) throw createRPCError('NotImplemented', 'This charge point does not implement the Smart Charging profile');
  }

  private isRefused({ connectorId, csChargingProfiles: profile }: SetChargingProfileRequest) {
    if (this.options.rejectsProfiles || connectorId > this.charger.connectorCount) return true;
    if (profile.stackLevel > this.maxStackLevel || !this.rateUnits.includes(profile.chargingSchedule.chargingRateUnit)) return true;
    if (profile.chargingProfilePurpose === 'ChargePointMaxProfile') return connectorId !== 0;
    if (profile.chargingProfilePurpose !== 'TxProfile') return false;
    // §5.16: a TxProfile needs a transaction running on its connector.
    const session = connectorId === 0 ? null : this.charger.session(connectorId);
    return !session || (profile.transactionId !== undefined && profile.transactionId !== session.transactionId);
  }

  set(request: SetChargingProfileRequest): SetChargingProfileResponse['status'] {
    if (!this.isSupported) return 'NotSupported';
    if (this.isRefused(request)) return 'Rejected';
    const { connectorId, csChargingProfiles: profile } = request;
    const kept = this.installed.filter(
      (entry) =>
        entry.profile.chargingProfileId !== profile.chargingProfileId &&
        !(entry.connectorId === connectorId && entry.profile.stackLevel === profile.stackLevel && entry.profile.chargingProfilePurpose === profile.chargingProfilePurpose),
    );
    if (kept.length >= (this.options.maxProfilesInstalled ?? 10)) return 'Rejected';
    this.installed = [...kept, { connectorId, profile }];
    return 'Accepted';
  }

  // §5.5: with an id, that profile; otherwise every profile matching all the criteria given.
  clear(request: ClearChargingProfileRequest): ClearChargingProfileResponse['status'] {
    this.refuseUnlessSupported();
    const matches = ({ connectorId, profile }: InstalledProfile) =>
      request.id !== undefined
        ? profile.chargingProfileId === request.id
        : (request.connectorId === undefined || connectorId === request.connectorId) &&
          (request.chargingProfilePurpose === undefined || profile.chargingProfilePurpose === request.chargingProfilePurpose) &&
          (request.stackLevel === undefined || profile.stackLevel === request.stackLevel);
    const remaining = this.installed.filter((entry) => !matches(entry));
    const status = remaining.length < this.installed.length ? 'Accepted' : 'Unknown';
    this.installed = remaining;
    return status;
  }

  // A TxProfile ends with its transaction (§3.13.3).
  endTransaction(connectorId: number) {
    this.installed = this.installed.filter((entry) => !(entry.connectorId === connectorId && entry.profile.chargingProfilePurpose === 'TxProfile'));
  }

  private context(connectorId: number): CompositeContext {
    const session = connectorId === 0 ? null : this.charger.session(connectorId);
    return {
      connectorId,
      transactionId: session?.transactionId ?? null,
      sessionStartedAt: session?.startedAt ?? null,
      electrical: this.charger.electrical,
      hardwareMaxW: this.charger.hardwareMaxW,
    };
  }

  limitW(connectorId: number, at = new Date()) {
    return compositeLimitAt(this.installed, at.getTime(), this.context(connectorId));
  }

  composite({ connectorId, duration, chargingRateUnit }: GetCompositeScheduleRequest): GetCompositeScheduleResponse {
    this.refuseUnlessSupported();
    if (connectorId > this.charger.connectorCount) return { status: 'Rejected' };
    const start = new Date(Math.floor(Date.now() / 1000) * 1000);
    const schedule = compositeSchedule(this.installed, { start, durationSec: duration, unit: chargingRateUnit ?? 'W' }, this.context(connectorId));
    return { status: 'Accepted', connectorId, scheduleStart: schedule.startSchedule, chargingSchedule: schedule };
  }
}
