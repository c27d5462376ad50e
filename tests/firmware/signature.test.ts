import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkFirmwareSignature } from '@/domain/firmware/signature';
import { SIGNER_CERTIFICATE_PEM as certificatePem, signFirmware } from '../support/firmware-signer';

describe('checking a firmware signature before it is sent', () => {
  const content = Buffer.from('firmware image bytes');

  it('accepts a signature made over the file with the certificate’s key', () => {
    expect(checkFirmwareSignature({ content, certificatePem, signature: signFirmware(content) })).toBe('valid');
  });

  it('tells a certificate that does not parse, a signature that is not base64, and one of other bytes or another key', () => {
    const signature = signFirmware(content);
    expect(checkFirmwareSignature({ content, certificatePem: '-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----', signature })).toBe('certificateInvalid');
    expect(checkFirmwareSignature({ content, certificatePem, signature: 'not base64!' })).toBe('signatureNotBase64');
    expect(checkFirmwareSignature({ content: Buffer.from('other bytes'), certificatePem, signature })).toBe('signatureMismatch');
    const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
    expect(checkFirmwareSignature({ content, certificatePem, signature: sign('sha256', content, other).toString('base64') })).toBe('signatureMismatch');
  });
});
