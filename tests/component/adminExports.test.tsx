import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OutputOf } from '../../src/contract/operations';
import { fail, ok } from './fakeTransport';
import { openSection } from './adminHarness';

type Status = OutputOf<'exportStatus'>;
type Batch = OutputOf<'listExportBatches'>[number];

const batch: Batch = {
  id: 'b-2026-11',
  createdAt: '2026-11-30T08:00:00.000Z',
  createdBy: 'qtv',
  from: '2026-11-01',
  to: '2026-11-30',
  responses: 3000,
  format: 'csv',
  personalData: false,
  sha256: 'a'.repeat(64),
  fileName: 'sipas-2026-11-01_2026-11-30-b2026110.csv',
};

/** An export job the test moves by hand: each poll answers with the job as it stands. */
function exportHost() {
  const job: { status: Status } = { status: { jobId: 'job-1', state: 'running', done: 0, total: 3000 } };
  let batches: Batch[] = [];
  const handlers = {
    listExportBatches: () => ok(batches),
    startExport: () => ok({ jobId: 'job-1' }),
    exportStatus: ({ jobId }: { jobId: string }) => (jobId === 'job-1' ? ok(job.status) : fail('not_found')),
    cancelExport: () => {
      job.status = { ...job.status, state: 'cancelled' };
      return ok(job.status);
    },
    reexportBatch: () => ok({ jobId: 'job-1' }),
  };
  const finish = () => {
    batches = [batch];
    job.status = { jobId: 'job-1', state: 'done', done: 3000, total: 3000, batch };
  };
  return { job, handlers, finish };
}

const progressBar = () => screen.getByRole<HTMLProgressElement>('progressbar', { name: 'Tiến độ xuất' });

beforeEach(() => sessionStorage.clear());

describe('admin: exports', () => {
  it('starts a CSV export without personal data, shows the progress bar advancing, then where the file is', async () => {
    const { job, handlers, finish } = exportHost();
    const { host, user } = await openSection('exports', 'Xuất dữ liệu', handlers);
    const personal = screen.getByRole<HTMLInputElement>('checkbox', { name: /^Kèm dữ liệu cá nhân/ });
    expect(personal.checked).toBe(false);
    await screen.findByText('Chưa xuất lô nào.');

    const form = screen.getByRole('form', { name: 'Xuất một lô dữ liệu' });
    await user.clear(within(form).getByLabelText('Từ ngày'));
    await user.type(within(form).getByLabelText('Từ ngày'), '2026-11-01');
    await user.clear(within(form).getByLabelText('Đến ngày'));
    await user.type(within(form).getByLabelText('Đến ngày'), '2026-11-30');
    await user.click(within(form).getByRole('button', { name: 'Bắt đầu xuất' }));

    // Until a status carries the total the bar is indeterminate (max 1, value read as 0): wait for the total.
    await waitFor(() => expect(progressBar().max).toBe(3000));
    expect(progressBar().value).toBe(0);
    expect(screen.getByRole('button', { name: 'Đang có lô đang xuất' })).toHaveProperty('disabled', true);

    job.status = { ...job.status, done: 1000 };
    await waitFor(() => expect(progressBar().value).toBe(1000));
    screen.getByText('1.000 / 3.000 lượt đánh giá');
    job.status = { ...job.status, done: 2000 };
    await waitFor(() => expect(progressBar().value).toBe(2000));

    finish();
    await screen.findByText('Đã xuất xong.');
    expect(progressBar().value).toBe(3000);
    screen.getByText(`exports/${batch.fileName}`);
    screen.getByText(`exports/${batch.fileName}.manifest.json`);
    screen.getByText('(trong thư mục dữ liệu trên máy kiosk)');
    expect(screen.queryByRole('button', { name: 'Huỷ xuất' })).toBeNull();
    // The new batch is listed once the job is done.
    await screen.findByRole('rowheader', { name: batch.fileName });

    expect(host.inputsTo('startExport')).toEqual([
      { period: { from: '2026-11-01', to: '2026-11-30' }, format: 'csv', includePersonalData: false },
    ]);
    const polls = host.inputsTo('exportStatus').length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(host.inputsTo('exportStatus')).toHaveLength(polls);
  });

  it('cancels a running export', async () => {
    const { job, handlers } = exportHost();
    const { host, user } = await openSection('exports', 'Xuất dữ liệu', handlers);
    await user.click(screen.getByRole('radio', { name: 'Mọi lượt đánh giá mới kể từ lần xuất trước' }));
    await user.click(screen.getByRole('radio', { name: 'JSON (cho phần mềm tổng hợp)' }));
    await user.click(screen.getByRole('checkbox', { name: /^Kèm dữ liệu cá nhân/ }));
    screen.getByText(/^Tệp sẽ chứa dữ liệu cá nhân/);
    await user.click(screen.getByRole('button', { name: 'Bắt đầu xuất' }));

    job.status = { ...job.status, done: 700 };
    await waitFor(() => expect(progressBar().value).toBe(700));
    await user.click(screen.getByRole('button', { name: 'Huỷ xuất' }));
    await screen.findByText('Đã huỷ. Không có tệp nào được ghi.');
    expect(host.inputsTo('cancelExport')).toEqual([{ jobId: 'job-1' }]);
    expect(host.inputsTo('startExport')).toEqual([
      { period: { sinceLast: true }, format: 'json', includePersonalData: true },
    ]);
    expect(screen.getByRole('button', { name: 'Bắt đầu xuất' })).toHaveProperty('disabled', false);
  });

  it('re-exports a recorded batch and says whether the file is identical', async () => {
    const { job, handlers } = exportHost();
    const { host, user } = await openSection('exports', 'Xuất dữ liệu', {
      ...handlers,
      listExportBatches: () => ok([batch]),
    });
    await user.click(await screen.findByRole('button', { name: `Xuất lại: ${batch.fileName}` }));
    job.status = { jobId: 'job-1', state: 'done', done: 3000, total: 3000, batch, identical: true };
    await screen.findByText('Đã xuất xong. Tệp mới giống hệt tệp đã xuất trước đây.');
    expect(host.inputsTo('reexportBatch')).toEqual([{ batchId: batch.id }]);
  });

  it('shows why an export could not start', async () => {
    const { handlers } = exportHost();
    const { user } = await openSection('exports', 'Xuất dữ liệu', {
      ...handlers,
      startExport: () => fail('conflict', 'period: nothing new since the last batch'),
    });
    await user.click(screen.getByRole('radio', { name: 'Mọi lượt đánh giá mới kể từ lần xuất trước' }));
    await user.click(screen.getByRole('button', { name: 'Bắt đầu xuất' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Không thực hiện được vì dữ liệu đang ở trạng thái khác.Chi tiết từ máy khảo sát: period: nothing new since the last batch',
    );
  });
});
