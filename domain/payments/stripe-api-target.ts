// STRIPE_API_BASE points the SDK at another Stripe API (the local stub of the tests and of a laptop); unset, the SDK
// talks to api.stripe.com.
export function stripeApiTarget(): { host?: string; port?: number; protocol?: 'http' | 'https' } {
  const base = process.env.STRIPE_API_BASE;
  if (!base) return {};
  const url = new URL(base);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: Number(url.port || (protocol === 'http' ? 80 : 443)), protocol };
}
