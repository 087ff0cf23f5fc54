import type { Lineage, LifetimeStats } from './model';

/** Lifetime statistics of access tokens per issuer (JWT `iss`) or, without one, per origin. */
export function lifetimeStats(lineages: Lineage[]): LifetimeStats[] {
  void lineages;
  throw new Error('not yet');
}

/** Median of a list (mean of the two middle values for an even count); undefined when empty. */
export function median(values: number[]): number | undefined {
  void values;
  throw new Error('not yet');
}
