import { describe, expect, it } from 'vitest';
import { versionFromLocation } from './firmware-update';

describe('the version the simulator reads from a firmware file name', () => {
  it('takes the version number in the name, or the name without its extension', () => {
    expect(versionFromLocation('http://platform.test/api/firmware/abc/wallbox-3.2.0.bin')).toBe('3.2.0');
    expect(versionFromLocation('https://files.example/fw/cw_2.4.1-rc1.tar.gz?x=1')).toBe('2.4.1-rc1');
    expect(versionFromLocation('https://files.example/fw/nightly.bin')).toBe('nightly');
    expect(versionFromLocation('https://files.example/fw/My%20Build%201.9.img')).toBe('1.9');
  });
});
