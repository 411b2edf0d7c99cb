import type { Session } from '../contract/dispatch';
import { formatZodError } from '../contract/validation';
import { AppError } from '../domain/errors';
import type { KioskSettings } from '../domain/kioskSettings';
import { itemsOf, QuestionnaireSchema, type Questionnaire } from '../domain/questionnaire';
import type { AdminStore, AuditLog, Clock, OfficerSetup, PinHasher, QuestionnaireRef } from './ports';

export interface AdminServiceDeps {
  store: AdminStore;
  audit: AuditLog;
  pins: PinHasher;
  clock: Clock;
  questionnaires: {
    questionnaire(ref: QuestionnaireRef): Questionnaire | null;
    activeQuestionnaire(): Questionnaire | null;
    installQuestionnaire(definition: Questionnaire, at: string): void;
    setActiveQuestionnaire(ref: QuestionnaireRef): void;
  };
  kiosk: { kioskSettings(): KioskSettings; saveKioskSettings(next: KioskSettings): void };
}

/** Audit entries never hold PINs or photo bytes. */
const auditable = (officer: OfficerSetup | null) => officer && { ...officer, photo: officer.photo ? 'set' : null };

const who = (session: Session | null): string => {
  if (!session) throw new AppError('unauthenticated', 'sign in first');
  return session.officer;
};

