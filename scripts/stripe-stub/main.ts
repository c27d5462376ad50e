import { startStripeStub } from './server';

// `npx tsx scripts/stripe-stub/main.ts` (STRIPE_STUB_PORT, default 12111) serves a local Stripe for a laptop; start
// the platform with STRIPE_API_BASE=http://127.0.0.1:12111. Register the platform's webhook address once with
// `curl -u sk_test_anything: -d url=… http://127.0.0.1:12111/v1/webhook_endpoints`; the answer holds its signing secret.
const stub = await startStripeStub({ port: Number(process.env.STRIPE_STUB_PORT ?? 12111) });
console.log(`Stripe stub on ${stub.url}`);
const stop = () => void stub.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
