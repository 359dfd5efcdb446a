import { describe, expect, it } from 'vitest';
import { freshZgwJwt, signZgwJwt, verifyZgwJwt } from '../../main/export/zgw/jwt';

describe('ZGW JWT', () => {
  it("reproduces Open Zaak's worked example byte for byte (docs/client-development/authentication.rst)", () => {
    // open-zaak/open-zaak docs/client-development/authentication.rst, section "An example":
    // Client ID `docs`, secret `example-secret`, iat 1602857301,
    // user_id docs@example.com, user_representation "Documentation Example".
    const expected =
      'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9' +
      '.eyJpc3MiOiJkb2NzIiwiaWF0IjoxNjAyODU3MzAxLCJjbGllbnRfaWQiOiJkb2NzIiwidXNlcl9pZCI6ImRvY3NAZXhhbXBsZS5jb20iLCJ1c2VyX3JlcHJlc2VudGF0aW9uIjoiRG9jdW1lbnRhdGlvbiBFeGFtcGxlIn0' +
      '.DZu7E780xG4zqRiT8ZhrBeMudz45301wNVDT0ra-Iyw';
    const token = signZgwJwt(
      { clientId: 'docs', iat: 1602857301, userId: 'docs@example.com', userRepresentation: 'Documentation Example' },
      'example-secret',
    );
    expect(token).toBe(expected);
  });

  it('header and payload carry the documented fields in the documented order', () => {
    const token = signZgwJwt({ clientId: 'c', iat: 10, userId: 'u', userRepresentation: 'U' }, 's');
    const [h, p] = token.split('.');
    expect(Buffer.from(h!, 'base64url').toString()).toBe('{"typ":"JWT","alg":"HS256"}');
    expect(Buffer.from(p!, 'base64url').toString()).toBe(
      '{"iss":"c","iat":10,"client_id":"c","user_id":"u","user_representation":"U"}',
    );
  });

  it('verifies with the right secret only, and a fresh token uses the current time', () => {
    const t = freshZgwJwt({ clientId: 'c', userId: 'u', userRepresentation: 'U' }, 'geheim', 1_700_000_000_999);
    expect(verifyZgwJwt(t, 'geheim')?.payload.iat).toBe(1_700_000_000);
    expect(verifyZgwJwt(t, 'ander')).toBeNull();
    const [h, p, s] = t.split('.');
    const tampered = `${h}.${Buffer.from('{"iss":"x"}').toString('base64url')}.${s}`;
    expect(verifyZgwJwt(tampered, 'geheim')).toBeNull();
    expect(verifyZgwJwt(`${h}.${p}`, 'geheim')).toBeNull();
  });
});
