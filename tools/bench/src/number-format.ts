/** How the report writes its numbers; '-' for a figure that does not exist (NaN, ∞). */
export function rate(value: number): string {
  return Number.isFinite(value) ? value.toFixed(value < 100 ? 1 : 0) : '-';
}

export function ms(value: number): string {
  return Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '-';
}

export function seconds(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : '-';
}

export function count(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value)) : '-';
}

export function ratio(numerator: number, denominator: number): string {
  const value = numerator / denominator;
  return Number.isFinite(value) ? `${value.toFixed(2)}x` : '-';
}
