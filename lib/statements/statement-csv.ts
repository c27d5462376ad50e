import 'server-only';
import type { Locale } from '@/db/schema';
import { priceWords } from '@/domain/statements/pdf';
import { statementFormat } from '@/domain/statements/format';
import { statementTranslator } from '@/domain/statements/messages';
import type { StatementReading } from '@/domain/statements/read-statement';
import { csvField, csvLine, csvText } from '@/lib/sessions/csv';

const BOM = '\uFEFF';
const localTime = (at: Date | null, timeZone: string) =>
  at === null ? null : new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' }).format(at);

// One line per session with what an employer checks; numbers in plain dot decimals so a spreadsheet adds them up,
// times on the account's clock, the totals last.
export function statementCsv(statement: StatementReading, locale: Locale): string {
  const t = statementTranslator(locale);
  const f = statementFormat(locale, statement.timeZone);
  const header = [t('session'), t('date'), t('charger'), t('chargerIdentity'), t('address'), t('connector'), t('cardColumn'), t('meterStart'), t('meterStop'), t('energy'), t('basis'), t('price'), t('cost'), t('currency')];
  const lines = statement.sessions.map((s) =>
    csvLine([
      csvField(String(s.transactionId)),
      csvField(localTime(s.startedAt, statement.timeZone)),
      csvText(s.chargerName),
      csvText(s.chargerIdentity),
      csvText(s.chargerAddress),
      csvField(String(s.connectorId)),
      csvText(s.cardLabel || s.idTag),
      csvField((s.meterStartWh / 1000).toFixed(3)),
      csvField(s.meterStopWh === null ? null : (s.meterStopWh / 1000).toFixed(3)),
      csvField((s.energyWh / 1000).toFixed(3)),
      csvText(priceWords(s, { t, f })),
      csvField(s.pricePerKwh),
      csvField(s.cost),
      csvField(s.currency),
    ]),
  );
  const totals = statement.totals.amounts.length > 0 ? statement.totals.amounts : [{ amount: '0.00', currency: '' }];
  const totalLines = totals.map(({ amount, currency }) =>
    csvLine([csvText(t('totals')), '', '', '', '', '', '', '', '', csvField((statement.totals.energyWh / 1000).toFixed(3)), '', '', csvField(amount), csvField(currency)]),
  );
  return BOM + csvLine(header.map(csvText)) + lines.join('') + totalLines.join('');
}
