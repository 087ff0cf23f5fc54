import type { LifetimeStats, TestStats } from '../../utils/lifecycle/model';
import { formatDuration } from '../../utils/tokens/expiry';
import { clockTime } from './clockTime';

const seconds = (s: number | undefined) => (s === undefined ? 'unknown' : formatDuration(s));

/** Lifetimes of the access tokens per issuer (or origin), measured, with a bar per token. */
export function LifetimeStatsList({ stats }: { stats: LifetimeStats[] }) {
  if (stats.length === 0) return <p className="muted">No access tokens yet: lifetimes are measured from every token the page gets.</p>;
  return (
    <>
      {stats.map((s) => (
        <div
          key={s.key}
          className="lifetime-stats"
          data-testid="lifetime-stats"
          data-key={s.key}
          data-count={s.count}
          data-min-seconds={s.minSeconds ?? ''}
          data-median-seconds={s.medianSeconds ?? ''}
          data-max-seconds={s.maxSeconds ?? ''}
        >
          <div>
            <strong>{s.label}</strong>: {s.count} access token{s.count === 1 ? '' : 's'}
            {s.knownCount > 0 ? (
              <>
                {' '}
                · lifetime min {seconds(s.minSeconds)}, median {seconds(s.medianSeconds)}, max {seconds(s.maxSeconds)}
                {s.knownCount < s.count && ` (known for ${s.knownCount})`}
              </>
            ) : (
              ' · lifetimes unknown'
            )}{' '}
            · {s.refreshEvents} refresh{s.refreshEvents === 1 ? '' : 'es'}
          </div>
          <LifetimeChart points={s.points} />
        </div>
      ))}
    </>
  );
}

const CHART_W = 240;
const CHART_H = 36;
/** The newest tokens only: a bar stays readable. */
const MAX_BARS = 60;

/** One bar per token, its height its lifetime: a shrinking lifetime or an outlier shows at a glance. */
function LifetimeChart({ points }: { points: LifetimeStats['points'] }) {
  const shown = points.slice(-MAX_BARS);
  if (shown.length < 2) return null;
  const max = Math.max(...shown.map((p) => p.lifetimeSeconds), 1);
  const w = CHART_W / shown.length;
  return (
    <svg
      className="lifecycle-chart"
      viewBox={`0 0 ${CHART_W} ${CHART_H}`}
      role="img"
      aria-label={`Lifetime per token, oldest first; longest ${formatDuration(max)}`}
    >
      {shown.map((p, i) => {
        const h = Math.max(1, (p.lifetimeSeconds / max) * CHART_H);
        return (
          <rect key={p.fingerprint} className="bar" x={i * w + w * 0.15} width={w * 0.7} y={CHART_H - h} height={h}>
            <title>{`${p.fingerprint}: ${formatDuration(p.lifetimeSeconds)}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

/** Test tools now runs against the current target's origin: pass rate overall, by token age and by time left. */
export function TestStatsView({ stats, origin }: { stats?: TestStats; origin?: string }) {
  if (!stats || !origin) return <p className="muted">No MCP target yet: Test tools now runs are counted per server origin.</p>;
  return (
    <div className="test-stats" data-testid="test-stats" data-runs={stats.runs} data-passes={stats.passes} data-origin={origin}>
      {stats.runs === 0 ? (
        <p className="muted">No Test tools now runs against {origin} yet.</p>
      ) : (
        <>
          <div>
            Test tools now against <strong>{origin}</strong>: {stats.passes} of {stats.runs} passed
          </div>
          {stats.ageWords && <div>By token age: {stats.ageWords}</div>}
          {stats.timeLeftWords && <div>By time left: {stats.timeLeftWords}</div>}
          {stats.failures.length > 0 && <div>Failures: {stats.failures.map((f) => `${f.kind} ×${f.count}`).join(', ')}</div>}
          <OutcomeStrip timeline={stats.timeline} />
        </>
      )}
    </div>
  );
}

/** A mark per run in time order, green for a pass and red for a failure: when it started failing reads faster than numbers. */
function OutcomeStrip({ timeline }: { timeline: TestStats['timeline'] }) {
  const shown = timeline.slice(-MAX_BARS);
  const w = CHART_W / MAX_BARS;
  return (
    <svg className="lifecycle-chart" viewBox={`0 0 ${CHART_W} 10`} role="img" aria-label="Outcomes over time, oldest first">
      {shown.map((run, i) => (
        <rect key={i} className={run.outcome === 'pass' ? 'pass' : 'fail'} x={i * w + 0.5} width={w - 1} y={1} height={8}>
          <title>{`${clockTime(run.at)} ${run.outcome}${run.errorKind ? ` (${run.errorKind})` : ''}${run.secondsLeft === undefined ? '' : `, ${formatDuration(run.secondsLeft)} ${run.secondsLeft >= 0 ? 'left' : 'after expiry'}`}`}</title>
        </rect>
      ))}
    </svg>
  );
}
