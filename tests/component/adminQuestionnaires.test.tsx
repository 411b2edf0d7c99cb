import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../src/contract/operations';
import { fail, ok } from './fakeTransport';
import { questionnaire } from './fixtures';
import { openSection } from './adminHarness';

type Summary = OutputOf<'listQuestionnaires'>[number];

const PATH_ERROR = 'dimensions[2].items[0].text.vi: required';
const jsonFile = (name: string, body: string) => new File([body], name, { type: 'application/json' });

function questionnaireHost() {
  let list: Summary[] = [
    {
      id: 'test-quick',
      version: 3,
      title: questionnaire.title,
      createdAt: '2026-11-01T02:00:00.000Z',
      active: true,
      responses: 1234,
    },
  ];
  return {
    listQuestionnaires: () => ok(list),
    importQuestionnaire: ({ definition, asNewVersion }: { definition: unknown; asNewVersion?: boolean }) => {
      const d = definition as { dimensions?: Array<{ items?: Array<{ text?: { vi?: string } }> }> };
      if (d.dimensions?.[2]?.items?.[0]?.text?.vi === undefined) return fail('bad_input', PATH_ERROR);
      const summary: Summary = {
        id: 'test-quick',
        version: asNewVersion ? 4 : 3,
        title: questionnaire.title,
        createdAt: '2026-11-30T03:00:00.000Z',
        active: false,
        responses: 0,
      };
      list = [...list, summary];
      return ok(summary);
    },
    activateQuestionnaire: ({ id, version }: { id: string; version: number }) => {
      list = list.map((q) => ({ ...q, active: q.id === id && q.version === version }));
      return ok(list.find((q) => q.active)!);
    },
  };
}

describe('admin: questionnaires', () => {
  it('lists the versions with the one in use and its responses', async () => {
    await openSection('questionnaires', 'Phiếu khảo sát', questionnaireHost());
    const row = await screen.findByRole('row', { name: /Phiếu thử/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['test-quick', '3', '01/11/2026 09:00:00', '1.234', 'Đang dùng']);
  });

  it('shows the host’s path error verbatim, and a file that is not JSON', async () => {
    const { host, user } = await openSection('questionnaires', 'Phiếu khảo sát', questionnaireHost());
    const form = screen.getByRole('form', { name: 'Nhập phiếu từ tệp JSON' });
    const file = within(form).getByLabelText('Tệp phiếu khảo sát');

    await user.upload(file, jsonFile('hong.json', '{"schema": "sipas.questionnaire.v1",'));
    await user.click(within(form).getByRole('button', { name: 'Nhập phiếu' }));
    const parse = await within(form).findByRole('alert');
    expect(parse.textContent).toMatch(/^Tệp hong\.json không phải là JSON hợp lệ\.Chi tiết từ máy khảo sát: .+/);
    expect(host.inputsTo('importQuestionnaire')).toEqual([]);

    // The third dimension's first item lost its Vietnamese text.
    const bad = structuredClone(questionnaire) as unknown as {
      dimensions: Array<{ items: Array<{ text: Partial<Record<'vi' | 'en', string>> }> }>;
    };
    delete bad.dimensions[2]!.items[0]!.text.vi;
    await user.upload(file, jsonFile('thieu.json', JSON.stringify(bad)));
    await user.click(within(form).getByRole('button', { name: 'Nhập phiếu' }));
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toContain(PATH_ERROR));
    expect(within(form).getByRole('alert').textContent).toBe(
      `Thông tin gửi đi chưa hợp lệ.Chi tiết từ máy khảo sát: ${PATH_ERROR}`,
    );
    expect(host.inputsTo('importQuestionnaire')).toEqual([{ definition: bad, asNewVersion: false }]);
  });

  it('imports a file as a new version and activates it', async () => {
    const { host, user } = await openSection('questionnaires', 'Phiếu khảo sát', questionnaireHost());
    const form = screen.getByRole('form', { name: 'Nhập phiếu từ tệp JSON' });
    const good = { ...questionnaire, title: { vi: 'Phiếu thử (sửa)', en: 'Test form (edited)' } };
    // A UTF-8 BOM, as Notepad writes it, is not an error.
    await user.upload(
      within(form).getByLabelText('Tệp phiếu khảo sát'),
      jsonFile('sua.json', `\uFEFF${JSON.stringify(good)}`),
    );
    await user.click(within(form).getByLabelText('Lưu thành phiên bản mới'));
    await user.click(within(form).getByRole('button', { name: 'Nhập phiếu' }));
    await waitFor(() =>
      expect(within(form).getByRole('status').textContent).toMatch(
        /^Đã nhập phiếu “Phiếu thử” \(test-quick, phiên bản 4\)/,
      ),
    );
    expect(host.inputsTo('importQuestionnaire')).toEqual([{ definition: good, asNewVersion: true }]);

    await user.click(await screen.findByRole('button', { name: 'Dùng phiếu này: test-quick phiên bản 4' }));
    await screen.findByText('Máy khảo sát đang dùng phiếu “Phiếu thử”, phiên bản 4.');
    expect(host.inputsTo('activateQuestionnaire')).toEqual([{ id: 'test-quick', version: 4 }]);
    await waitFor(() =>
      expect(within(screen.getByRole('row', { name: /Phiếu thử test-quick 4/ })).getByText('Đang dùng')).toBeTruthy(),
    );
    screen.getByRole('button', { name: 'Dùng phiếu này: test-quick phiên bản 3' });
  });
});
