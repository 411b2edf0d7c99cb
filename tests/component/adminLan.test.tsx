import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InputOf, OutputOf } from '../../src/contract/operations';
import { fail, ok } from './fakeTransport';
import { openSection } from './adminHarness';

type View = OutputOf<'getLanSettings'>;

const off: View = {
  enabled: false,
  port: 4281,
  https: false,
  certificate: null,
  addresses: ['192.168.1.20'],
  urls: [],
  problem: null,
  devices: [],
};

const device = {
  id: 'd-1',
  name: 'Quầy 1 — Hộ tịch',
  pairedAt: '2026-11-30T01:00:00.000Z',
  pairedBy: 'qtv',
  revokedAt: null,
  responses: 12,
};

/** A fake host that keeps the LAN view and changes it as the real one would. */
function lanHost(start: View = off) {
  let view = start;
  return {
    get view() {
      return view;
    },
    handlers: {
      getLanSettings: () => ok(view),
      updateLanSettings: (input: InputOf<'updateLanSettings'>) => {
        if (input.tls && !input.tls.keyPem.includes('PRIVATE KEY'))
          return fail('bad_input', 'tls.keyPem: not a PEM private key');
        const https = input.tls === undefined ? view.https : input.tls !== null;
        const scheme = https ? 'https' : 'http';
        view = {
          ...view,
          enabled: input.enabled,
          port: input.port,
          https,
          certificate: https ? { subject: 'CN=kiosk.dienhong.local', validTo: '2027-11-30T00:00:00.000Z' } : null,
          urls: input.enabled ? [`${scheme}://192.168.1.20:${input.port}/`] : [],
        };
        return ok(view);
      },
      createPairingCode: () =>
        ok({
          code: '482913',
          expiresAt: '2026-11-30T01:10:00.000Z',
          urls: view.urls.map((url) => `${url}#/pair?code=482913`),
        }),
      listPairedDevices: () => ok(view.devices),
      revokePairedDevice: ({ id }: { id: string }) => {
        view = {
          ...view,
          devices: view.devices.map((d) => (d.id === id ? { ...d, revokedAt: '2026-11-30T02:00:00.000Z' } : d)),
        };
        return ok(view.devices.find((d) => d.id === id)!);
      },
    },
  };
}

describe('admin: LAN access', () => {
  it('is off with the risk of plain HTTP explained; turning it on shows the address and its QR code', async () => {
    const fake = lanHost();
    const { host, user } = await openSection('lan', 'Mạng nội bộ (LAN)', fake.handlers);
    expect(await screen.findByText('Đang tắt: không máy nào khác trong mạng mở được ứng dụng.')).toBeTruthy();
    const risk = screen.getByRole('note', { name: 'Lưu ý về an toàn khi dùng HTTP thường' });
    expect(risk.textContent).toContain('có thể đọc được mã PIN');

    const form = screen.getByRole('form', { name: 'Cài đặt' });
    const toggle = within(form).getByRole('checkbox', { name: 'Cho phép truy cập từ mạng nội bộ (LAN)' });
    expect((toggle as HTMLInputElement).checked).toBe(false);
    const port = within(form).getByLabelText<HTMLInputElement>('Cổng');
    expect(port.value).toBe('4281');

    // A port out of range is said before anything is sent.
    await user.click(toggle);
    await user.clear(port);
    await user.type(port, '80');
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('Cổng: nhập một số từ 1024 đến 65535.');
    expect(host.inputsTo('updateLanSettings')).toEqual([]);

    await user.clear(port);
    await user.type(port, '4300');
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(host.inputsTo('updateLanSettings')).toEqual([{ enabled: true, port: 4300 }]));
    expect(await screen.findByText('Đang bật trên cổng 4300.')).toBeTruthy();
    expect(screen.getByText('http://192.168.1.20:4300/', { selector: 'code' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Mã QR của địa chỉ http://192.168.1.20:4300/' })).toBeTruthy();
  });

  it('uploads the certificate and key as file contents, and shows the host’s refusal', async () => {
    const fake = lanHost({ ...off, enabled: true, urls: ['http://192.168.1.20:4281/'] });
    const { host, user } = await openSection('lan', 'Mạng nội bộ (LAN)', fake.handlers);
    const form = await screen.findByRole('form', { name: 'HTTPS (chứng thư số)' });
    const certPem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const cert = new File([certPem], 'kiosk.crt', { type: 'application/x-x509-ca-cert' });
    await user.upload(within(form).getByLabelText('Tệp chứng thư (.pem, .crt)'), cert);
    await user.upload(within(form).getByLabelText('Tệp khoá riêng (.pem, .key)'), new File(['not a key'], 'kiosk.key'));
    await user.click(within(form).getByRole('button', { name: 'Lưu và dùng HTTPS' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('tls.keyPem: not a PEM private key');

    const keyPem = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';
    await user.upload(within(form).getByLabelText('Tệp khoá riêng (.pem, .key)'), new File([keyPem], 'kiosk.key'));
    await user.click(within(form).getByRole('button', { name: 'Lưu và dùng HTTPS' }));
    expect(await within(form).findByText('Đã lưu chứng thư: truy cập qua mạng nội bộ dùng HTTPS.')).toBeTruthy();
    expect(host.inputsTo('updateLanSettings').at(-1)).toEqual({ enabled: true, port: 4281, tls: { certPem, keyPem } });
    expect(screen.getByText('https://192.168.1.20:4281/', { selector: 'code' })).toBeTruthy();
    expect(screen.queryByRole('note', { name: 'Lưu ý về an toàn khi dùng HTTP thường' })).toBeNull();
  });

  it('shows a one-time pairing code with its QR code, and revokes a paired device', async () => {
    const fake = lanHost({ ...off, enabled: true, urls: ['http://192.168.1.20:4281/'], devices: [device] });
    const { host, user } = await openSection('lan', 'Mạng nội bộ (LAN)', fake.handlers);
    const pairing = await screen.findByRole('region', { name: 'Ghép nối thiết bị tại quầy' });
    await user.click(within(pairing).getByRole('button', { name: 'Tạo mã ghép nối' }));
    expect(await within(pairing).findByText('482913')).toBeTruthy();
    expect(
      within(pairing).getByRole('img', {
        name: 'Mã QR để ghép nối, mở địa chỉ http://192.168.1.20:4281/#/pair?code=482913',
      }),
    ).toBeTruthy();
    expect(within(pairing).getByText(/^Hết hạn lúc /)).toBeTruthy();

    const devices = screen.getByRole('region', { name: 'Thiết bị đã ghép nối' });
    const row = within(devices).getByRole('row', { name: /Quầy 1 — Hộ tịch/ });
    expect(within(row).getByRole('cell', { name: '12' })).toBeTruthy();
    await user.click(within(row).getByRole('button', { name: 'Thu hồi Quầy 1 — Hộ tịch' }));
    await waitFor(() => expect(host.inputsTo('revokePairedDevice')).toEqual([{ id: 'd-1' }]));
    expect(await within(devices).findByText(/^Đã thu hồi lúc /)).toBeTruthy();
    expect(within(devices).queryByRole('button', { name: 'Thu hồi Quầy 1 — Hộ tịch' })).toBeNull();
  });
});
