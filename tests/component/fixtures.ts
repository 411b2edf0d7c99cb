import type { OutputOf } from '../../src/contract/operations';
import type { Questionnaire } from '../../src/domain/questionnaire';

/**
 * A small questionnaire: four items over three dimensions, one optional item
 * ("Không ý kiến" allowed) and one on the three-point officer scale. Access and
 * officer offer reasons after a low score; result offers none.
 */
export const questionnaire: Questionnaire = {
  schema: 'sipas.questionnaire.v1',
  id: 'test-quick',
  version: 3,
  title: { vi: 'Phiếu thử', en: 'Test form' },
  dimensions: [
    {
      id: 'access',
      title: { vi: 'Tiếp cận dịch vụ', en: 'Access to the service' },
      reasons: [
        { id: 'waited-too-long', text: { vi: 'Phải chờ quá lâu', en: 'Waited too long' } },
        { id: 'not-enough-seats', text: { vi: 'Thiếu chỗ ngồi chờ', en: 'Not enough seats' } },
        { id: 'hard-to-find', text: { vi: 'Khó tìm thông tin', en: 'Hard to find information' } },
      ],
      items: [
        {
          id: 'access.1',
          text: { vi: 'Nơi tiếp đón có đủ chỗ ngồi không?', en: 'Were there enough seats?' },
          scale: 5,
          optional: false,
        },
        {
          id: 'access.2',
          text: { vi: 'Thông tin niêm yết có dễ tìm không?', en: 'Was the posted information easy to find?' },
          scale: 5,
          optional: true,
        },
      ],
    },
    {
      id: 'officer',
      title: { vi: 'Công chức giải quyết công việc', en: 'The officer who served you' },
      reasons: [
        { id: 'impolite', text: { vi: 'Thái độ không lịch sự', en: 'Impolite' } },
        { id: 'unclear-guidance', text: { vi: 'Hướng dẫn không rõ ràng', en: 'Unclear guidance' } },
      ],
      items: [
        {
          id: 'officer',
          text: { vi: 'Ông/Bà đánh giá công chức thế nào?', en: 'How do you rate the officer?' },
          scale: 3,
          optional: false,
        },
      ],
    },
    {
      id: 'result',
      title: { vi: 'Kết quả giải quyết', en: 'Result of the procedure' },
      reasons: [],
      items: [
        {
          id: 'result',
          text: { vi: 'Kết quả có đúng hẹn không?', en: 'Was the result on time?' },
          scale: 5,
          optional: false,
        },
      ],
    },
  ],
};

export const CITIZEN_ID = '6f1c2b7e-3d4a-4b5c-9e8f-0a1b2c3d4e5f';

export const CONSENT_VERSION = 'contact-consent-2026-12';

export const setup: OutputOf<'getKioskSetup'> = {
  settings: {
    unit: { name: 'UBND xã Điện Hồng', code: 'DH' },
    hotline: '0235 3846 123',
    feedbackQrText: '',
    timings: { inactivitySeconds: 45, warningSeconds: 20, thankYouSeconds: 3 },
    armedMinutes: 5,
    callbackWorkingDays: 2,
    openingHours: { open: '07:00', close: '17:30' },
    lowScoreThreshold: 2,
    misuse: { minSecondsPerQuestion: 0.8, repeatWindowSeconds: 20 },
    staffIdleMinutes: 2,
  },
  questionnaire,
  consentVersion: CONSENT_VERSION,
  retentionMonths: 12,
};

export const ARM_ID = '0b5e7c1a-9d2f-4e3b-8a6c-1f2e3d4c5b6a';

export const armed: NonNullable<OutputOf<'getArmedContext'>> = {
  armId: ARM_ID,
  expiresAt: '2026-11-29T03:10:00.000Z',
  officer: { code: 'lan', name: 'Nguyễn Thị Lan' },
  counter: { code: 'q2', name: 'Quầy 2' },
  field: { code: 'dat-dai', name: 'Đất đai' },
  hasCaseCode: false,
  purpose: null,
};
