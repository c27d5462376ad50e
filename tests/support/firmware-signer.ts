import { createPrivateKey, sign } from 'node:crypto';

// A self-signed P-256 certificate and its key, made once with openssl for the tests: the owner's firmware signer.
export const SIGNER_CERTIFICATE_PEM = `-----BEGIN CERTIFICATE-----
MIIBrDCCAVOgAwIBAgIUfut+/prLBMJY64gZMrF0dolcECIwCgYIKoZIzj0EAwIw
KzEpMCcGA1UEAwwgQ2hhcmdld2F0Y2ggdGVzdCBmaXJtd2FyZSBzaWduZXIwIBcN
MjYxMjAyMTUyNDQ0WhgPMjEyNjExMDgxNTI0NDRaMCsxKTAnBgNVBAMMIENoYXJn
ZXdhdGNoIHRlc3QgZmlybXdhcmUgc2lnbmVyMFkwEwYHKoZIzj0CAQYIKoZIzj0D
AQcDQgAE05VZI0aw2StYDTlEr04jGW6BsZqoLmSI/hjhNF+8rnJ3/qQqN2QjgbNc
Vo+WN+8fXDue30SbHpKE9BEQjgb9t6NTMFEwHQYDVR0OBBYEFC6DRmR+37oqbYB1
aRK0PyEW6y5MMB8GA1UdIwQYMBaAFC6DRmR+37oqbYB1aRK0PyEW6y5MMA8GA1Ud
EwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDRwAwRAIgfgrc977D82yLKvjbIcwXkZ0c
C8PhAYh1cc/6mMsnBPECIFQD2xgbEF6llT09BdyDhAc7QjvkIfwo1FpQX/Kzf3OM
-----END CERTIFICATE-----
`;

const SIGNER_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgba1kaeRkggPSv4/f
ljPaGDlo950+0KimgV2Poui7sNShRANCAATTlVkjRrDZK1gNOUSvTiMZboGxmqgu
ZIj+GOE0X7yucnf+pCo3ZCOBs1xWj5Y37x9cO57fRJsekoT0ERCOBv23
-----END PRIVATE KEY-----
`;

// What the firmware's maker publishes with the file: its signature, base64.
export function signFirmware(content: Buffer) {
  return sign('sha256', content, createPrivateKey(SIGNER_KEY_PEM)).toString('base64');
}
