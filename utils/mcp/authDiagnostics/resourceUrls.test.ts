import { describe, expect, it } from 'vitest';
import { audienceMatches, authorizationServerMetadataUrls, matchResource, protectedResourceMetadataUrls } from './resourceUrls';

const endpoint = new URL('https://Host.Example:443/api/mcp');

describe('well-known URLs', () => {
  it('inserts the path after the well-known segment, then tries the root', () => {
    expect(protectedResourceMetadataUrls(new URL('https://host/mcp'))).toEqual([
      'https://host/.well-known/oauth-protected-resource/mcp',
      'https://host/.well-known/oauth-protected-resource',
    ]);
    expect(protectedResourceMetadataUrls(new URL('https://host/'))).toEqual(['https://host/.well-known/oauth-protected-resource']);
    expect(authorizationServerMetadataUrls(new URL('https://as/tenant1'))).toEqual([
      'https://as/.well-known/oauth-authorization-server/tenant1',
      'https://as/.well-known/oauth-authorization-server',
      'https://as/.well-known/openid-configuration/tenant1',
      'https://as/tenant1/.well-known/openid-configuration',
    ]);
    expect(authorizationServerMetadataUrls(new URL('https://as'))).toEqual([
      'https://as/.well-known/oauth-authorization-server',
      'https://as/.well-known/openid-configuration',
    ]);
  });
});

describe('matchResource', () => {
  it.each([
    ['https://host.example/api/mcp', 'same'],
    ['HTTPS://HOST.EXAMPLE:443/api/mcp', 'same'],
    ['https://host.example', 'origin'],
    ['https://host.example/', 'origin'],
    ['https://host.example/api', 'prefix'],
    ['https://host.example/api/', 'prefix'],
    ['https://host.example/api/mcp/', 'trailing-slash'],
    ['https://host.example/ap', 'other-path'],
    ['https://host.example/other', 'other-path'],
    ['https://host.example/api/mcp/deeper', 'other-path'],
    ['https://host.example:8443/api/mcp', 'other-origin'],
    ['http://host.example/api/mcp', 'other-origin'],
    ['https://evil.example/api/mcp', 'other-origin'],
    ['https://host.example/api/mcp#frag', 'invalid'],
    ['/api/mcp', 'invalid'],
    ['javascript:alert(1)', 'invalid'],
  ])('%s is %s', (resource, kind) => {
    expect(matchResource(resource, endpoint).kind).toBe(kind);
  });
});

describe('audienceMatches', () => {
  const accepted = ['https://host.example/api/mcp', 'https://host.example'];
  it('accepts a string or an array naming the resource, and nothing else', () => {
    expect(audienceMatches('https://HOST.example/api/mcp', accepted)).toBe(true);
    expect(audienceMatches(['urn:other', 'https://host.example/'], accepted)).toBe(true);
    expect(audienceMatches('https://host.example.evil/api/mcp', accepted)).toBe(false);
    expect(audienceMatches([], accepted)).toBe(false);
    expect(audienceMatches(42, accepted)).toBe('wrong-type');
    expect(audienceMatches(['https://host.example', 7], accepted)).toBe('wrong-type');
  });
});
