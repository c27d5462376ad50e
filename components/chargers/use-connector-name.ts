import { useTranslations } from 'next-intl';
import type { EvseLabel } from '@/domain/data/connectors';

// A connector as the pages name it: by its number, or, on an EVSE with another connector, by that EVSE and its
// number there.
export function useConnectorName() {
  const t = useTranslations('ConnectorStatus');
  return (connectorId: number, evse: EvseLabel | null | undefined) => (evse ? t('evseConnector', { evse: evse.evseId, connector: evse.evseConnectorId }) : t('connector', { id: connectorId }));
}

// The arguments of a message naming a connector by `{evse, select, none {…connector {connector}} other {…}}`.
export function connectorArguments(connectorId: number, evse: EvseLabel | null | undefined) {
  return evse ? { evse: String(evse.evseId), connector: evse.evseConnectorId } : { evse: 'none', connector: connectorId };
}
