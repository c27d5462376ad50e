import { describe, expect, it } from 'vitest';
import { isPushServiceEndpoint } from './push-services';

describe('a push subscription’s endpoint', () => {
  it.each([
    'https://fcm.googleapis.com/fcm/send/abc',
    'https://updates.push.services.mozilla.com/wpush/v2/abc',
    'https://web.push.apple.com/QGx',
    'https://wns2-par02p.notify.windows.com/w/?token=abc',
  ])('is taken from the push service a browser uses: %s', (endpoint) => {
    expect(isPushServiceEndpoint(endpoint, '')).toBe(true);
  });

  it.each(['https://10.0.0.1/internal', 'https://localhost/x', 'https://fcm.googleapis.com.attacker.test/x', 'https://notfcm.googleapis.com.evil/x', 'not a url'])(
    'is refused anywhere else: %s',
    (endpoint) => {
      expect(isPushServiceEndpoint(endpoint, '')).toBe(false);
    },
  );

  it('is taken from a host the deployment adds', () => {
    expect(isPushServiceEndpoint('https://push.example.test/send/1', 'other.test, push.example.test')).toBe(true);
  });
});
