import { useFormatter, useNow, useTranslations } from 'next-intl';
import { UNKNOWN_STATUS, type ConnectorView } from '@/domain/data/connectors';
import { ConnectorStatusBadge } from './connector-status-badge';
import { useConnectorName } from './use-connector-name';

export function ConnectorList({ connectors }: { connectors: ConnectorView[] }) {
  const t = useTranslations('ConnectorStatus');
  const tList = useTranslations('ChargersPage');
  const format = useFormatter();
  const now = useNow();
  const connectorName = useConnectorName();
  if (connectors.length === 0) return <p className="text-sm text-slate-500">{tList('noConnectors')}</p>;
  return (
    <ul className="flex flex-col gap-2">
      {connectors.map((connector) => (
        <li key={connector.connectorId} className="flex flex-wrap items-center justify-between gap-2" data-testid={`connector-${connector.connectorId}`}>
          <span className="text-sm font-medium text-slate-700">{connectorName(connector.connectorId, connector.evse)}</span>
          <span className="flex items-center gap-2">
            {connector.status === 'Charging' && connector.powerW !== null && (
              <span className="text-sm font-semibold tabular-nums text-blue-800">
                {tList('power', { kw: format.number(connector.powerW / 1000, { maximumFractionDigits: 1 }) })}
              </span>
            )}
            <ConnectorStatusBadge status={connector.status} />
          </span>
          {connector.status === UNKNOWN_STATUS && (
            <span className="flex w-full flex-wrap items-center gap-x-2 text-xs text-slate-500" data-testid="connector-last-known">
              {connector.lastSeenAt ? t('lastSeen', { date: format.relativeTime(connector.lastSeenAt, now) }) : t('neverSeen')}
              <span className="inline-flex items-center gap-1 opacity-70">
                {t('lastReported')} <ConnectorStatusBadge status={connector.lastReportedStatus} />
              </span>
            </span>
          )}
          {connector.errorCode !== 'NoError' && (
            <span className="w-full text-xs text-red-700">
              {t('error', { code: [connector.errorCode, connector.info].filter(Boolean).join(' — ') })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
