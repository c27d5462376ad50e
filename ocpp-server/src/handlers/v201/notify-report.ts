import { recordReportPart } from '../../../../domain/data/charger-traffic/device-model';
import { parseChargerTime } from '../../ocpp/charger-time';
import { attributesOf } from './device-attributes';
import type { V201Handler } from './types';

// 2.0.1 §B07/B08: a report the charger sends after GetBaseReport, in parts numbered by seqNo, tbc on every part
// but the last. Each part is stored as it comes; the model is replaced when the series is whole.
export const notifyReport: V201Handler<'NotifyReport'> = async ({ charger, db }, request) => {
  await recordReportPart(db, charger, {
    requestId: request.requestId,
    seqNo: request.seqNo,
    isLast: request.tbc !== true,
    generatedAt: parseChargerTime(request.generatedAt),
    attributes: (request.reportData ?? []).flatMap(attributesOf),
  });
  return {};
};
