import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { TlsPeer } from '../../domain/chargers/security-profile';

// The HTTPS server asks every charger for a certificate and verifies it against the platform CA, but lets the
// handshake finish either way (requestCert without rejectUnauthorized: profile 1 and 2 chargers have none);
// auth.ts decides per charger from what the socket learnt.
export function tlsPeerOf(request: IncomingMessage): TlsPeer {
  const socket = request.socket as Partial<TLSSocket>;
  if (!socket.encrypted || typeof socket.getPeerCertificate !== 'function') return { isTls: false, clientCertificate: null };
  const certificate = socket.getPeerCertificate();
  if (!certificate || Object.keys(certificate).length === 0) return { isTls: true, clientCertificate: null };
  const commonName = certificate.subject?.CN;
  return {
    isTls: true,
    clientCertificate: { commonName: typeof commonName === 'string' ? commonName : null, serialNumber: certificate.serialNumber ?? '', isSignedByPlatform: socket.authorized === true },
  };
}
