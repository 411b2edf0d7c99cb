import { z } from 'zod';
import { KioskSettingsSchema } from '../domain/kioskSettings';
import { QuestionnaireSchema } from '../domain/questionnaire';
import { EmptyInput } from './schemas';
import { operation } from './operation';

export const KioskSetupOutput = z.object({
  settings: KioskSettingsSchema,
  questionnaire: QuestionnaireSchema,
  consentVersion: z.string(),
  /** How long a phone number or comment is kept, said in the consent notice. */
  retentionMonths: z.int().min(1),
});

export const kioskOperations = {
  getKioskSetup: operation({
    role: 'citizen',
    summary: 'Everything the kiosk screens need: unit, timings, thresholds, the active questionnaire.',
    input: EmptyInput,
    output: KioskSetupOutput,
  }),
  updateKioskSettings: operation({
    role: 'admin',
    summary: 'Replaces the kiosk settings (unit, hotline, QR text, timings, thresholds).',
    input: KioskSettingsSchema,
    output: KioskSettingsSchema,
  }),
};
