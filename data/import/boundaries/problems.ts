// One problem in a boundary file (which feature, which field, why) and the error that refuses the whole import.

/** One problem in an import file: which feature ("row", numbered from 1; 0 for the file itself), which field, why. */
export interface ImportProblem {
  file: string;
  row: number;
  column: string;
  reason: string;
}

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
