const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "now", "5 minutes ago", "2 hours ago", in the user's language. */
export function relativeTime(date: Date, locale: string, now = Date.now()): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) {
      return format.format(Math.trunc(seconds / size), unit);
    }
  }
  return format.format(0, "second");
}

/** "30 November 2026 at 14:05", in the user's language (the account console's dates). */
export function dateTime(date: Date, locale: string): string {
  return date.toLocaleString(locale, { dateStyle: "long", timeStyle: "short" });
}

/**
 * "2026-11-30 14:05" in the browser's time zone, for the admin console's tables and "Last updated"; nothing for a
 * time that is not there.
 */
export function formatTime(time: string | number | null | undefined): string {
  if (time === null || time === undefined) return "";
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
