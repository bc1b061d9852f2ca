// A GitHub App's key pair, made for one test run: the server signs its JWT with the private key,
// and the emulator verifies it with the public one, as GitHub does with the key it keeps.
import { generateKeyPairSync } from 'node:crypto';

/** A fresh 2048-bit RSA key pair in PEM: `privateKey` as GitHub hands it out (PKCS #1). */
export function appKeyPair() {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
}
