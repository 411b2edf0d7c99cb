import type { Questionnaire } from '../../src/domain/questionnaire';

/**
 * A small questionnaire: four items over three dimensions, one optional item
 * ("Không ý kiến" allowed) and one on the three-point officer scale.
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
      weight: 1,
      reasons: [],
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
      weight: 1,
      reasons: [],
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
      weight: 1,
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
