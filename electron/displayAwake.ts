import type { PowerSaveBlocker } from 'electron';
import { createLogger } from '../src/node/logger';
import { VIETNAM_OFFSET_MINUTES } from '../src/domain/localDay';

const logger = createLogger('electron.display');

/** Local clock times (Vietnam, UTC+7) written HH:MM. */
export interface OpeningHours {
  open: string;
  close: string;
}

/**
 * The one-stop desk's usual opening hours (7:00 to 17:30 local time, Monday to
 * Saturday morning at most communes). Used until the kiosk settings carry
 * hours of their own; outside them the screen may sleep like any office PC.
 */
export const DEFAULT_OPENING_HOURS: OpeningHours = { open: '07:00', close: '17:30' };

const CHECK_MS = 60_000;

function minutesOf(clock: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(clock);
  if (!match) throw new Error(`not a HH:MM time: ${clock}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** True when the instant falls inside the hours, in Vietnam's local time whatever the PC's time zone. */
export function isWithinOpeningHours(instantMs: number, hours: OpeningHours): boolean {
  const local = new Date(instantMs + VIETNAM_OFFSET_MINUTES * 60_000);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const open = minutesOf(hours.open);
  const close = minutesOf(hours.close);
  // Hours that wrap past midnight (22:00–06:00) are allowed too.
  return open <= close ? minute >= open && minute < close : minute >= open || minute < close;
}

export interface DisplayAwakeDeps {
  powerSaveBlocker: Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>;
  hours: () => OpeningHours;
  now?: () => number;
  intervalMs?: number;
}

/**
 * Keeps the display on during opening hours (a kiosk that went dark looks
 * broken to a citizen) and lets it sleep outside them. Checked every minute;
 * returns a stop function.
 */
export function keepDisplayAwake({
  powerSaveBlocker,
  hours,
  now = Date.now,
  intervalMs = CHECK_MS,
}: DisplayAwakeDeps): () => void {
  let blocker: number | null = null;
  const check = () => {
    let open: boolean;
    try {
      open = isWithinOpeningHours(now(), hours());
    } catch (error) {
      logger.error('opening hours unreadable; keeping the display awake', { error: String(error) });
      open = true;
    }
    if (open && (blocker === null || !powerSaveBlocker.isStarted(blocker))) {
      blocker = powerSaveBlocker.start('prevent-display-sleep');
      logger.info('display kept awake (opening hours)');
    } else if (!open && blocker !== null) {
      powerSaveBlocker.stop(blocker);
      blocker = null;
      logger.info('display may sleep (outside opening hours)');
    }
  };
  check();
  const timer = setInterval(check, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    if (blocker !== null) powerSaveBlocker.stop(blocker);
    blocker = null;
  };
}
