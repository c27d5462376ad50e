import { getFormatter, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { listFirmwareUpdates, type FirmwareUpdateView } from '@/domain/data/firmware';
import { FIRMWARE_STATUSES, type FirmwareStatus } from '@/domain/firmware/limits';
import { db } from '@/lib/db';
import { FirmwareUpdateForm } from './firmware-update-form';

type Target = { accountId: string; chargerId: string };

const isKnownStatus = (status: string): status is FirmwareStatus => (FIRMWARE_STATUSES as readonly string[]).includes(status);
const FAILED = new Set(['DownloadFailed', 'InstallationFailed', 'InvalidSignature', 'InstallVerificationFailed']);

async function UpdateHistory({ update }: { update: FirmwareUpdateView }) {
  const t = await getTranslations('ChargerFirmware');
  const format = await getFormatter();
  const when = (at: Date) => format.dateTime(at, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <li className="py-3" data-testid="firmware-update">
      <p className="text-sm font-medium break-all">
        {update.fileName ? t('fileSource', { name: update.fileName, size: format.number((update.fileSize ?? 0) / 1024, { maximumFractionDigits: 1 }) }) : update.sourceUrl}
        {update.isSigned && (
          <span className="ml-2 rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-800" data-testid="firmware-signed">
            {t('signed')}
          </span>
        )}
      </p>
      <p className="text-xs text-slate-500">{t('requested', { requestedAt: when(update.createdAt), retrieveAt: when(update.retrieveAt) })}</p>
      {update.reports.length === 0 ? (
        <p className="mt-1 text-xs text-slate-500">{t('noReports')}</p>
      ) : (
        <ol className="mt-2 flex flex-col gap-1 text-sm" data-testid="firmware-statuses">
          {update.reports.map((report, index) => (
            <li key={index} className="flex items-center gap-3">
              <span className={FAILED.has(report.status) ? 'font-medium text-red-700' : 'font-medium'} data-status={report.status}>
                {isKnownStatus(report.status) ? t(`statuses.${report.status}`) : report.status}
              </span>
              <time className="ml-auto text-xs tabular-nums text-slate-500" dateTime={report.receivedAt.toISOString()}>
                {when(report.receivedAt)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

// Firmware updates of one charger (OCPP 1.6 Firmware Management, and the security whitepaper's signed ones): the form, the installed version from the last
// BootNotification, and each update's progress as the charger reports it; the page refreshes live on each report.
type PanelProps = { target: Target; isOnline: boolean; firmwareVersion: string | null; lacksSecurityExtension: boolean };

export async function FirmwarePanel({ target, isOnline, firmwareVersion, lacksSecurityExtension }: PanelProps) {
  const t = await getTranslations('ChargerFirmware');
  const updates = await listFirmwareUpdates(db(), target);
  return (
    <Card>
      <h2 className="font-semibold">{t('title')}</h2>
      <p className="mt-1 text-sm text-slate-600">{t('body')}</p>
      <p className="mt-3 text-sm" data-testid="firmware-version">
        {t('installedVersion', { version: firmwareVersion ?? '—' })}
      </p>
      {!isOnline && <p className="mt-2 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700">{t('offline')}</p>}
      <FirmwareUpdateForm target={target} isOnline={isOnline} lacksSecurityExtension={lacksSecurityExtension} />
      <h3 className="mt-6 text-sm font-medium text-slate-700">{t('historyTitle')}</h3>
      {updates.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t('none')}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {updates.map((update) => (
            <UpdateHistory key={update.id} update={update} />
          ))}
        </ul>
      )}
    </Card>
  );
}
