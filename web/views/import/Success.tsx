// The line a committed import ends with: what changed, in the words of its kind, and a link to the map.
import { fmtInt } from '../../format.ts';
import type { Job } from '../../queries/imports.ts';
import { navigate } from '../../state/route.ts';

function changed(job: Job): string {
  const r = job.result;
  if (!r) return '';
  const b = r.boundary;
  if (b?.mahallas)
    return (
      `boundary version ${b.version ?? ''} saved: ${fmtInt(b.mahallas.kept)} mahallas kept, ${fmtInt(b.mahallas.added)} added, ` +
      `${fmtInt(b.mahallas.retired)} retired; ${fmtInt(b.mahallas.moved.incidents + b.mahallas.moved.applications + b.mahallas.moved.base_points)} records changed mahalla`
    );
  if (b?.areas)
    return `boundary version ${b.version ?? ''} saved: ${fmtInt(b.areas.updated)} updated, ${fmtInt(b.areas.added)} added`;
  if (r.districts) {
    const made = r.districts.filter((d) => d.status === 'draft' || d.status === 'approved');
    return made.length === 0
      ? 'nothing new: every district already had this assignment'
      : `a new territory plan version for ${made.map((d) => `district ${d.district} (version ${d.version ?? ''})`).join(', ')}, as a draft for a planner to approve`;
  }
  return (
    `${fmtInt(r.added ?? 0)} added, ${fmtInt(r.updated ?? 0)} updated, ${fmtInt(r.unchanged ?? 0)} unchanged` +
    (r.rejected > 0 ? `, ${fmtInt(r.rejected)} left out` : '')
  );
}

export function Success({ job }: { job: Job }) {
  return (
    <p className="import-success" data-testid="import-success">
      Imported {job.file.name}: {changed(job)}. Every page now shows the new data.{' '}
      <a
        href="/"
        data-testid="import-open-map"
        onClick={(e) => {
          e.preventDefault();
          navigate('/');
        }}
      >
        Open the map
      </a>
    </p>
  );
}
