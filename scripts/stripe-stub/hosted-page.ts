import type { StubSession } from './sessions';

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${title}</title></head><body style="font-family:sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem">${body}</body></html>`;

// Setup mode: a card number (one of Stripe's test cards) and a Save button.
function setupPage(session: StubSession, refusal?: string): string {
  const form = `<form method="post"><label>Card number <input name="card" value="4242 4242 4242 4242" inputmode="numeric" autocomplete="off"></label>
${refusal ? `<p role="alert">${escape(refusal)}</p>` : ''}<p><button type="submit">Save card</button></p></form>`;
  return page('Stripe stub card setup', `<h1>Stub card setup</h1>${session.status === 'open' ? form : '<p>This checkout is closed.</p>'}<p><a href="${escape(session.cancel_url)}">Back</a></p>`);
}

// The stub's stand-in for Stripe's hosted checkout: the amount, a Pay button and a way back; or, for a session in
// setup mode, where a card is saved.
export function hostedCheckoutPage(session: StubSession, refusal?: string): string {
  if (session.mode === 'setup') return setupPage(session, refusal);
  const amount = `${(session.amount_total / 100).toFixed(2)} ${session.currency.toUpperCase()}`;
  return page(
    'Stripe stub checkout',
    `<h1>Stub checkout</h1><p>${escape(session.description)}</p><p data-testid="stub-amount">${escape(amount)}</p>
${session.status === 'open' ? `<form method="post"><button type="submit">Pay ${escape(amount)}</button></form>` : '<p>This checkout is closed.</p>'}
<p><a href="${escape(session.cancel_url)}">Back</a></p>`,
  );
}
