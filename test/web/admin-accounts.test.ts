// The accounts form's pure helpers: the area field each role needs, how an area reads, and the draft turned into a
// body the server's own contract accepts.
import { describe, expect, it } from 'vitest';
import { AccountCreateBody, ROLES } from '../../server/contract/access.ts';
import { zodIssueText } from '../../web/i18n/api-error.ts';
import {
  areaFieldOf,
  areaLabel,
  areaOf,
  BLANK,
  draftOf,
  issuesByField,
  regionsOf,
} from '../../web/views/admin/accounts.ts';

const DISTRICTS = [
  { soato: '1726294', name: 'Chilonzor' },
  { soato: '1726287', name: 'Yakkasaroy' },
  { soato: '1703202', name: 'Andijon' },
];
/** Before the outlines arrive no region has a name yet. */
const NO_NAMES: ReadonlyMap<string, string> = new Map();

describe('account areas', () => {
  it('names the area field of each role', () => {
    expect(ROLES.map((r) => [r, areaFieldOf(r)])).toEqual([
      ['admin', null],
      ['ministry', null],
      ['region_head', 'region'],
      ['district_head', 'district'],
      ['planner', 'district'],
      ['analyst', 'district'],
      ['inspector', 'inspector'],
    ]);
  });

  it('lists each region of the districts once, in code order', () => {
    expect(regionsOf(DISTRICTS)).toEqual(['1703', '1726']);
  });

  it('reads an area as a district name, a region code, an inspector or the whole country', () => {
    const none = { region: null, district: null, inspector: null };
    expect(areaLabel({ ...none, district: '1726287' }, DISTRICTS, NO_NAMES)).toBe('Yakkasaroy');
    expect(areaLabel({ ...none, district: '1726999' }, DISTRICTS, NO_NAMES)).toBe('District 1726999');
    expect(areaLabel({ ...none, region: '1726' }, DISTRICTS, NO_NAMES)).toBe('Region 1726');
    expect(areaLabel({ ...none, region: '1726' }, DISTRICTS, new Map([['1726', 'Toshkent shahri']]))).toBe(
      'Toshkent shahri',
    );
    expect(areaLabel({ ...none, inspector: 12 }, DISTRICTS, NO_NAMES)).toBe('Inspector #12');
    expect(areaLabel(none, DISTRICTS, NO_NAMES)).toBe('Whole country');
  });

  it('sends only the area field the role needs, so every role’s draft passes the contract', () => {
    const filled = {
      ...BLANK,
      username: 'new.person',
      displayName: 'New person',
      password: 'long-enough-1',
      region: '1726',
      district: '1726294',
      inspector: '12',
    };
    for (const role of ROLES) {
      const body = { ...filled, ...areaOf({ ...filled, role }), role };
      expect(AccountCreateBody.safeParse(body).success, role).toBe(true);
    }
    expect(areaOf({ ...filled, role: 'inspector' })).toEqual({ region: null, district: null, inspector: 12 });
    expect(areaOf({ ...filled, role: 'district_head', district: ' ' })).toEqual({
      region: null,
      district: null,
      inspector: null,
    });
  });

  it('keeps an account’s area in its draft, and groups a parse’s issues by field', () => {
    expect(
      draftOf({ displayName: 'A', role: 'inspector', region: null, district: null, inspector: 7, disabled: true }),
    ).toMatchObject({ role: 'inspector', inspector: '7', district: '', disabled: true });
    const input = { ...BLANK, role: 'district_head', region: null, district: null, inspector: null };
    const parsed = AccountCreateBody.safeParse(input);
    expect(parsed.success).toBe(false);
    const issues = issuesByField(parsed.error?.issues ?? [], (i) => zodIssueText(i, input, 'ru'));
    expect(Object.keys(issues).sort()).toEqual(['displayName', 'district', 'password', 'username']);
    // Said in the reader's language, the role by its label.
    expect(issues.district).toBe('обязательно для роли «Начальник РОВД»');
    expect(issues.password).toBe('должно содержать не менее 10 символов');
  });
});
