// Real tokens made with jose for the tests: no hand-written base64 fixtures that could drift from the spec.
import { CompactEncrypt, CompactSign, SignJWT, generateKeyPair, base64url } from 'jose';

const keys = generateKeyPair('RS256');
const encKeys = generateKeyPair('RSA-OAEP-256');

export async function signedJwt(claims: Record<string, unknown>, header: Record<string, unknown> = {}): Promise<string> {
  const { privateKey } = await keys;
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'test-key', ...header }).sign(privateKey);
}

export async function signedText(text: string): Promise<string> {
  const { privateKey } = await keys;
  return new CompactSign(new TextEncoder().encode(text)).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
}

export async function encryptedJwe(claims: Record<string, unknown>): Promise<string> {
  const { publicKey } = await encKeys;
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'enc-key' })
    .encrypt(publicKey);
}

export function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (v: unknown) => base64url.encode(JSON.stringify(v));
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);
