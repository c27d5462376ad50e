import type { StubSession } from './sessions';

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

// The stub's stand-in for Stripe's hosted checkout: the amount, a Pay button and a way back.
export function hostedCheckoutPage(session: StubSession): string {
  const amount = `${(session.amount_total / 100).toFixed(2)} ${session.currency.toUpperCase()}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Stripe stub checkout</title></head><body style="font-family:sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem">
<h1>Stub checkout</h1><p>${escape(session.description)}</p><p data-testid="stub-amount">${escape(amount)}</p>
${session.status === 'open' ? `<form method="post"><button type="submit">Pay ${escape(amount)}</button></form>` : '<p>This checkout is closed.</p>'}
<p><a href="${escape(session.cancel_url)}">Back</a></p></body></html>`;
}
