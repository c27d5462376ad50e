import { useFormatter, useTranslations } from 'next-intl';
import type { DiagnosticsRequestRow } from '@/domain/data/diagnostics';
import { diagnosticsProgress } from '@/domain/diagnostics/progress';

function fileSize(format: ReturnType<typeof useFormatter>, bytes: number) {
  if (bytes < 1024) return format.number(bytes, { style: 'unit', unit: 'byte', unitDisplay: 'short' });
  if (bytes < 1024 * 1024) return format.number(bytes / 1024, { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 1 });
  return format.number(bytes / (1024 * 1024), { style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 });
}

export function DiagnosticsRequestItem({ chargerId, request }: { chargerId: string; request: DiagnosticsRequestRow }) {
  const t = useTranslations('ChargerDiagnostics');
  const format = useFormatter();
  const when = (at: Date) => format.dateTime(at, { dateStyle: 'short', timeStyle: 'medium' });
  const range = request.startTime ? (request.stopTime ? 'between' : 'from') : request.stopTime ? 'until' : 'all';
  const progress = diagnosticsProgress(request);
  return (
    <li className="flex flex-col gap-1 py-3" data-testid="diagnostics-request">
      <p className="text-slate-700">
        <span className="block font-medium" data-testid="diagnostics-kind">
          {t('kind', { kind: request.logType ?? 'diagnostics' })}
        </span>
        {t('requested', { date: when(request.createdAt), hasName: request.requestedByName ? 'yes' : 'no', name: request.requestedByName ?? '' })}
        <span className="block text-xs text-slate-500">
          {t('window', { range, start: request.startTime ? when(request.startTime) : '', stop: request.stopTime ? when(request.stopTime) : '' })}
        </span>
      </p>
      <p className="font-medium" data-testid="diagnostics-progress">
        {t('progress', { ...progress, fileName: request.answeredFileName ?? '' })}
      </p>
      {request.reports.length > 0 && (
        <ol className="flex flex-wrap gap-x-3 text-xs text-slate-500">
          {request.reports.map((report, index) => (
            <li key={index}>{t('report', { status: report.status, time: format.dateTime(report.receivedAt, { timeStyle: 'medium' }) })}</li>
          ))}
        </ol>
      )}
      {request.fileName !== null && request.sizeBytes !== null && request.receivedAt !== null && (
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="diagnostics-file">
          <span className="font-mono text-xs break-all">{request.fileName}</span>
          <span className="text-xs text-slate-500">{t('file', { size: fileSize(format, request.sizeBytes), date: when(request.receivedAt) })}</span>
          <a href={`/chargers/${chargerId}/diagnostics/${request.id}`} download className="text-sm font-medium text-brand-700 hover:underline">
            {t('download')}
          </a>
        </p>
      )}
    </li>
  );
}
