import type { z } from 'zod';
import type { ResponseContextSchema } from '../contract/survey';
import { AppError } from '../domain/errors';
import type { Clock, DeskStore } from './ports';

export type ResponseContext = z.output<typeof ResponseContextSchema>;

export const ARMED_FOR_MS = 10 * 60_000;

export interface ArmingDeps {
  clock: Clock;
  desks: DeskStore;
  newId: () => string;
  isCaseRated: (caseCode: string) => boolean;
}

interface Armed {
  armId: string;
  context: ResponseContext;
  expiresAt: number;
}

/**
 * Staff arm the kiosk with the context of the next citizen. The context (with
 * the raw case code) stays here in the host: the kiosk gets names to show and an
 * armId to send back, and the first response that does so consumes it.
 */
export function createArmingService({ clock, desks, newId, isCaseRated }: ArmingDeps) {
  let armed: Armed | null = null;

  const live = (): Armed | null => {
    if (armed && armed.expiresAt <= clock.now()) armed = null;
    return armed;
  };

  function checkKnown(context: ResponseContext): void {
    if (context.counter && !desks.counter(context.counter)) throw new AppError('bad_input', `counter: ${context.counter} is unknown`);
    if (context.field && !desks.field(context.field)) throw new AppError('bad_input', `field: ${context.field} is unknown`);
    if (context.officer && !desks.officer(context.officer)) throw new AppError('bad_input', `officer: ${context.officer} is unknown`);
    if (context.caseCode && isCaseRated(context.caseCode)) throw new AppError('conflict', 'this case has already been rated');
  }

  return {
    arm(context: ResponseContext) {
      checkKnown(context);
      armed = { armId: newId(), context, expiresAt: clock.now() + ARMED_FOR_MS };
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
        officer: context.officer ? desks.officer(context.officer) : null,
        counter: context.counter ? desks.counter(context.counter) : null,
        field: context.field ? desks.field(context.field) : null,
        hasCaseCode: context.caseCode !== undefined,
      };
    },
    /** The armed context for this armId, or null when it expired or was used. */
    take(armId: string): ResponseContext | null {
      const current = live();
      return current && current.armId === armId ? current.context : null;
    },
    consume(armId: string): void {
      if (armed?.armId === armId) armed = null;
    },
    listDesks: () => ({ counters: desks.listCounters(), fields: desks.listFields(), officers: desks.listOfficers() }),
  };
}

export type ArmingService = ReturnType<typeof createArmingService>;
