// The line a committed import ends with: what changed, in the words of its kind, and a link to the map.
import { formatters, type Formatters } from '../../format.ts';
import type { Job } from '../../queries/imports.ts';
import { navigate } from '../../state/route.ts';
import { useFmt, useT } from '../../i18n/I18n.tsx';
import { activeLocale, activeT, type Translate } from '../../i18n/translate.ts';

/**
 * What a committed import changed, in the words of its kind and the language of `t`.
 * @example changed(job, translator('en'), formatters('en')) // '7 added, 0 updated, 0 unchanged'
 */
export function changed(job: Job, t: Translate = activeT(), f: Formatters = formatters(activeLocale())): string {
  const r = job.result;
  if (!r) return '';
  const b = r.boundary;
  const version = String(b?.version ?? '');
  if (b?.mahallas) {
    const m = b.mahallas;
    return t('import.changed.mahallas', {
      version,
      kept: f.int(m.kept),
      added: f.int(m.added),
      retired: f.int(m.retired),
      moved: f.int(m.moved.incidents + m.moved.applications + m.moved.base_points),
    });
  }
  if (b?.areas)
    return t('import.changed.areas', { version, updated: f.int(b.areas.updated), added: f.int(b.areas.added) });
  if (r.districts) {
    const made = r.districts.filter((d) => d.status === 'draft' || d.status === 'approved');
    return made.length === 0
      ? t('import.changed.nothing')
      : t('import.changed.plans', {
          list: made
            .map((d) => t('import.changed.plan', { district: d.district, version: String(d.version ?? '') }))
            .join(', '),
        });
  }
  return t('import.changed.records', {
    added: f.int(r.added ?? 0),
    updated: f.int(r.updated ?? 0),
    unchanged: f.int(r.unchanged ?? 0),
    left: r.rejected > 0 ? 'yes' : 'no',
    rejected: f.int(r.rejected),
  });
}

export function Success({ job }: { job: Job }) {
  const t = useT();
  const f = useFmt();
  return (
    <p className="import-success" data-testid="import-success">
      {t('import.success', { file: job.file.name, changed: changed(job, t, f) })}{' '}
      <a
        href="/"
        data-testid="import-open-map"
        onClick={(e) => {
          e.preventDefault();
          navigate('/');
        }}
      >
        {t('import.openMap')}
      </a>
    </p>
  );
}
