/** Back-testing: a real Map Run against the model's prediction for the same scenario. */
export { actualRunOf, type ActualRun } from './actual-run.js';
export { backtest, type BacktestFigure, type BacktestResult } from './backtest.js';
export { percentileRank, verdictOf } from './percentile-rank.js';
