import type { StatementSession } from '@/domain/data/statement-sessions';
import { statementTotals, type StatementReading } from '@/domain/statements/read-statement';

// A statement as read from the database, made in memory: for the PDF and CSV, which only lay it out.
export function sampleStatement(count: number, { holderName = 'Dovilė Žemaitytė' } = {}): StatementReading {
  const start = Date.parse('2026-03-01T06:00:00Z');
  const sessions = Array.from({ length: count }, (_, index): StatementSession => {
    const startedAt = new Date(start + index * 40 * 60_000);
    return {
      transactionId: 1000 + index,
      startedAt,
      stoppedAt: new Date(startedAt.getTime() + 30 * 60_000),
      chargerName: 'Garažas „Šiaurė“',
      chargerIdentity: 'GARAGE-01',
      chargerAddress: 'Gedimino pr. 1, Vilnius',
      connectorId: 1 + (index % 2),
      userName: holderName,
      cardLabel: 'Ąžuolo kortelė',
      idTag: 'TAG1',
      meterStartWh: 100_000 + index * 5_000,
      meterStopWh: 104_000 + index * 5_000,
      energyWh: 4_000,
      cost: index % 3 === 0 ? '0.10' : '0.20',
      currency: 'EUR',
      pricePerKwh: index % 3 === 0 ? '0.0250' : null,
      bases: index % 3 === 0 ? ['fixed'] : ['timeOfUse'],
      hasUnpricedEnergy: false,
    };
  });
  return {
    accountName: 'Namai',
    timeZone: 'Europe/Vilnius',
    holder: { userId: '00000000-0000-4000-8000-000000000001', name: holderName, email: null, locale: 'lt', reimbursementEmail: null, idTag: null },
    period: { from: '2026-03-01', to: '2026-04-01' },
    sessions,
    totals: statementTotals(sessions),
  };
}