/** The administrator's setup. Every change is written with its audit entry in one transaction. */
export function createAdminService({ store, audit, pins, clock, questionnaires, kiosk }: AdminServiceDeps) {
  const now = () => new Date(clock.now()).toISOString();

  function change<T>(
    session: Session | null,
    action: string,
    target: string | null,
    before: unknown,
    apply: () => T,
    after: (result: T) => unknown,
  ): T {
    const officer = who(session);
    return store.inTransaction(() => {
      const result = apply();
      audit.record({ at: now(), officer, action, target, before, after: after(result) });
      return result;
    });
  }

  function summaryOf(q: Questionnaire, createdAt: string, responses: number) {
    const active = questionnaires.activeQuestionnaire();
    return {
      id: q.id,
      version: q.version,
      title: q.title,
      createdAt,
      active: active?.id === q.id && active.version === q.version,
      responses,
    };
  }

  function summaryOfStored(ref: QuestionnaireRef) {
    const row = store.listQuestionnaires().find((q) => q.id === ref.id && q.version === ref.version);
    const definition = questionnaires.questionnaire(ref);
    if (!row || !definition) throw new AppError('not_found', `questionnaire ${ref.id} v${ref.version} is not stored`);
    return summaryOf(definition, row.createdAt, row.responses);
  }

  /**
   * An item id keeps its scale across every version of a questionnaire: its answers are
   * counted per item (the upstream batch sends as many counts as the scale has points),
   * so a 3-point "officer.1" in one version and a 5-point one in the next would be two
   * instruments under one name. A changed question that needs another scale gets a new id.
   */
  function refuseScaleChanges(next: Questionnaire) {
    for (const row of store.listQuestionnaires()) {
      if (row.id !== next.id || row.version === next.version) continue;
      const other = questionnaires.questionnaire(row);
      if (!other) throw new Error(`stored questionnaire ${row.id} v${row.version} does not parse`);
      const scales = new Map(itemsOf(other).map((item) => [item.id, item.scale]));
      next.dimensions.forEach((dimension, d) =>
        dimension.items.forEach((item, i) => {
          const scale = scales.get(item.id);
          if (scale !== undefined && scale !== item.scale) {
            throw new AppError(
              'conflict',
              `dimensions[${d}].items[${i}].scale: item ${item.id} has a ${scale}-point scale in ${row.id} v${row.version}; ` +
                `a new version may not change an item's scale — give the changed question a new id`,
            );
          }
        }),
      );
    }
  }

  return {
    setupStatus: () => ({ hasAdmin: store.countAdmins() > 0 }),

    async createFirstAdmin(input: { code: string; name: string; pin: string }, local: boolean) {
      if (!local)
        throw new AppError('forbidden', 'the first administrator is created on the kiosk itself, not over the network');
      if (store.countAdmins() > 0) throw new AppError('conflict', 'an administrator already exists; sign in');
      const pinHash = await pins.hash(input.pin);
      return store.inTransaction(() => {
        store.insertOfficer({
          code: input.code,
          name: input.name,
          role: 'admin',
          counter: null,
          active: true,
          pinHash,
        });
        audit.record({
          at: now(),
          officer: input.code,
          action: 'admin.create_first',
          target: input.code,
          after: { code: input.code, name: input.name },
        });
        return { code: input.code, name: input.name };
      });
    },

    getUnitSetup: () => ({
      counters: store.listPlaces('counters'),
      fields: store.listPlaces('fields'),
      officers: store.listOfficers(),
    }),

    savePlace(
      table: 'counters' | 'fields',
      place: { code: string; name: string; active: boolean },
      session: Session | null,
    ) {
      const before = store.findPlace(table, place.code);
      return change(
        session,
        `${table === 'counters' ? 'counter' : 'field'}.save`,
        place.code,
        before,
        () => {
          store.savePlace(table, place);
          return place;
        },
        (p) => p,
      );
    },

    async saveOfficer(
      input: Omit<OfficerSetup, 'photo'> & { photo?: string | null | undefined; pin?: string | undefined },
      session: Session | null,
    ) {
      const before = store.findOfficer(input.code);
      if (!before && !input.pin) throw new AppError('bad_input', 'pin: required for a new officer');
      if (before && input.pin) throw new AppError('bad_input', 'pin: use resetOfficerPin to change a PIN');
      const demotes = before?.role === 'admin' && before.active && (input.role !== 'admin' || !input.active);
      if (demotes && store.countAdmins() <= 1) {
        throw new AppError('conflict', 'role: this is the last active administrator; make another administrator first');
      }
      const pinHash = input.pin ? await pins.hash(input.pin) : null;
      const { pin: _pin, ...officer } = input;
      return change(
        session,
        before ? 'officer.update' : 'officer.create',
        input.code,
        auditable(before),
        () => {
          if (pinHash) store.insertOfficer({ ...officer, pinHash });
          else store.updateOfficer(officer);
          const saved = store.findOfficer(input.code);
          if (!saved) throw new Error(`officer ${input.code} vanished while saving`);
          return saved;
        },
        auditable,
      );
    },

    async resetOfficerPin({ code, pin }: { code: string; pin: string }, session: Session | null) {
      if (!store.findOfficer(code)) throw new AppError('not_found', `code: no officer ${code}`);
      const pinHash = await pins.hash(pin);
      return change(
        session,
        'officer.pin_reset',
        code,
        null,
        () => {
          store.setPinHash(code, pinHash);
          return { code, reset: true as const };
        },
        () => ({ pin: 'changed' }),
      );
    },

    listQuestionnaires: () =>
      store.listQuestionnaires().map((row) => {
        const definition = questionnaires.questionnaire(row);
        if (!definition) throw new Error(`stored questionnaire ${row.id} v${row.version} does not parse`);
        return summaryOf(definition, row.createdAt, row.responses);
      }),

    importQuestionnaire(
      { definition, asNewVersion }: { definition: unknown; asNewVersion: boolean },
      session: Session | null,
    ) {
      const parsed = QuestionnaireSchema.safeParse(definition);
      if (!parsed.success) throw new AppError('bad_input', formatZodError(parsed.error));
      const latest = store.latestQuestionnaireVersion(parsed.data.id);
      const questionnaire = asNewVersion ? { ...parsed.data, version: (latest ?? 0) + 1 } : parsed.data;
      const stored = questionnaires.questionnaire(questionnaire);
      if (stored) {
        if (JSON.stringify(stored) === JSON.stringify(questionnaire)) return summaryOfStored(questionnaire);
        throw new AppError(
          'conflict',
          `${questionnaire.id} v${questionnaire.version} is stored and may be in use; it is never changed in place — import it as a new version`,
        );
      }
      refuseScaleChanges(questionnaire);
      const ref = { id: questionnaire.id, version: questionnaire.version };
      change(
        session,
        'questionnaire.import',
        `${ref.id}@${ref.version}`,
        null,
        () => questionnaires.installQuestionnaire(questionnaire, now()),
        () => ref,
      );
      return summaryOfStored(ref);
    },

    activateQuestionnaire(ref: QuestionnaireRef, session: Session | null) {
      if (!questionnaires.questionnaire(ref))
        throw new AppError('not_found', `questionnaire ${ref.id} v${ref.version} is not stored`);
      const active = questionnaires.activeQuestionnaire();
      const before = active && { id: active.id, version: active.version };
      change(
        session,
        'questionnaire.activate',
        `${ref.id}@${ref.version}`,
        before,
        () => questionnaires.setActiveQuestionnaire(ref),
        () => ref,
      );
      return summaryOfStored(ref);
    },

    updateKioskSettings(next: KioskSettings, session: Session | null) {
      return change(
        session,
        'kiosk.settings',
        null,
        kiosk.kioskSettings(),
        () => {
          kiosk.saveKioskSettings(next);
          return kiosk.kioskSettings();
        },
        (saved) => saved,
      );
    },

    auditLog: ({ before, limit }: { before?: number | undefined; limit: number }) =>
      audit.list({ before: before ?? null, limit }),
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
