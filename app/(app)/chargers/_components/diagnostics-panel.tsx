import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { listDiagnosticsRequests } from '@/domain/data/diagnostics';
import { db } from '@/lib/db';
import { DiagnosticsRequestForm } from './diagnostics-request-form';
import { DiagnosticsRequestItem } from './diagnostics-request-item';

type Target = { accountId: string; chargerId: string };

// GetDiagnostics and GetLog on the charger page: the request form, then each request with the charger's progress and its file.
export async function DiagnosticsPanel({ target, isOnline, lacksSecurityExtension }: { target: Target; isOnline: boolean; lacksSecurityExtension: boolean }) {
  const [t, requests] = await Promise.all([getTranslations('ChargerDiagnostics'), listDiagnosticsRequests(db(), target)]);
  return (
    <Card>
      <div data-testid="diagnostics-panel">
        <h2 className="font-semibold">{t('title')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
        {!isOnline && <p className="mt-2 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700">{t('offline')}</p>}
        <DiagnosticsRequestForm target={target} isOnline={isOnline} lacksSecurityExtension={lacksSecurityExtension} />
        <h3 className="mt-6 text-sm font-medium text-slate-700">{t('requestsTitle')}</h3>
        {requests.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">{t('none')}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 text-sm">
            {requests.map((request) => (
              <DiagnosticsRequestItem key={request.id} chargerId={target.chargerId} request={request} />
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
