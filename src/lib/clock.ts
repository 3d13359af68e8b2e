/**
 * "Now" for the build: SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds
 * convention) when set, otherwise the machine's clock. Only decides which posts are
 * due; nothing built prints it.
 */
export function buildNow(env: Record<string, string | undefined>, machineNow: () => number = Date.now): Date {
  const raw = env['SOURCE_DATE_EPOCH']?.trim();
  if (raw === undefined || raw === '') return new Date(machineNow());
  if (!/^\d+$/.test(raw)) throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds, got "${raw}"`);
  return new Date(Number(raw) * 1000);
}
