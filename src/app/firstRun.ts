import quick from '../../assets/questionnaires/sipas-quick.json';
import full from '../../assets/questionnaires/sipas-full.json';
import { QuestionnaireSchema, type Questionnaire } from '../domain/questionnaire';
import type { PinHasher } from '../services/ports';

/** The questionnaires shipped in assets/, validated like any imported file. */
export const shippedQuestionnaires: readonly Questionnaire[] = [quick, full].map((file) =>
  QuestionnaireSchema.parse(file),
);

/**
 * A demo set of officers, counters and fields so staff screens can be tried before the administrator
 * sets the unit up. Seeded only into an empty officers table; the README lists them.
 */
export const demoOfficers = [
  { code: 'nv01', name: 'Nguyễn Thị Lan', role: 'staff', counter: 'Q1', pin: '1111' },
  { code: 'nv02', name: 'Trần Văn Minh', role: 'staff', counter: 'Q2', pin: '2222' },
  { code: 'qtv', name: 'Lê Thu Hà', role: 'admin', counter: null, pin: '9999' },
] as const;

export const demoCounters = [
  { code: 'Q1', name: 'Quầy 1 — Tư pháp, hộ tịch' },
  { code: 'Q2', name: 'Quầy 2 — Đất đai, xây dựng' },
  { code: 'Q3', name: 'Quầy 3 — Lao động, chính sách' },
] as const;

export const demoFields = [
  { code: 'ho-tich', name: 'Hộ tịch' },
  { code: 'chung-thuc', name: 'Chứng thực' },
  { code: 'dat-dai', name: 'Đất đai' },
  { code: 'xay-dung', name: 'Xây dựng' },
  { code: 'lao-dong', name: 'Lao động, thương binh và xã hội' },
] as const;

export interface FirstRunStores {
  installQuestionnaire(definition: Questionnaire, at: string): void;
  activeQuestionnaire(): Questionnaire | null;
  setActiveQuestionnaire(ref: { id: string; version: number }): void;
  countOfficers(): number;
  upsertOfficer(officer: {
    code: string;
    name: string;
    role: 'staff' | 'admin';
    counter: string | null;
    pinHash: string;
  }): void;
  countCounters(): number;
  upsertCounter(code: string, name: string): void;
  upsertField(code: string, name: string): void;
}

export async function prepareFirstRun(
  stores: FirstRunStores,
  pins: PinHasher,
  { demo, now }: { demo: boolean; now: string },
) {
  for (const questionnaire of shippedQuestionnaires) stores.installQuestionnaire(questionnaire, now);
  if (!stores.activeQuestionnaire()) {
    const [first] = shippedQuestionnaires;
    if (first) stores.setActiveQuestionnaire({ id: first.id, version: first.version });
  }
  if (demo && stores.countCounters() === 0) {
    for (const counter of demoCounters) stores.upsertCounter(counter.code, counter.name);
    for (const field of demoFields) stores.upsertField(field.code, field.name);
  }
  if (demo && stores.countOfficers() === 0) {
    for (const { pin, ...officer } of demoOfficers) stores.upsertOfficer({ ...officer, pinHash: await pins.hash(pin) });
  }
}
