import type { MfaMethod, SecurityStats } from "../../../shared/generated/api";

/** The audit event types the activity charts draw, by what the overview calls them. */
export const ACTIVITY = {
  signIns: "auth.login_succeeded",
  failedSignIns: "auth.login_failed",
  lockouts: "auth.account_locked",
  deniedAddresses: "auth.ip_denied",
} as const;
export type Activity = keyof typeof ACTIVITY;

const METHODS: MfaMethod[] = ["TOTP", "SMS", "EMAIL", "PASSKEY"];
const DAY_MS = 24 * 3600 * 1000;

/** One point of a daily chart: the UTC date ("2026-11-30") and its value. */
export type Point = { x: string; y: number };

/** Every UTC date from `from` to `to`, both included ("2026-11-29", "2026-11-30"). */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

/** The day-by-day count of one event type over the whole window; a day the answer leaves out counts 0. */
export function dailySeries(stats: SecurityStats, activity: Activity): Point[] {
  const byDate = new Map(stats.daily.map((day) => [day.date, day.counts[ACTIVITY[activity]] ?? 0]));
  return datesBetween(stats.from, stats.to).map((x) => ({ x, y: byDate.get(x) ?? 0 }));
}

/**
 * People with a second factor of one method at the end of each day; a day the answer leaves out keeps the
 * day before's count (adoption only changes through the days the server lists).
 */
export function adoptionSeries(stats: SecurityStats, method: MfaMethod): Point[] {
  const byDate = new Map(stats.adoption.map((day) => [day.date, day.byMethod[method] ?? 0]));
  let last = 0;
  return datesBetween(stats.from, stats.to).map((x) => {
    last = byDate.get(x) ?? last;
    return { x, y: last };
  });
}

export function total(series: Point[]): number {
  return series.reduce((sum, point) => sum + point.y, 0);
}

/** The methods anyone used in the window, in the policy's order: a line of zeros says nothing. */
export function methodsInUse(stats: SecurityStats): MfaMethod[] {
  return METHODS.filter((method) => adoptionSeries(stats, method).some((point) => point.y > 0));
}

/** Nothing to chart: no sign-in, failure, lockout or refused address, and nobody with a second factor. */
export function isQuiet(stats: SecurityStats): boolean {
  const activity = (Object.keys(ACTIVITY) as Activity[]).some((a) => total(dailySeries(stats, a)) > 0);
  return !activity && methodsInUse(stats).length === 0;
}

/** At most `count` dates spread evenly over the window for the x axis, always the first and the last. */
export function tickDates(dates: string[], count = 5): string[] {
  if (dates.length <= count) return dates;
  const step = (dates.length - 1) / (count - 1);
  return Array.from({ length: count }, (_, i) => dates[Math.round(i * step)]);
}

/** "Nov 3" in the admin's language; the date is a UTC day, so it is shown as one whatever the browser's zone. */
export function shortDate(date: string, locale: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(locale, { month: "short", day: "numeric", timeZone: "UTC" });
}

/** Whole-number ticks for a count axis from 0 to at least `max`: 0–4 one by one, else about five round steps. */
export function countTicks(max: number): number[] {
  const top = Math.max(1, max);
  let step = 1;
  if (top > 4) {
    const raw = top / 4;
    const magnitude = 10 ** Math.floor(Math.log10(raw));
    step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  }
  const ticks = [0];
  while (ticks[ticks.length - 1] < top) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}
