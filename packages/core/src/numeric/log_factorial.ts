const TABLE_SIZE = 1024;
const table = new Float64Array(TABLE_SIZE);
for (let i = 2; i < TABLE_SIZE; i++) table[i] = table[i - 1] + Math.log(i);

/** log(k!) for integer k >= 0: exact table below 1024, Stirling series (error < 1e-15 relative) above. */
export function logFactorial(k: number): number {
  if (k < TABLE_SIZE) return table[k];
  const x = k + 1;
  const inv = 1 / x;
  const inv2 = inv * inv;
  return (
    (x - 0.5) * Math.log(x) -
    x +
    0.9189385332046728 +
    inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)))
  );
}

/** log of the binomial coefficient C(n, k). */
export function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}
