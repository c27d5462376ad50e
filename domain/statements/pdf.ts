import PDFDocument from 'pdfkit';
import type { Locale } from '../../db/schema';
import type { StatementSession } from '../data/statement-sessions';
import { assertStatementFonts, STATEMENT_FONTS } from './fonts';
import { statementFormat, type StatementFormat } from './format';
import { statementTranslator, type StatementTranslator } from './messages';
import { dayBefore } from './period';
import type { StatementReading } from './read-statement';

export type IssuedFacts = { amount: string; currency: string | null; transferReference: string; status: string };

type Page = { doc: PDFKit.PDFDocument; t: StatementTranslator; f: StatementFormat; width: number; left: number };

const GREY = '#475569';

export function priceWords(session: StatementSession, { t, f }: Pick<Page, 't' | 'f'>): string {
  const bases = session.bases.map((basis) => t('basisName', { basis })).join(', ');
  if (session.bases.length === 0) return t('noPrice');
  const price = session.pricePerKwh && session.currency ? f.pricePerKwh(session.pricePerKwh, session.currency) : t('severalPrices');
  return `${bases} · ${price}${session.hasUnpricedEnergy ? ` · ${t('noPrice')}` : ''}`;
}

function header(page: Page, statement: StatementReading, issued: IssuedFacts | null) {
  const { doc, t, f } = page;
  const who = statement.holder.userId ? t('holder', { name: statement.holder.name }) : t('card', { name: statement.holder.name });
  doc.font('bold').fontSize(18).fillColor('black').text(t('title'));
  doc.font('regular').fontSize(11).text(who).text(t('account', { name: statement.accountName }));
  doc.text(t('period', { from: f.date(statement.period.from), to: f.date(dayBefore(statement.period.to)) }));
  doc.fontSize(9).fillColor(GREY).text(t('timeZone', { zone: statement.timeZone })).text(t('splitRule'));
  if (issued) {
    const amount = issued.currency ? f.money(issued.amount, issued.currency) : issued.amount;
    doc.moveDown(0.5).font('bold').fontSize(11).fillColor('black').text(t('amountDue', { amount }));
    doc.font('regular').text(t('transferReference', { reference: issued.transferReference })).text(t('status', { status: issued.status }));
  }
  doc.moveDown();
}

function sessionBlock(page: Page, session: StatementSession) {
  const { doc, t, f, width, left } = page;
  if (doc.y > doc.page.height - doc.page.margins.bottom - 48) doc.addPage();
  const top = doc.y;
  const cost = session.cost && session.currency ? f.money(session.cost, session.currency) : '—';
  const when = `${f.dateTime(session.startedAt)}${session.stoppedAt ? ` – ${f.time(session.stoppedAt)}` : ''}`;
  doc.font('bold').fontSize(10).fillColor('black').text(`${when}   ${session.chargerName} (${session.chargerIdentity})`, left, top, { width: width - 90 });
  doc.text(cost, left + width - 90, top, { width: 90, align: 'right' });
  const lines = [
    [session.chargerAddress, t('connectorNumber', { number: session.connectorId }), session.cardLabel || session.idTag].filter(Boolean).join(' · '),
    `${t('meterReadings', { start: f.meter(session.meterStartWh), stop: f.meter(session.meterStopWh) })} · ${t('energy')} ${f.energy(session.energyWh)}`,
    priceWords(session, page),
  ];
  doc.font('regular').fontSize(8.5).fillColor(GREY).text(lines.join('\n'), left, doc.y, { width });
  doc.moveDown(0.6);
}

function totals(page: Page, statement: StatementReading) {
  const { doc, t, f, left, width } = page;
  if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).strokeColor('#94a3b8').stroke().moveDown(0.5);
  const amounts = statement.totals.amounts.map(({ amount, currency }) => f.money(amount, currency)).join(' + ') || '—';
  doc.font('bold').fontSize(11).fillColor('black').text(`${t('totals')}: ${amounts}`, left, doc.y, { width });
  doc.font('regular').text(`${t('sessionCount', { count: statement.totals.sessionCount })} · ${t('energy')} ${f.energy(statement.totals.energyWh)}`);
}

function pageNumbers(page: Page) {
  const { doc, t } = page;
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    const bottom = doc.page.height - 28;
    doc.font('regular').fontSize(8).fillColor(GREY).text(t('pageNumber', { page: index + 1, pages: range.count }), page.left, bottom, { width: page.width, align: 'right', lineBreak: false });
  }
}

// The statement as a PDF in the reader's language: every session with what an employer checks (the charger's identity
// and address, the meter readings, the price basis), the totals, and what is due when it was issued.
export function renderStatementPdf(statement: StatementReading, { locale, issued = null }: { locale: Locale; issued?: IssuedFacts | null }): Promise<Buffer> {
  assertStatementFonts();
  const doc = new PDFDocument({ size: 'A4', margins: { top: 40, bottom: 40, left: 40, right: 40 }, bufferPages: true, info: { Title: statementTranslator(locale)('title') } });
  doc.registerFont('regular', STATEMENT_FONTS.regular);
  doc.registerFont('bold', STATEMENT_FONTS.bold);
  const page: Page = { doc, t: statementTranslator(locale), f: statementFormat(locale, statement.timeZone), left: 40, width: doc.page.width - 80 };
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  header(page, statement, issued);
  if (statement.sessions.length === 0) doc.font('regular').fontSize(10).fillColor('black').text(page.t('empty'));
  for (const session of statement.sessions) sessionBlock(page, session);
  totals(page, statement);
  pageNumbers(page);
  doc.end();
  return done;
}
