// Tiny number formatters shared by every sentence the KPI layer produces.
// Kept separate so guardrail messages and plan explanations read the same way.

// Round to one decimal and normalise -0, so "-0%" never reaches a manager.
function round1(x: number): number {
  const r = Math.round(x * 10) / 10;
  return r === 0 ? 0 : r;
}

/**
 * Share (0..1) as a percentage: 0.42 → "42%", 0.125 → "12.5%".
 * One decimal so that 0.504 does not print as "50%" next to a 50% limit it breaches.
 * Non-finite input prints "n/a" instead of "NaN%" / "Infinity%".
 */
export function pct(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  return `${round1(x * 100)}%`;
}

/** Hours rounded to one decimal: 12.46 → "12.5 h", 12 → "12 h". Non-finite → "n/a". */
export function hours(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  return `${round1(x)} h`;
}
