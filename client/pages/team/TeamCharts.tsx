import type { Bucket, KpiPoint } from '../../graphql/operations';
import { DeploysChart } from '../../charts/DeploysChart';
import { LoadSeriesChart } from '../../charts/LoadSeriesChart';
import { OpsHoursChart } from '../../charts/OpsHoursChart';
import { PageHoursByClassChart } from '../../charts/PageHoursByClassChart';

/** The team page's charts over one series: ops hours by cause first, then the signals behind them. */
export function TeamCharts({ points, bucket, teamName }: { points: KpiPoint[]; bucket: Bucket; teamName: string }) {
  return (
    <div className="chart-grid">
      <div className="card chart-grid__wide">
        <OpsHoursChart points={points} bucket={bucket} teamName={teamName} />
      </div>
      <div className="card chart-grid__wide">
        <LoadSeriesChart points={points} bucket={bucket} teamName={teamName} />
      </div>
      <div className="card">
        <PageHoursByClassChart points={points} bucket={bucket} teamName={teamName} />
      </div>
      <div className="card">
        <DeploysChart points={points} bucket={bucket} teamName={teamName} />
      </div>
    </div>
  );
}
