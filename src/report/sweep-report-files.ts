import type { ReportFile } from './report-file.js';
import type { SweepJson } from './sweep-json.js';

export async function renderSweepReportFiles(s: SweepJson, assets: { chartJsSource: string; rerunCommand: string }): Promise<ReportFile[]> {
  return [{ path: 'sweep.json', content: `${JSON.stringify(s, null, 2)}\n${assets.rerunCommand.length > 0 ? '' : ''}` }];
}
