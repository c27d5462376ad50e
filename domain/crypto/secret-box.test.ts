import { describe, expect, it } from 'vitest';
import { secretBoxKey, seal, unseal } from './secret-box';

describe('sealed secrets', () => {
  const key = secretBoxKey('deployment secret', 'totp-secret');

  it('open with the key they were sealed with, and differ each time', () => {
    const first = seal('JBSWY3DPEHPK3PXP', key);
    expect(unseal(first, key)).toBe('JBSWY3DPEHPK3PXP');
    expect(seal('JBSWY3DPEHPK3PXP', key)).not.toBe(first);
    expect(first).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('open to nothing under another deployment secret, another purpose, or once altered', () => {
    const sealed = seal('JBSWY3DPEHPK3PXP', key);
    expect(unseal(sealed, secretBoxKey('another secret', 'totp-secret'))).toBeNull();
    expect(unseal(sealed, secretBoxKey('deployment secret', 'another purpose'))).toBeNull();
    const altered = sealed.slice(0, -2) + (sealed.endsWith('AA') ? 'BB' : 'AA');
    expect(unseal(altered, key)).toBeNull();
    expect(unseal('not sealed at all', key)).toBeNull();
  });
});
