import { recordReportPart } from '../../../../domain/data/charger-traffic/device-model';
import { parseChargerTime } from '../../ocpp/charger-time';
import { withoutPassword } from '../../ocpp/hidden-password';
import { attributesOf } from './device-attributes';
import type { V201Handler } from './types';

// 2.0.1 §B07/B08: a report the charger sends after GetBaseReport, in parts numbered by seqNo, tbc on every part
// but the last. Each part is stored as it comes; the model is replaced when the series is whole. A password a charger
// reports (the specification forbids it) is stored hidden, as in the message log.
export const notifyReport: V201Handler<'NotifyReport'> = async ({ charger, db }, reported) => {
  const request = withoutPassword('NotifyReport', reported) as typeof reported;
  await recordReportPart(db, charger, {
    requestId: request.requestId,
    seqNo: request.seqNo,
    isLast: request.tbc !== true,
    generatedAt: parseChargerTime(request.generatedAt),
    attributes: (request.reportData ?? []).flatMap(attributesOf),
  });
  return {};
};
