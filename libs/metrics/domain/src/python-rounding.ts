/**
 * Python's rounding, which the figures Frappe returns went through: `round(x, n)` and the `:.nf`
 * format round the exact binary value to nearest and a true tie to even (JavaScript's `toFixed`
 * sends a tie up, and `Math.round` rounds a scaled, already inexact value).
 */
export function pythonFixed(value: number, digits: number): string {
  if (!Number.isFinite(value)) return String(value);
  const plain = value.toFixed(digits);
  const exact = Math.abs(value).toFixed(Math.min(digits + 25, 100));
  const tail = exact.slice(exact.indexOf('.') + 1 + digits);
  if (!/^50*$/.test(tail)) return plain;
  // A tie: toFixed went away from zero; step back when that left an odd last digit.
  const lastDigit = Number(plain.replace('.', '').slice(-1));
  if (lastDigit % 2 === 0) return plain;
  const step = 10 ** -digits;
  return (value > 0 ? Number(plain) - step : Number(plain) + step).toFixed(digits);
}

/** `round(value, digits)` as Python computes it. */
export function pythonRound(value: number, digits = 0): number {
  const rounded = Number(pythonFixed(value, digits));
  return rounded === 0 ? 0 : rounded;
}
