// The push services browsers subscribe through: Chrome, Edge, Opera and Samsung Internet use Firebase Cloud Messaging,
// Firefox Mozilla's autopush, Safari Apple's, older Edge Windows' WNS. The dispatcher POSTs to a subscription's
// endpoint, so a browser handing in any other address (an internal service) is refused. PUSH_SERVICE_HOSTS adds hosts,
// comma-separated (a push service of one's own, or a test's stub).
const KNOWN_HOSTS = ['fcm.googleapis.com', 'android.googleapis.com', 'updates.push.services.mozilla.com', 'push.services.mozilla.com', 'web.push.apple.com', 'notify.windows.com'];

export function isPushServiceEndpoint(endpoint: string, extraHosts = process.env.PUSH_SERVICE_HOSTS ?? '') {
  let host: string;
  try {
    host = new URL(endpoint).hostname.toLowerCase();
  } catch {
    return false;
  }
  const hosts = [...KNOWN_HOSTS, ...extraHosts.split(',').map((entry) => entry.trim().toLowerCase()).filter(Boolean)];
  return hosts.some((known) => host === known || host.endsWith(`.${known}`));
}
