// @peculiar/x509 needs a Reflect metadata polyfill before it loads (its dependency tsyringe checks at import), and
// Node's WebCrypto as its provider: import it only through this file.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export { x509 };
