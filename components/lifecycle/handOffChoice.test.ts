import { describe, expect, it } from 'vitest';
import { chooseHandOff } from './handOffChoice';
import { lineage, row, step } from './lifecycleFixtures.test-helper';

const T0 = Date.parse('2026-01-01T10:00:00Z');
const a1 = row('opaque-access-one-0000000001');
const a2 = row('opaque-access-two-0000000002');
const a3 = row('opaque-access-three-00000003');
const other = row('opaque-other-site-0000000004');
const refresh = row('opaque-refresh-00000000000005', { roles: ['refresh'] });
const rows = [a1, a2, a3, other, refresh];

describe('chooseHandOff', () => {
  it('hands on the newest token still valid in the selected token’s lineage', () => {
    const lineages = [lineage('site-b', [step(other, T0, 3600)]), lineage('site-a', [step(a1, T0, 600), step(a2, T0 + 500_000, 600)])];
    const choice = chooseHandOff(lineages, rows, T0 + 550_000, undefined, a1.fingerprint);
    expect(choice).toMatchObject({ row: { value: a2.value }, expired: false, sendAs: 'bearer' });
    expect(choice?.lineage.key).toBe('site-a');
  });

  it('follows a rotation: the same choice, recomputed with the new token in the lineage, gives the new token', () => {
    const before = [lineage('site-a', [step(a1, T0, 600), step(a2, T0 + 500_000, 600)])];
    const after = [lineage('site-a', [...before[0].tokens, step(a3, T0 + 1_000_000, 600)])];
    expect(chooseHandOff(before, rows, T0 + 1_000_500, 'site-a')?.row.value).toBe(a2.value);
    expect(chooseHandOff(after, rows, T0 + 1_000_500, 'site-a')?.row.value).toBe(a3.value);
  });

  it('skips an expired newest token for an older one still valid, and says so when none is valid', () => {
    // a2 lives shorter than a1: at T0 + 400 s only a1 is valid.
    const lineages = [lineage('site-a', [step(a1, T0, 600), step(a2, T0 + 100_000, 60)])];
    expect(chooseHandOff(lineages, rows, T0 + 400_000)).toMatchObject({ row: { value: a1.value }, expired: false });
    expect(chooseHandOff(lineages, rows, T0 + 700_000)).toMatchObject({ row: { value: a2.value }, expired: true });
  });

  it('prefers the lineage the user picked, and never hands on refresh or ID tokens', () => {
    const lineages = [
      lineage('refresh', [step(refresh, T0, 86400)], { kind: 'refresh' }),
      lineage('site-a', [step(a1, T0, 600)]),
      lineage('site-b', [step(other, T0, 600)]),
    ];
    expect(chooseHandOff(lineages, rows, T0, 'site-b')?.row.value).toBe(other.value);
    expect(chooseHandOff(lineages, rows, T0, undefined, refresh.fingerprint)?.row.value).toBe(a1.value);
    expect(chooseHandOff([lineages[0]], rows, T0)).toBeUndefined();
  });

  it('sends a Cloudflare Access cookie as cf-access-token, and has nothing to hand on when the rows are gone (cleared)', async () => {
    const { signedJwt } = await import('../../test-support/tokens');
    const cookie = row(await signedJwt({ sub: 'me', iss: 'https://team.cloudflareaccess.com' }), { sources: ['cookie'], names: ['CF_Authorization'] });
    const lineages = [lineage('cookie', [step(cookie, T0, 86400)])];
    expect(chooseHandOff(lineages, [cookie], T0)?.sendAs).toBe('cf-access-token');
    expect(chooseHandOff(lineages, [], T0)).toBeUndefined();
  });
});
