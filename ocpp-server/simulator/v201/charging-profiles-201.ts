import type { ChargingProfile, ChargingProfilePurpose, Electrical } from '../../../domain/smart-charging/profile';
import type {
  ChargingProfilePurposeEnumType,
  ChargingProfileType,
  ClearChargingProfileRequest,
  ClearChargingProfileResponse,
  GetCompositeScheduleRequest,
  GetCompositeScheduleResponse,
  SetChargingProfileRequest,
  SetChargingProfileResponse,
} from '../../src/ocpp/v201';
import { SimulatorChargingProfiles, type SmartChargingOptions } from '../charging-profiles';

const PURPOSE: Record<ChargingProfilePurposeEnumType, ChargingProfilePurpose | null> = {
  ChargingStationMaxProfile: 'ChargePointMaxProfile',
  TxDefaultProfile: 'TxDefaultProfile',
  TxProfile: 'TxProfile',
  // Limits an energy management system sets: the simulator has none.
  ChargingStationExternalConstraints: null,
};

// A running transaction as the profiles see it: `alias` stands for its 2.0.1 transactionId (a string) where the
// stack keeps 1.6's integer.
type ProfileSession = { transactionId: string; alias: number; startedAt: Date };

type Charger201 = {
  readonly evses: number;
  session(evseId: number): ProfileSession | null;
  readonly hardwareMaxW: number;
  readonly electrical: Electrical;
};

// Smart charging of a 2.0.1 station (K01–K08) on the stack the 1.6 simulator runs: the same replacement rules and
// composite limit, the profiles read from their 2.0.1 shape (one schedule per profile, EVSE n is connector n).
export class SimulatorChargingProfiles201 {
  readonly stack: SimulatorChargingProfiles;

  constructor(
    private readonly charger: Charger201,
    options?: SmartChargingOptions,
  ) {
    this.stack = new SimulatorChargingProfiles(
      {
        get connectorCount() {
          return charger.evses;
        },
        session: (connectorId) => {
          const session = charger.session(connectorId);
          return session && { transactionId: session.alias, startedAt: session.startedAt };
        },
        get hardwareMaxW() {
          return charger.hardwareMaxW;
        },
        get electrical() {
          return charger.electrical;
        },
      },
      options,
    );
  }

  // A transactionId no running session has stands for none, and the stack refuses the TxProfile.
  private aliasOf(transactionId: string) {
    for (let evseId = 1; evseId <= this.charger.evses; evseId++) {
      const session = this.charger.session(evseId);
      if (session?.transactionId === transactionId) return session.alias;
    }
    return -1;
  }

  private toStack(profile: ChargingProfileType): ChargingProfile | null {
    const purpose = PURPOSE[profile.chargingProfilePurpose];
    const [schedule, ...others] = profile.chargingSchedule;
    if (!purpose || !schedule || others.length > 0) return null;
    const { startSchedule, duration, chargingRateUnit, minChargingRate } = schedule;
    const chargingSchedule = {
      chargingRateUnit,
      ...(startSchedule === undefined ? {} : { startSchedule }),
      ...(duration === undefined ? {} : { duration }),
      ...(minChargingRate === undefined ? {} : { minChargingRate }),
    };
    return {
      chargingProfileId: profile.id,
      stackLevel: profile.stackLevel,
      chargingProfilePurpose: purpose,
      chargingProfileKind: profile.chargingProfileKind,
      ...(profile.recurrencyKind ? { recurrencyKind: profile.recurrencyKind } : {}),
      ...(profile.validFrom ? { validFrom: profile.validFrom } : {}),
      ...(profile.validTo ? { validTo: profile.validTo } : {}),
      ...(profile.transactionId === undefined ? {} : { transactionId: this.aliasOf(profile.transactionId) }),
      chargingSchedule: { ...chargingSchedule, chargingSchedulePeriod: schedule.chargingSchedulePeriod.map(({ startPeriod, limit, numberPhases }) => ({ startPeriod, limit, ...(numberPhases === undefined ? {} : { numberPhases }) })) },
    };
  }

  set({ evseId, chargingProfile }: SetChargingProfileRequest): SetChargingProfileResponse['status'] {
    const profile = this.toStack(chargingProfile);
    if (!profile) return 'Rejected';
    return this.stack.set({ connectorId: evseId, csChargingProfiles: profile }) === 'Accepted' ? 'Accepted' : 'Rejected';
  }

  clear({ chargingProfileId, chargingProfileCriteria: criteria }: ClearChargingProfileRequest): ClearChargingProfileResponse['status'] {
    const purpose = criteria?.chargingProfilePurpose && PURPOSE[criteria.chargingProfilePurpose];
    if (purpose === null) return 'Unknown';
    return this.stack.clear({
      ...(chargingProfileId === undefined ? {} : { id: chargingProfileId }),
      ...(criteria?.evseId === undefined ? {} : { connectorId: criteria.evseId }),
      ...(purpose ? { chargingProfilePurpose: purpose } : {}),
      ...(criteria?.stackLevel === undefined ? {} : { stackLevel: criteria.stackLevel }),
    });
  }

  composite({ evseId, duration, chargingRateUnit }: GetCompositeScheduleRequest): GetCompositeScheduleResponse {
    const answer = this.stack.composite({ connectorId: evseId, duration, ...(chargingRateUnit ? { chargingRateUnit } : {}) });
    if (answer.status !== 'Accepted' || !answer.chargingSchedule) return { status: 'Rejected' };
    const { chargingRateUnit: unit, chargingSchedulePeriod, duration: scheduled } = answer.chargingSchedule;
    return { status: 'Accepted', schedule: { evseId, duration: scheduled ?? duration, scheduleStart: answer.scheduleStart!, chargingRateUnit: unit, chargingSchedulePeriod } };
  }

  limitW(evseId: number, at = new Date()) {
    return this.stack.limitW(evseId, at);
  }

  endTransaction(evseId: number) {
    this.stack.endTransaction(evseId);
  }
}
