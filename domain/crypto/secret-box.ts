import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// Seals a short secret the server must read back (an authenticator app's key) with AES-256-GCM, under a key derived
// from a deployment secret for one purpose. A sealed value is `v1.<iv>.<tag>.<ciphertext>`, base64url.
export function secretBoxKey(deploymentSecret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', deploymentSecret, 'chargewatch', purpose, 32));
}

export function seal(plaintext: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

// Null when the value was sealed under another key (the deployment secret changed) or was altered.
export function unseal(sealed: string, key: Buffer): string | null {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || ciphertext === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
