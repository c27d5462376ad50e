// The browser's side of push: the service worker that shows the notifications, and its subscription with the push
// service, made with the platform's VAPID public key.

export type PushSupport = 'supported' | 'unsupported';

export function pushSupport(): PushSupport {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window ? 'supported' : 'unsupported';
}

export async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.register('/sw.js');
  return registration.pushManager.getSubscription();
}

function applicationServerKey(publicKey: string): Uint8Array<ArrayBuffer> {
  const base64 = publicKey.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export async function subscribe(publicKey: string): Promise<PushSubscription> {
  await navigator.serviceWorker.register('/sw.js');
  const registration = await navigator.serviceWorker.ready;
  return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: applicationServerKey(publicKey) });
}

export function subscriptionForm(subscription: PushSubscription): FormData {
  const { endpoint, keys } = subscription.toJSON();
  const form = new FormData();
  form.set('endpoint', endpoint ?? '');
  form.set('p256dh', keys?.p256dh ?? '');
  form.set('auth', keys?.auth ?? '');
  return form;
}
