// One problem in a boundary file (which feature, which field, why, and the code that says why in the reader's
// language) and the error that refuses the whole import.
import type { IssueCode, IssueParams } from '../../../server/contract/issues.ts';
import type { Said } from '../report.ts';

/** One problem in an import file: which feature ("row", numbered from 1; 0 for the file itself), which field, why. */
export interface ImportProblem {
  file: string;
  row: number;
  column: string;
  /** the English reason of the CLI and the JSON report */
  reason: string;
  /** the reason's code and params (server/contract/issue-codes.ts), for the import page to say it in any language */
  code?: IssueCode;
  params?: IssueParams;
}

/**
 * A problem with its reason and code.
 * @example problem('m.geojson', 3, 'geometry', said('a ring is not closed (first position ≠ last)', 'ring_not_closed'))
 */
export const problem = (file: string, row: number, column: string, why: Said): ImportProblem => ({
  file,
  row,
  column,
  reason: why.reason,
  ...why.issue,
});

/** Thrown when an import is refused: nothing has been written; every problem found is listed. */
export class ImportError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(
      `Import refused, nothing was written (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems
          .slice(0, 50)
          .map((p) => `  ${p.file}: feature ${p.row}, ${p.column}: ${p.reason}`)
          .join('\n'),
    );
  }
}
