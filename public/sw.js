// Chargewatch's service worker: shows the push notifications the platform sends (title, body, the page to open) and
// opens that page on a tap. It caches nothing.

self.addEventListener('push', (event) => {
  const message = event.data ? event.data.json() : null;
  if (!message || typeof message.title !== 'string') return;
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      icon: '/icons/icon-192.png',
      data: { path: message.path },
    }),
  );
});

// Only a path on this origin is opened: a payload never sends the user elsewhere.
function pageOf(notification) {
  const path = notification.data && notification.data.path;
  const safe = typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') ? path : '/';
  return new URL(safe, self.location.origin).href;
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = pageOf(event.notification);
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => client.url === url);
      return open ? open.focus() : self.clients.openWindow(url);
    }),
  );
});
