import 'server-only';
import { csvField, csvLine, csvText } from './csv';
import type { ExportRow } from '@/domain/data/session-export';

export type ExportLabels = { header: string[]; deletedCard: (label: string) => string };

export function exportHeader(labels: ExportLabels) {
  return csvLine(labels.header.map(csvField));
}

export function exportLine(row: ExportRow, labels: ExportLabels) {
  const card = row.cardLabel === null ? null : row.cardLabel || row.idTag;
  return csvLine([
    csvField(row.id),
    csvText(row.chargerName),
    csvField(row.connectorId),
    csvText(row.userName),
    csvText(card !== null && row.isCardDeleted === 't' ? labels.deletedCard(card) : card),
    csvText(row.idTag),
    csvField(row.startedAt),
    csvField(row.stoppedAt),
    csvField(row.durationMinutes),
    csvField(row.energyKwh),
    csvField(row.cost),
    csvField(row.currency),
    csvField(row.pricePerKwh),
    csvText(row.stopReason),
  ]);
}

// A byte-order mark first: without it Excel reads UTF-8 as the local code page and mangles names.
const BOM = '\uFEFF';

export function csvStream(rows: AsyncGenerator<ExportRow[]>, labels: ExportLabels): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + exportHeader(labels)));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map((row) => exportLine(row, labels)).join('')));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
}
