/**
 * The 97.5th percentile of Student's t with `df` degrees of freedom, for 95 % intervals
 * of a mean: exact table values up to 30 degrees of freedom, then the Cornish–Fisher
 * expansion around the normal quantile (error below 1e-4 from df 30 on).
 */
const TABLE = [
  12.706204736, 4.30265273, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135, 2.262157163,
  2.228138852, 2.20098516, 2.17881283, 2.160368656, 2.144786688, 2.131449546, 2.119905299, 2.109815578, 2.10092204,
  2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.06865761, 2.063898562, 2.059538553, 2.055529439, 2.051830516,
  2.048407142, 2.045229642, 2.042272456,
];
const Z = 1.959963984540054;

export function tQuantile975(df: number): number {
  if (!(df >= 1)) throw new RangeError(`degrees of freedom must be ≥ 1 (got ${df})`);
  const exact = TABLE[Math.floor(df) - 1];
  if (exact !== undefined && Number.isInteger(df)) return exact;
  const z3 = Z ** 3;
  const z5 = Z ** 5;
  return Z + (z3 + Z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * Z) / (96 * df * df);
}
