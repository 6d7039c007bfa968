/**
 * Standard or Express children? For each batch size, the two child types side by side
 * (cost per run, the Step Functions part of it, wall time, failures), which is cheaper
 * and by how much, and the break-even batch size where the cheaper type changes,
 * interpolated between the two batch sizes that straddle it. Express children are cut
 * at 5 minutes, so a batch size whose Express children time out is never "cheaper".
 * https://aws.amazon.com/step-functions/pricing/ (Standard per transition; Express per
 * request and per GB-second of duration at its billed memory). Pure.
 */

export interface ChildTypeFigures {
  costUsdP50: number;
  costUsdP90: number;
  /** The mean of the Step Functions lines of the bill alone (transitions, Express requests and duration). */
  stepFunctionsUsdMean: number;
  wallTimeSecondsP50: number;
  wallTimeSecondsP90: number;
  failureProbability: number;
  /** Some children ran past their limit (Express: 5 minutes). */
  childrenTimeOut: boolean;
}

export interface WorkflowTypeRow {
  batchSize: number;
  standard: ChildTypeFigures;
  express: ChildTypeFigures;
  /** Which is cheaper at P50, among the types whose runs do not fail. */
  cheaper: 'STANDARD' | 'EXPRESS' | 'neither';
  /** Express P50 cost minus Standard's: negative when Express saves. */
  expressMinusStandardUsd: number;
}

export interface BreakEven {
  /** The batch size where the two P50 costs meet, interpolated linearly. */
  batchSize: number;
  between: [number, number];
  /** Which type is cheaper below the break-even. */
  cheaperBelow: 'STANDARD' | 'EXPRESS';
}

export interface WorkflowTypeComparison {
  rows: WorkflowTypeRow[];
  breakEvens: BreakEven[];
}

export function compareWorkflowTypes(input: ReadonlyArray<{ batchSize: number; standard: ChildTypeFigures; express: ChildTypeFigures }>): WorkflowTypeComparison {
  const sorted = [...input].sort((a, b) => a.batchSize - b.batchSize);
  const rows = sorted.map(({ batchSize, standard, express }): WorkflowTypeRow => {
    const standardOk = usable(standard);
    const expressOk = usable(express);
    const difference = express.costUsdP50 - standard.costUsdP50;
    const cheaper = standardOk && expressOk ? (difference < 0 ? 'EXPRESS' : 'STANDARD') : standardOk ? 'STANDARD' : expressOk ? 'EXPRESS' : 'neither';
    return { batchSize, standard, express, cheaper, expressMinusStandardUsd: difference };
  });
  const breakEvens: BreakEven[] = [];
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1] as WorkflowTypeRow;
    const b = rows[i] as WorkflowTypeRow;
    if (!(usable(a.standard) && usable(a.express) && usable(b.standard) && usable(b.express))) continue;
    const da = a.expressMinusStandardUsd;
    const db = b.expressMinusStandardUsd;
    if (da === 0 || Math.sign(da) === Math.sign(db)) continue;
    breakEvens.push({
      batchSize: a.batchSize + ((b.batchSize - a.batchSize) * da) / (da - db),
      between: [a.batchSize, b.batchSize],
      cheaperBelow: da < 0 ? 'EXPRESS' : 'STANDARD',
    });
  }
  return { rows, breakEvens };
}

function usable(figures: ChildTypeFigures): boolean {
  return figures.failureProbability < 0.5 && !figures.childrenTimeOut;
}
