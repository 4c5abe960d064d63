import type { Dora, DoraMetric } from '../../graphql/operations';
import { formatDuration } from '../../lib/format';
import { BAND_LABEL, formatDora } from '../../lib/rules';

const METRICS: { key: keyof Omit<Dora, 'reportYear'>; label: string; hint: string }[] = [
  { key: 'deploymentFrequency', label: 'Deployment frequency', hint: 'Production deploys' },
  { key: 'leadTime', label: 'Lead time for changes', hint: 'Median, commit to production' },
  { key: 'changeFailureRate', label: 'Change failure rate', hint: 'Failed or rolled-back deploys' },
  { key: 'timeToResolve', label: 'Time to restore', hint: 'Median, page triggered to resolved' },
];

function Band({ m }: { m: DoraMetric }) {
  if (!m.band) return <span className="band band--none">No data</span>;
  return (
    <span className={`band band--${m.band.toLowerCase()}`}>
      <span className="sr-only">Band: </span>
      {BAND_LABEL[m.band]}
    </span>
  );
}

/** DORA's four keys, each with its performance band and the report the bands come from. */
export function DoraCards({ dora }: { dora: Dora }) {
  return (
    <>
      <dl className="dora-grid">
        {METRICS.map(({ key, label, hint }) => (
          <div key={key} className="kpi-card" data-testid={`dora-${key}`}>
            <dt className="kpi-card__label">{label}</dt>
            <dd className="kpi-card__value kpi-card__value--small" data-testid={`dora-${key}-value`}>
              {formatDora(dora[key], formatDuration)}
            </dd>
            <dd>
              <Band m={dora[key]} />
            </dd>
            <dd className="kpi-card__hint">{hint}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small" data-testid="dora-report">
        Bands (Elite, High, Medium, Low) from the {dora.reportYear} Accelerate State of DevOps report (DORA).
      </p>
    </>
  );
}
