import webpush from 'web-push';
import type { Executor } from '../../db/client';
import { seal, secretBoxKey, unseal } from '../crypto/secret-box';
import { getStoredVapidKeys, storeVapidKeysOnce } from '../data/web-push';
import { appUrl, emailFrom } from '../email/config';

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

const SEAL_PURPOSE = 'vapid';

// Push services want a way to reach the sender: VAPID_SUBJECT, else the public https address, else the sender address.
function vapidSubject(): string {
  if (process.env.VAPID_SUBJECT) return process.env.VAPID_SUBJECT;
  if (appUrl().startsWith('https://')) return appUrl();
  return `mailto:${/<([^>]+)>/.exec(emailFrom())?.[1] ?? emailFrom()}`;
}

// The deployment's pair (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY), else the database's, made at first need with its private
// key sealed under AUTH_SECRET. Null with neither: push is then off, and e-mail goes on.
export async function loadVapidKeys(db: Executor, { secret }: { secret: string | null }): Promise<VapidKeys | null> {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey } = process.env;
  if (publicKey && privateKey) return { publicKey, privateKey, subject: vapidSubject() };
  if (!secret) return null;
  const key = secretBoxKey(secret, SEAL_PURPOSE);
  let stored = await getStoredVapidKeys(db);
  if (!stored) {
    const made = webpush.generateVAPIDKeys();
    stored = await storeVapidKeysOnce(db, { publicKey: made.publicKey, sealedPrivateKey: seal(made.privateKey, key) });
  }
  const opened = unseal(stored.sealedPrivateKey, key);
  if (!opened) throw new Error('the VAPID private key does not open with this AUTH_SECRET (it was sealed under another)');
  return { publicKey: stored.publicKey, privateKey: opened, subject: vapidSubject() };
}

// What a browser subscribes with; needs no secret once the pair exists.
export async function vapidPublicKey(db: Executor, { secret }: { secret: string | null }): Promise<string | null> {
  if (process.env.VAPID_PUBLIC_KEY && process.env.VAPID_PRIVATE_KEY) return process.env.VAPID_PUBLIC_KEY;
  const stored = await getStoredVapidKeys(db);
  return stored?.publicKey ?? (await loadVapidKeys(db, { secret }))?.publicKey ?? null;
}
