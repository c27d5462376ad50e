import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/accounts/register';
import { EmailDeliveryError, sendEmail } from '@/lib/email/send';
import { startResendStub } from '../support/resend-stub';
import { testSql } from '../support/sql';
import { db } from '@/lib/db';

const sql = testSql();
afterAll(() => sql.end());

async function withResend(stub: { url: string }) {
  process.env.RESEND_API_KEY = 're_test_key';
  process.env.RESEND_BASE_URL = stub.url;
  process.env.EMAIL_FROM = 'Chargewatch <hello@chargewatch.test>';
}

afterEach(() => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  delete process.env.EMAIL_FROM;
});

describe('e-mail through Resend', () => {
  it('sends the activation e-mail through the Resend API with the key, sender and link, and keeps no outbox copy', async () => {
    const stub = await startResendStub();
    await withResend(stub);
    const address = `resend-${randomBytes(4).toString('hex')}@example.test`;

    await registerUser(db(), { name: 'Jonas', email: address, password: 'long enough password', locale: 'de' });
    await stub.close();

    expect(stub.received).toHaveLength(1);
    const [mail] = stub.received;
    expect(mail?.authorization).toBe('Bearer re_test_key');
    expect(mail?.body.from).toBe('Chargewatch <hello@chargewatch.test>');
    expect(mail?.body.to).toBe(address);
    expect(mail?.body.html).toMatch(/\/activate\?token=[\w-]{43}/);
    expect(mail?.body.text).toContain('Jonas');
    const outbox = await sql`select 1 from outbox_emails where "to" = ${address}`;
    expect(outbox).toHaveLength(0);
  });

  it('reports a refusal from Resend as a delivery error', async () => {
    const stub = await startResendStub({ failWith: { status: 422, message: 'Invalid `to` field.' } });
    await withResend(stub);
    await expect(sendEmail({ to: 'x@example.test', subject: 's', html: '<p>h</p>', text: 't' })).rejects.toBeInstanceOf(EmailDeliveryError);
    await stub.close();
  });

  it('without RESEND_API_KEY keeps the e-mail in the local outbox', async () => {
    const address = `outbox-${randomBytes(4).toString('hex')}@example.test`;
    await sendEmail({ to: address, subject: 'Hello', html: '<p>Hi</p>', text: 'Hi' });
    const [row] = await sql`select subject, text from outbox_emails where "to" = ${address}`;
    expect(row).toEqual({ subject: 'Hello', text: 'Hi' });
  });
});
