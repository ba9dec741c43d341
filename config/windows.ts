/** Maintenance, backup and snapshot windows as RDS and ElastiCache spell them, and the arithmetic to check them. */
import { z } from "zod";

const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

const TIME = "([01]\\d|2[0-3]):([0-5]\\d)";
const DAY = `(${DAYS.join("|")})`;
export const DAILY_WINDOW_PATTERN = new RegExp(`^${TIME}-${TIME}$`);
export const WEEKLY_WINDOW_PATTERN = new RegExp(`^${DAY}:${TIME}-${DAY}:${TIME}$`);

/** A recurring time range as [start, start + length) in minutes; `period` is a day or a week. */
export interface TimeWindow {
  readonly start: number;
  readonly length: number;
  readonly period: number;
}

/** Parses `hh24:mi-hh24:mi` (UTC, daily); a window may cross midnight. */
export function parseDailyWindow(text: string): TimeWindow | undefined {
  const m = DAILY_WINDOW_PATTERN.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = Number(m[3]) * 60 + Number(m[4]);
  return { start, length: (end - start + MINUTES_PER_DAY) % MINUTES_PER_DAY, period: MINUTES_PER_DAY };
}

/** Parses `ddd:hh24:mi-ddd:hh24:mi` (UTC, weekly, lower-case day); a window may cross the week's end. */
export function parseWeeklyWindow(text: string): TimeWindow | undefined {
  const m = WEEKLY_WINDOW_PATTERN.exec(text);
  if (!m) return undefined;
  const at = (day: string, hh: string, mi: string) => DAYS.indexOf(day as (typeof DAYS)[number]) * MINUTES_PER_DAY + Number(hh) * 60 + Number(mi);
  const start = at(m[1], m[2], m[3]);
  const end = at(m[4], m[5], m[6]);
  return { start, length: (end - start + MINUTES_PER_WEEK) % MINUTES_PER_WEEK, period: MINUTES_PER_WEEK };
}

/** True when a daily window, repeated every day of the week, shares any minute with a weekly window. */
export function dailyOverlapsWeekly(daily: TimeWindow, weekly: TimeWindow): boolean {
  for (let day = 0; day < 7; day++) {
    if (overlaps(day * MINUTES_PER_DAY + daily.start, daily.length, weekly.start, weekly.length, MINUTES_PER_WEEK)) {
      return true;
    }
  }
  return false;
}

function overlaps(aStart: number, aLength: number, bStart: number, bLength: number, period: number): boolean {
  // Each range may wrap past the period's end; compare b against a, a shifted back and a shifted forward.
  return [-period, 0, period].some((shift) => {
    const start = aStart + shift;
    return start < bStart + bLength && bStart < start + aLength;
  });
}

/** A daily UTC window of at least `minMinutes` (RDS backups: 30, ElastiCache snapshots: 60). */
export function dailyWindow(minMinutes: number) {
  return z
    .string()
    .regex(DAILY_WINDOW_PATTERN, "must be a UTC window hh24:mi-hh24:mi such as 03:00-04:00")
    .refine((text) => (parseDailyWindow(text)?.length ?? minMinutes) >= minMinutes, `must be at least ${minMinutes} minutes long`);
}

/** A weekly UTC window of at least `minMinutes`, in the lower-case form AWS returns (no perpetual diff). */
export function weeklyWindow(minMinutes: number) {
  return z
    .string()
    .regex(WEEKLY_WINDOW_PATTERN, "must be a UTC window ddd:hh24:mi-ddd:hh24:mi with lower-case days such as mon:04:00-mon:05:00")
    .refine((text) => (parseWeeklyWindow(text)?.length ?? minMinutes) >= minMinutes, `must be at least ${minMinutes} minutes long`);
}
