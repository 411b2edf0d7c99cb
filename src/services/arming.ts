import type { z } from 'zod';
import type { ArmKioskInput } from '../contract/arming';
import type { ResponseContextSchema } from '../contract/survey';
import { AppError } from '../domain/errors';
import { ARMED_MINUTES } from '../domain/kioskSettings';
import type { Clock, DeskStore } from './ports';

export type ResponseContext = z.output<typeof ResponseContextSchema>;
/** What staff arm the kiosk with: the context and why the citizen came. */
export type ArmedVisit = z.output<typeof ArmKioskInput>;

/** The default wait for the armed citizen (src/domain/kioskSettings.ts armedMinutes). */
export const ARMED_FOR_MS = ARMED_MINUTES.default * 60_000;

/** Lapsed armings kept for staff to see; older ones go first. */
const LAPSED_KEPT = 20;

export interface ArmingDeps {
  clock: Clock;
  desks: DeskStore;
  newId: () => string;
  isCaseRated: (caseCode: string) => boolean;
  /** How long an armed context waits for its citizen, read at each arming (the administrator's setting). */
  armedForMs?: () => number;
}

interface Armed {
  armId: string;
  context: ArmedVisit;
  armedAt: number;
  expiresAt: number;
}

/**
 * Staff arm the kiosk with the context of the next citizen. The context (with
 * the raw case code) stays here in the host: the kiosk gets names to show and an
 * armId to send back. It belongs to one response: the first that rates consumes
 * it. Unused when its time is up, it lapses — never passed on to whoever comes
 * next — and staff see it on Today ("Lượt đánh giá cho hồ sơ … chưa được thực
 * hiện") until one of them dismisses it. Lapsed armings live in memory only: a
 * restarted host starts without them, as it starts unarmed.
 */
export function createArmingService({ clock, desks, newId, isCaseRated, armedForMs = () => ARMED_FOR_MS }: ArmingDeps) {
  let armed: Armed | null = null;
  let lapsed: Armed[] = [];

  const live = (): Armed | null => {
    if (armed && armed.expiresAt <= clock.now()) {
      lapsed = [...lapsed, armed].slice(-LAPSED_KEPT);
      armed = null;
    }
    return armed;
  };

  const named = (context: ArmedVisit) => ({
    officer: context.officer ? desks.officer(context.officer) : null,
    counter: context.counter ? desks.counter(context.counter) : null,
    field: context.field ? desks.field(context.field) : null,
    purpose: context.purpose ?? null,
  });

  function checkKnown(context: ResponseContext): void {
    if (context.counter && !desks.counter(context.counter))
      throw new AppError('bad_input', `counter: ${context.counter} is unknown`);
    if (context.field && !desks.field(context.field))
      throw new AppError('bad_input', `field: ${context.field} is unknown`);
    if (context.officer && !desks.officer(context.officer))
      throw new AppError('bad_input', `officer: ${context.officer} is unknown`);
    if (context.caseCode && isCaseRated(context.caseCode))
      throw new AppError('conflict', 'this case has already been rated');
  }

  return {
    arm(context: ArmedVisit) {
      checkKnown(context);
      // A context still waiting is replaced by staff's own choice: that is not a lapse.
      live();
      const now = clock.now();
      armed = { armId: newId(), context, armedAt: now, expiresAt: now + armedForMs() };
      return { armId: armed.armId, expiresAt: new Date(armed.expiresAt).toISOString() };
    },
    disarm() {
      armed = null;
      return { disarmed: true as const };
    },
    view() {
      const current = live();
      if (!current) return null;
      const { context } = current;
      return {
        armId: current.armId,
        expiresAt: new Date(current.expiresAt).toISOString(),
        ...named(context),
        hasCaseCode: context.caseCode !== undefined,
      };
    },
    /** Armed contexts that ran out unused, oldest first, for staff (with the case code they typed). */
    lapsed() {
      live();
      return lapsed.map((entry) => ({
        armId: entry.armId,
        caseCode: entry.context.caseCode ?? null,
        ...named(entry.context),
        armedAt: new Date(entry.armedAt).toISOString(),
        expiredAt: new Date(entry.expiresAt).toISOString(),
      }));
    },
    /** A member of staff has seen to it (rated the case another way, or called the citizen back). */
    dismissLapsed(armId: string) {
      lapsed = lapsed.filter((entry) => entry.armId !== armId);
      return { dismissed: true as const };
    },
    /**
     * The armed context for this armId, or null when it was used. One that lapsed
     * while its citizen was still answering is theirs too: only a kiosk that saw
     * it live holds its armId, so the survey started in time.
     */
    take(armId: string): ArmedVisit | null {
      const current = live();
      if (current?.armId === armId) return current.context;
      return lapsed.find((entry) => entry.armId === armId)?.context ?? null;
    },
    /** The first response that rates uses the context up (and it was not lapsed after all). */
    consume(armId: string): void {
      if (armed?.armId === armId) armed = null;
      lapsed = lapsed.filter((entry) => entry.armId !== armId);
    },
    listDesks: () => ({ counters: desks.listCounters(), fields: desks.listFields(), officers: desks.listOfficers() }),
  };
}

export type ArmingService = ReturnType<typeof createArmingService>;
