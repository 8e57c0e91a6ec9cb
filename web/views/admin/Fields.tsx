// Form pieces shared by the account forms: a labelled field with its issue under it, and the name, role and area
// fields (the area field shown is the one the chosen role needs: region, district or inspector).
import type { ReactNode } from 'react';
import { ROLES, type Role } from '../../../server/contract/access.ts';
import { useByName, useNameOf, useT } from '../../i18n/I18n.tsx';
import { areaFieldLabel, areaFieldOf, regionLabel, regionsOf, type Draft } from './accounts.ts';
import { useRegionNames } from '../../queries/mahallas.ts';

/** Issues by field name (`form` for those of the whole form). */
export type Issues = Readonly<Record<string, string>>;

/**
 * One labelled input and the issue the contract or the server names for it. `control` gets the attributes that tie
 * the input to its issue (aria-invalid, aria-describedby), so a screen reader reads the reason with the field.
 */
export function Field({
  id,
  label,
  issue,
  control,
}: {
  id: string;
  label: ReactNode;
  issue: string | undefined;
  control: (aria: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const issueId = `${id}-issue`;
  return (
    <div className="admin-field">
      <label htmlFor={id}>{label}</label>
      {control({
        id,
        'aria-invalid': issue !== undefined,
        ...(issue !== undefined ? { 'aria-describedby': issueId } : {}),
      })}
      {issue !== undefined && (
        <span className="field-issue" id={issueId} data-testid="field-issue">
          {issue}
        </span>
      )}
    </div>
  );
}

interface District {
  soato: string;
  name: string;
}

/** Name, role and the role's area field of an account draft. `prefix` keeps ids unique between two forms. */
export function PersonFields({
  prefix,
  draft,
  set,
  issues,
  districts,
}: {
  prefix: string;
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
  issues: Issues;
  districts: readonly District[];
}) {
  const regions = useRegionNames();
  const t = useT();
  const nameOf = useNameOf();
  const byName = useByName();
  const area = areaFieldOf(draft.role);
  return (
    <>
      <Field
        id={`${prefix}-name`}
        label={t('admin.field.fullName')}
        issue={issues.displayName}
        control={(a) => (
          <input
            {...a}
            data-testid="account-name"
            value={draft.displayName}
            maxLength={120}
            autoComplete="off"
            onChange={(e) => set({ displayName: e.target.value })}
          />
        )}
      />
      <Field
        id={`${prefix}-role`}
        label={t('admin.field.role')}
        issue={issues.role}
        control={(a) => (
          <select
            {...a}
            data-testid="account-role"
            value={draft.role}
            onChange={(e) => set({ role: e.target.value as Role })}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        )}
      />
      {area === 'district' && (
        <Field
          id={`${prefix}-district`}
          label={areaFieldLabel('district', t)}
          issue={issues.district}
          control={(a) => (
            <select
              {...a}
              data-testid="account-district"
              value={draft.district}
              onChange={(e) => set({ district: e.target.value })}
            >
              <option value="">{t('admin.field.chooseDistrict')}</option>
              {byName(districts, (d) => nameOf(d.name)).map((d) => (
                <option key={d.soato} value={d.soato}>
                  {nameOf(d.name)}
                </option>
              ))}
            </select>
          )}
        />
      )}
      {area === 'region' && (
        <Field
          id={`${prefix}-region`}
          label={areaFieldLabel('region', t)}
          issue={issues.region}
          control={(a) => (
            <select
              {...a}
              data-testid="account-region"
              value={draft.region}
              onChange={(e) => set({ region: e.target.value })}
            >
              <option value="">{t('admin.field.chooseRegion')}</option>
              {byName(regionsOf(districts), (r) => regionLabel(r, regions, t, nameOf)).map((r) => (
                <option key={r} value={r}>
                  {regionLabel(r, regions, t, nameOf)}
                </option>
              ))}
            </select>
          )}
        />
      )}
      {area === 'inspector' && (
        <Field
          id={`${prefix}-inspector`}
          label={areaFieldLabel('inspector', t)}
          issue={issues.inspector}
          control={(a) => (
            <input
              {...a}
              data-testid="account-inspector"
              type="number"
              min={1}
              step={1}
              inputMode="numeric"
              value={draft.inspector}
              onChange={(e) => set({ inspector: e.target.value })}
            />
          )}
        />
      )}
      {area === null && (
        <p className="admin-hint">{t('admin.field.wholeCountry', { role: t(`role.${draft.role}`) })}</p>
      )}
    </>
  );
}

/** Issues of fields the form does not show (and of the form itself), listed under it. */
export function OtherIssues({ issues, shown }: { issues: Issues; shown: readonly string[] }) {
  const rest = Object.entries(issues).filter(([k]) => !shown.includes(k));
  if (rest.length === 0) return null;
  return (
    <ul className="admin-issues" role="alert" data-testid="form-issues">
      {rest.map(([k, v]) => (
        <li key={k}>{k === 'form' ? v : `${k}: ${v}`}</li>
      ))}
    </ul>
  );
}

/** The fields PersonFields shows for a role, so an issue of one of them is shown next to it. */
export function personFields(role: Role): string[] {
  const area = areaFieldOf(role);
  return area ? ['displayName', 'role', area] : ['displayName', 'role'];
}
