import type { Bucket, KpiPoint } from '../../graphql/operations';
import { DeploysChart } from '../../charts/DeploysChart';
import { LoadSeriesChart } from '../../charts/LoadSeriesChart';
import { PageHoursByClassChart } from '../../charts/PageHoursByClassChart';

/** The team page's three charts over one series. */
export function TeamCharts({ points, bucket, teamName }: { points: KpiPoint[]; bucket: Bucket; teamName: string }) {
  return (
    <div className="chart-grid">
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
