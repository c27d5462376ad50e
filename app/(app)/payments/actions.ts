'use server';

import { revalidatePath } from 'next/cache';
import { fail, fieldError, ok } from '@/lib/action-result';
import { canManageAccount } from '@/domain/people/roles';
import { startCheckout } from '@/domain/payments/checkout';
import { moneyText } from '@/domain/payments/minor-units';
import { refundStatement } from '@/domain/payments/refund';
import { accountPaymentProvider } from '@/lib/payments/account-payments';
import { checkoutText } from '@/lib/payments/checkout-text';
import { appUrl } from '@/lib/config';
import { db } from '@/lib/db';
import { hiddenFieldsAs, memberAction } from '@/lib/member-action';
import { getSessionUser } from '@/lib/session';
import { refundStatementSchema, statementClaimSchema } from './schemas';

// A member pays their own due statement (an owner or co-owner may pay any): the answer is the provider's checkout
// page, which the browser opens. The statement turns paid when the provider's webhook says so, not here.
export const payStatementAction = memberAction<typeof statementClaimSchema, { checkoutUrl: string }>(
  statementClaimSchema,
  async ({ input, member }) => {
    const user = await getSessionUser();
    if (!user) return fail('forbidden');
    const provider = await accountPaymentProvider(member.accountId, 'checkout');
    const back = `${appUrl()}/payments?statement=${input.statementId}`;
    const started = await startCheckout(db(), provider, {
      accountId: member.accountId,
      statementId: input.statementId,
      payer: { userId: user.id, email: user.email, mayPayForOthers: canManageAccount(member.role) },
      description: await checkoutText(db(), { accountId: member.accountId, statementId: input.statementId, locale: user.locale }),
      returnUrls: { successUrl: `${back}&paid=1`, cancelUrl: `${back}&cancelled=1` },
    });
    if (!started.ok) return fail(started.reason);
    return ok({ checkoutUrl: started.value.url });
  },
  { permission: 'charge', onInvalid: 'notFound' },
);

// Owners and co-owners give back all or part of a statement paid online, through the provider it was paid with.
export const refundStatementAction = memberAction(
  refundStatementSchema,
  async ({ input, member, values }) => {
    const provider = await accountPaymentProvider(member.accountId, 'settle');
    const refunded = await refundStatement(db(), provider, { accountId: member.accountId, statementId: input.statementId, amount: input.amount, refundedBy: member.userId });
    if (!refunded.ok && refunded.reason === 'refundTooMuch') {
      const locale = (await getSessionUser())?.locale ?? 'en';
      return fieldError('amount', 'refundTooMuch', values, { left: moneyText(locale, refunded.left, refunded.currency) });
    }
    if (!refunded.ok) return fail(refunded.reason);
    revalidatePath('/', 'layout');
    return ok(null);
  },
  { onInvalid: hiddenFieldsAs(['accountId', 'statementId'], 'notFound') },
);
