import { describe, expect, it } from 'vitest';
import { pdfText } from '../../tests/statements/pdf-text';
import { sampleStatement } from '../../tests/statements/statement-sample';
import { renderStatementPdf } from './pdf';

describe('the statement PDF', () => {
  it('is a PDF a reader parses back, in Lithuanian letters, with the totals and what an employer needs', async () => {
    const statement = sampleStatement(30);
    const pdf = await renderStatementPdf(statement, { locale: 'lt', issued: { amount: '5.00', currency: 'EUR', transferReference: 'CW-2603-ABCD', status: 'due' } });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await pdfText(pdf);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Įkrovimo išrašas');
    expect(flat).toContain('Kam: Dovilė Žemaitytė');
    expect(flat).toContain('Iš viso: 5,00 €');
    expect(flat).toContain('30 seansų');
    expect(flat).toContain('Mokėjimo paskirtis: CW-2603-ABCD');
    expect(flat).toContain('Gedimino pr. 1, Vilnius');
    expect(flat).toContain('GARAGE-01');
    expect(flat).toContain('Skaitiklis 100,000 kWh → 104,000 kWh');
    expect(flat).toContain('Fiksuota kaina · 0,025 €/kWh');
  });

  it('renders a thousand sessions on many pages', async () => {
    const statement = sampleStatement(1000);
    const { text, pages } = await pdfText(await renderStatementPdf(statement, { locale: 'de' }));
    expect(pages).toBeGreaterThan(20);
    expect(text).toContain(`Seite ${pages} von ${pages}`);
    expect(text.replace(/\s+/g, ' ')).toContain('Summe: 166,60 €');
    expect(text).toContain('1.000 Ladevorgänge');
  });
});
