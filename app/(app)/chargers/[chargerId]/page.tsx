import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getNow, getTimeZone, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ConnectorList } from '@/components/chargers/connector-list';
import { OnlineBadge } from '@/components/chargers/online-badge';
import { LiveRefresh } from '@/components/live/live-refresh';
import { WhyLink } from '@/components/why/why-link';
import { Card } from '@/components/ui/card';
import { requireManagingMembership } from '@/lib/authz';
import { MAX_CONNECTORS } from '@/domain/charging/limits';
import { listRecentMessages, listRecentSecurityEvents, listRecentSessions } from '@/domain/data/charger-activity';
import { getCharger, getProvisioning } from '@/domain/data/chargers';
import { listConnectionRefusals } from '@/domain/data/connection-refusals';
import { connectionUrl } from '@/lib/chargers/connection';
import { getLocalListState } from '@/domain/data/local-lists';
import { getPowerPanel } from '@/domain/data/power-settings';
import { getChargerCircuit } from '@/domain/data/circuit-views';
import { AdvancedSection } from '../_components/advanced-section';
import { BootInfo } from '../_components/boot-info';
import { CertificatesPanel } from '../_components/certificates-panel';
import { ChargerPasswordCard, EditChargerForm, RemoveChargerCard } from '../_components/charger-settings';
import { CommandPanel } from '../_components/command-panel';
import { ConfigurationPanel } from '../_components/configuration-panel';
import { DeviceModelPanel } from '../_components/device-model-panel';
import { listDeviceVariables } from '@/domain/data/device-model';
import { ConnectionHelp } from '../_components/connection-help';
import { DiagnosticsPanel } from '../_components/diagnostics-panel';
import { FirmwarePanel } from '../_components/firmware-panel';
import { LocalListPanel } from '../_components/local-list-panel';
import { MessageLog } from '../_components/message-log';
import { MeterReadings } from '../_components/meter-readings';
import { PowerCard } from '../_components/power-card';
import { RecentSessions } from '../_components/recent-sessions';
import { SecurityEvents } from '../_components/security-events';
import { db } from '@/lib/db';
import { lacksSecurityExtension } from '@/domain/data/security-extension';
import { getChargerCertificateState } from '@/domain/data/charger-certificates';
import { SecurityProfileCard } from '../_components/security-profile-card';
import { listCars } from '@/domain/data/cars';
import { listSessionPlans } from '@/domain/data/charging-plans';
import { evseLabelsOf } from '@/domain/data/connectors';

export default async function ChargerPage({ params }: PageProps<'/chargers/[chargerId]'>) {
  const chargerId = z.uuid().safeParse((await params).chargerId);
  if (!chargerId.success) notFound();
  const member = await requireManagingMembership();
  const scope = { accountId: member.accountId, chargerId: chargerId.data };
  const charger = await getCharger(db(), scope);
  if (!charger) notFound();
  const [t, tList, format, now, sessions, messages, securityEvents, provisioning, refusals, localList, power, timeZone, lacksExtension, certificateState, circuit] = await Promise.all([
    getTranslations('ChargerDetail'),
    getTranslations('ChargersPage'),
    getFormatter(),
    getNow(),
    listRecentSessions(db(), scope),
    listRecentMessages(db(), scope),
    listRecentSecurityEvents(db(), scope),
    getProvisioning(db(), scope),
    listConnectionRefusals(db(), scope),
    getLocalListState(db(), scope),
    getPowerPanel(db(), scope),
    getTimeZone(),
    lacksSecurityExtension(db(), scope),
    getChargerCertificateState(db(), scope),
    getChargerCircuit(db(), scope),
  ]);
  // A 2.0.1 charger has a device model where a 1.6 one has configuration keys.
  const speaks201 = charger.ocppVersion === 'ocpp2.0.1';
  // Behind a circuit no plan is taken (its share keeps the fuse), so none is offered; the power card says why.
  const openSessionIds = sessions.filter((session) => !session.stoppedAt).map((session) => session.id);
  const [readyBy, deviceModel] = await Promise.all([
    circuit
      ? null
      : Promise.all([listSessionPlans(db(), { transactionIds: openSessionIds }), listCars(db(), { userId: member.userId })]).then(([plans, cars]) => ({ plans, cars })),
    speaks201 ? listDeviceVariables(db(), scope) : [],
  ]);
  const since = charger.isOnline ? charger.connectedAt : charger.disconnectedAt;
  const target = { accountId: charger.accountId, chargerId: charger.id };
  const connectorCount = Math.min(Math.max(charger.connectorCount, charger.connectors.length), MAX_CONNECTORS);
  const connectorIds = Array.from({ length: connectorCount }, (_, index) => index + 1);
  const evses = evseLabelsOf(charger.connectors);

  return (
    <div className="flex flex-col gap-6">
      <LiveRefresh chargerId={charger.id} />
      <div>
        <Link href="/chargers" className="text-sm font-medium text-brand-700 hover:underline">
          ← {t('back')}
        </Link>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{charger.name}</h1>
          <OnlineBadge isOnline={charger.isOnline} />
        </div>
        <p className="mt-1 text-sm text-slate-500">
          <span className="font-mono">{charger.identity}</span>
          {' · '}
          {since ? tList(charger.isOnline ? 'connectedAgo' : 'disconnectedAgo', { date: format.relativeTime(since, now) }) : tList('neverConnected')}
          {charger.address && ` · ${charger.address}`}
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
          <ConnectionHelp identity={charger.identity} url={connectionUrl(charger.identity)} isOnline={charger.isOnline} refusals={refusals} />
          <Card>
            <h2 className="mb-4 font-semibold">{t('connectorsTitle')}</h2>
            <ConnectorList connectors={charger.connectors} />
            <WhyLink chargerId={charger.id} />
          </Card>
          <RecentSessions sessions={sessions} awaySince={charger.isOnline ? null : (charger.disconnectedAt ?? charger.lastSeenAt)} readyBy={readyBy} />
          <PowerCard target={target} panel={power} timeZone={power.settings?.timeZone ?? timeZone} circuit={circuit} />
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <BootInfo charger={charger} />
          <EditChargerForm charger={charger} />
        </div>
      </div>
      <AdvancedSection>
        <div className="flex min-w-0 flex-col gap-6">
          <CommandPanel target={target} isOnline={charger.isOnline} connectorIds={connectorIds} evses={evses} lacksSecurityExtension={lacksExtension} />
          {speaks201 ? <DeviceModelPanel target={target} isOnline={charger.isOnline} variables={deviceModel} /> : <ConfigurationPanel target={target} isOnline={charger.isOnline} />}
          <FirmwarePanel target={target} isOnline={charger.isOnline} firmwareVersion={charger.firmwareVersion} lacksSecurityExtension={lacksExtension} />
          <DiagnosticsPanel target={target} isOnline={charger.isOnline} lacksSecurityExtension={lacksExtension} />
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          {provisioning && <MeterReadings target={target} provisioning={provisioning} />}
          {localList && <LocalListPanel state={localList} />}
          <SecurityEvents events={securityEvents} />
          <ChargerPasswordCard charger={charger} />
          {certificateState && <SecurityProfileCard target={target} state={certificateState} isOnline={charger.isOnline} lacksSecurityExtension={lacksExtension} />}
          <CertificatesPanel target={target} isOnline={charger.isOnline} lacksSecurityExtension={lacksExtension} />
          <RemoveChargerCard charger={charger} />
        </div>
        <div className="min-w-0 lg:col-span-2">
          <MessageLog messages={messages} />
        </div>
      </AdvancedSection>
    </div>
  );
}
